import type { FaultRule } from './faults.js';
import type { Clock } from './types.js';

/** An obviously fake key that the emulator accepts by default. */
export const DEMO_API_KEY = 'st-emulator-demo-key';

export interface EmulatorOptions {
  /** 0 picks any free port (default). */
  port?: number;
  host?: string;
  seed?: number;
  apiKeys?: string[];
  /** Status for a missing or unknown key: the docs say 401, some clients have seen 403. */
  invalidKeyStatus?: 401 | 403;
  monthlyQuota?: number;
  /** Requests per second per account; 0 turns the limit off. */
  ratePerSecond?: number;
  projects?: number;
  assetsPerProject?: number | number[];
  /** Snapshots that exist at start, one a week back from the base date. */
  snapshots?: number;
  /** Size of the DSL/SQL exploration data set. */
  hosts?: number;
  scrollTtlMs?: number;
  /** Above 0, tagging answers `complete: false` with task ids and applies after this delay. */
  taggingDelayMs?: number;
  faults?: FaultRule[];
  clock?: Clock;
  /** One line per request on stderr. */
  logRequests?: boolean;
}

export type ResolvedOptions = Required<Omit<EmulatorOptions, 'assetsPerProject'>> & {
  assetsPerProject: number | number[];
};

export const systemClock: Clock = { now: () => Date.now() };

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const apiKeys = options.apiKeys ?? [DEMO_API_KEY];
  if (apiKeys.length === 0 || apiKeys.some((key) => typeof key !== 'string' || key === '')) {
    throw new TypeError('apiKeys must hold at least one non-empty string');
  }
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    seed: options.seed ?? 1,
    apiKeys,
    invalidKeyStatus: options.invalidKeyStatus ?? 401,
    monthlyQuota: options.monthlyQuota ?? 10_000,
    ratePerSecond: options.ratePerSecond ?? 50,
    projects: options.projects ?? 3,
    assetsPerProject: options.assetsPerProject ?? [1430, 240, 35],
    snapshots: options.snapshots ?? 6,
    hosts: options.hosts ?? 5000,
    scrollTtlMs: options.scrollTtlMs ?? 120_000,
    taggingDelayMs: options.taggingDelayMs ?? 0,
    faults: options.faults ?? [],
    clock: options.clock ?? systemClock,
    logRequests: options.logRequests ?? false,
  };
}
