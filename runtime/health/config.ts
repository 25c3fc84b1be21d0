import type { HealthTarget } from './types.js';

/** Longest interval a timer can hold (setTimeout caps near 24.8 days); a week is plenty. */
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

export class HealthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HealthConfigError';
  }
}

/**
 * Reads a connections file: `{ "connections": [{ "name", "description", "active",
 * "intervalMinutes"?, "connection": {...} }] }`. `defaultInterval` applies where an entry gives
 * none. The connection objects are checked later, by the runtime, when each is tested.
 */
export function parseConnectionsFile(content: unknown, defaultInterval: number): HealthTarget[] {
  if (!isRecord(content) || !Array.isArray(content.connections)) {
    throw new HealthConfigError('A connections file holds { "connections": [ ... ] }.');
  }
  const targets = content.connections.map((entry, index) =>
    parseEntry(entry, index, defaultInterval),
  );

  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.name)) {
      throw new HealthConfigError(
        `Two connections are named "${target.name}"; names must be unique.`,
      );
    }
    seen.add(target.name);
  }
  return targets;
}

function parseEntry(entry: unknown, index: number, defaultInterval: number): HealthTarget {
  const at = `connections[${index}]`;
  if (!isRecord(entry)) throw new HealthConfigError(`${at} must be an object.`);

  const { name, description = '', active, intervalMinutes = defaultInterval, connection } = entry;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new HealthConfigError(`${at}.name must be a non-empty string.`);
  }
  if (typeof description !== 'string')
    throw new HealthConfigError(`${at}.description must be a string.`);
  if (typeof active !== 'boolean') {
    throw new HealthConfigError(`${at}.active must be true or false (connection "${name}").`);
  }
  if (
    typeof intervalMinutes !== 'number' ||
    !(intervalMinutes > 0) ||
    intervalMinutes > MAX_INTERVAL_MINUTES
  ) {
    throw new HealthConfigError(
      `${at}.intervalMinutes must be a number above 0 and at most ${MAX_INTERVAL_MINUTES} ` +
        `(connection "${name}"); got ${JSON.stringify(intervalMinutes)}.`,
    );
  }
  if (!isRecord(connection)) {
    throw new HealthConfigError(
      `${at}.connection must be an object with serverUrl, apiKey, apiVersion.`,
    );
  }
  return { name, description, active, intervalMinutes, connection };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
