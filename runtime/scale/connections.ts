import { readFile } from 'node:fs/promises';
import { HealthConfigError, parseConnectionsFile } from '../health/config.js';
import type { HealthTarget } from '../health/types.js';

export interface FetchSchedule {
  project: string;
  everyMinutes: number;
  /** Start Time of the first run, while the project has no saved state; default 24 h back. */
  startTime?: string;
}

/** A connections file entry as the scheduler and the workers read it. */
export interface ScaleConnection extends HealthTarget {
  /** Fetch Incident of one project on a schedule; absent means no fetch runs. */
  fetch?: FetchSchedule;
  /** The vendor's limit for this entry's API key, requests per second; default the worker's. */
  ratePerSecond?: number;
}

/**
 * The health-check connections file, with two optional fields per entry: `fetch: { project,
 * everyMinutes, startTime? }` and `ratePerSecond`. Errors are HealthConfigError, like the file's other
 * fields.
 */
export function parseScaleConnections(
  content: unknown,
  defaultInterval: number,
): ScaleConnection[] {
  const targets = parseConnectionsFile(content, defaultInterval);
  const entries = (content as { connections: Record<string, unknown>[] }).connections;
  return targets.map((target, index) => {
    const entry = entries[index] ?? {};
    const at = `connections[${index}] ("${target.name}")`;
    return {
      ...target,
      ...(entry.fetch !== undefined && { fetch: parseFetch(entry.fetch, at) }),
      ...(entry.ratePerSecond !== undefined && {
        ratePerSecond: parseRate(entry.ratePerSecond, at),
      }),
    };
  });
}

export async function readScaleConnections(
  path: string,
  defaultInterval: number,
): Promise<ScaleConnection[]> {
  let content: unknown;
  try {
    content = JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new HealthConfigError(`The connections file ${path} cannot be read (${reason}).`);
  }
  return parseScaleConnections(content, defaultInterval);
}

function parseFetch(value: unknown, at: string): FetchSchedule {
  const fetch = value as Record<string, unknown> | null;
  if (fetch === null || typeof fetch !== 'object' || Array.isArray(fetch)) {
    throw new HealthConfigError(`${at}.fetch must be { "project": "...", "everyMinutes": n }.`);
  }
  const { project, everyMinutes, startTime } = fetch;
  if (typeof project !== 'string' || project.trim() === '') {
    throw new HealthConfigError(`${at}.fetch.project must be a project ID (see List Projects).`);
  }
  if (typeof everyMinutes !== 'number' || !(everyMinutes > 0)) {
    throw new HealthConfigError(
      `${at}.fetch.everyMinutes must be a number above 0; got ${JSON.stringify(everyMinutes)}.`,
    );
  }
  if (startTime !== undefined && typeof startTime !== 'string') {
    throw new HealthConfigError(`${at}.fetch.startTime must be a date-time such as 2024-07-01.`);
  }
  return { project, everyMinutes, ...(startTime !== undefined && { startTime }) };
}

function parseRate(value: unknown, at: string): number {
  if (typeof value === 'number' && value >= 0 && Number.isFinite(value)) return value;
  throw new HealthConfigError(
    `${at}.ratePerSecond must be a number of requests per second, 0 for no limit; got ` +
      `${JSON.stringify(value)}.`,
  );
}

/** True when the API Key is a vault reference that a job may carry without the key itself. */
export function isVaultReference(apiKey: unknown): boolean {
  return typeof apiKey === 'string' && /^(env|file):./.test(apiKey);
}
