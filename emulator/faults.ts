import { mulberry32 } from './data/prng.js';
import type { Rng } from './data/prng.js';
import { matchPattern } from './router.js';

export type FaultKind = 'reset' | 'truncate' | 'malformed' | 'html' | 'oversize';
export const FAULT_KINDS: readonly FaultKind[] = [
  'reset',
  'truncate',
  'malformed',
  'html',
  'oversize',
];

export interface FaultRule {
  /** A pattern, or a method and a pattern ('GET /v2/projects'); absent matches every request. */
  route?: string;
  latencyMs?: number;
  status?: number;
  body?: unknown;
  retryAfter?: string;
  /** Share of matching requests that get the fault, 0..1; default 1. */
  rate?: number;
  /** Apply only to the first N matching requests. */
  times?: number;
  kind?: FaultKind;
}

interface ActiveRule {
  rule: FaultRule;
  method: string | undefined;
  pattern: string | undefined;
  seen: number;
}

function compile(rule: FaultRule): ActiveRule {
  const route = rule.route?.trim();
  const spaced = route === undefined ? undefined : /^([A-Za-z]+)\s+(\/.*)$/.exec(route);
  return {
    rule,
    method: spaced?.[1]?.toUpperCase(),
    pattern: spaced ? spaced[2] : route,
    seen: 0,
  };
}

/**
 * The fault rules in force. Each request takes the first rule whose route fits, whose `times` is
 * not used up and whose `rate` roll succeeds; the rolls come from the seed, so a run repeats.
 */
export class FaultPlan {
  private active: ActiveRule[] = [];
  private rng: Rng;

  constructor(
    private readonly seed: number,
    rules: readonly FaultRule[],
  ) {
    this.rng = mulberry32(seed ^ 0xfa017);
    this.set(rules);
  }

  set(rules: readonly FaultRule[]): void {
    this.active = rules.map(compile);
    this.rng = mulberry32(this.seed ^ 0xfa017);
  }

  rules(): FaultRule[] {
    return this.active.map((a) => a.rule);
  }

  pick(method: string, segments: readonly string[]): FaultRule | undefined {
    for (const entry of this.active) {
      if (entry.method !== undefined && entry.method !== method) continue;
      if (entry.pattern !== undefined && matchPattern(entry.pattern, segments) === undefined)
        continue;
      entry.seen += 1;
      if (entry.rule.times !== undefined && entry.seen > entry.rule.times) continue;
      if (this.rng() >= (entry.rule.rate ?? 1)) continue;
      return entry.rule;
    }
    return undefined;
  }
}

function problem(rule: Record<string, unknown>, index: number): string | undefined {
  const at = `fault ${index}`;
  const { route, latencyMs, status, retryAfter, rate, times, kind } = rule;
  if (route !== undefined && typeof route !== 'string') return `${at}: route must be a string`;
  if (latencyMs !== undefined && !(typeof latencyMs === 'number' && latencyMs >= 0))
    return `${at}: latencyMs must be a number >= 0`;
  if (
    status !== undefined &&
    !(Number.isInteger(status) && Number(status) >= 100 && Number(status) <= 599)
  )
    return `${at}: status must be an HTTP status code`;
  if (retryAfter !== undefined && typeof retryAfter !== 'string')
    return `${at}: retryAfter must be a string`;
  if (rate !== undefined && !(typeof rate === 'number' && rate >= 0 && rate <= 1))
    return `${at}: rate must be a number from 0 to 1`;
  if (times !== undefined && !(Number.isInteger(times) && Number(times) >= 0))
    return `${at}: times must be an integer >= 0`;
  if (kind !== undefined && !FAULT_KINDS.includes(kind as FaultKind))
    return `${at}: kind must be one of ${FAULT_KINDS.join(', ')}`;
  return undefined;
}

/** Checks a JSON array of fault rules, as `PUT /__emulator/faults` receives it. */
export function readFaultRules(value: unknown): FaultRule[] | string {
  if (!Array.isArray(value)) return 'expected a JSON array of fault rules';
  for (const [index, rule] of value.entries()) {
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule))
      return `fault ${index}: expected an object`;
    const found = problem(rule as Record<string, unknown>, index);
    if (found !== undefined) return found;
  }
  return value as FaultRule[];
}
