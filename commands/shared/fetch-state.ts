import { ConnectorError } from '../../runtime/errors/connector-error.js';
import { parseDateTime, toSnapshotTime } from '../../runtime/inputs/dates.js';

/**
 * The fetch state of Fetch Incident, as the SOAR platform keeps it between runs. It names the
 * newest snapshot whose issues were delivered, whether every page of it was read, and, for a
 * snapshot still to resume, the unique keys already delivered from it, so that the resume does
 * not deliver them again. Everything in it comes from the data received, never from the clock.
 */
export interface FetchState {
  snapshot_time: string;
  is_fetched: boolean;
  delivered_keys?: string[];
}

/** Keys kept for a snapshot to resume; the manifest's schema allows no more. */
export const MAX_STATE_KEYS = 1000;

export const STATE_PARAMETER = 'Previous Snapshot Fetch State';

/** The state input, already checked for shape by the input schema; undefined on a first run. */
export function readFetchState(value: unknown): FetchState | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw malformed('a JSON object', value);

  const {
    snapshot_time: time,
    is_fetched: fetched,
    delivered_keys: keys,
  } = value as Partial<FetchState>;
  if (typeof time !== 'string') throw malformed('snapshot_time as YYYY-MM-DD HH:MM:SS', time);
  if (typeof fetched !== 'boolean') throw malformed('is_fetched as true or false', fetched);

  const parsed = parseDateTime(time);
  if (!parsed.ok) throw malformed(`snapshot_time to be a real time (${parsed.reason})`, time);
  return {
    snapshot_time: toSnapshotTime(parsed.epochMs),
    is_fetched: fetched,
    ...(Array.isArray(keys) && keys.length > 0 && { delivered_keys: keys }),
  };
}

export function snapshotEpochMs(state: FetchState): number {
  const parsed = parseDateTime(state.snapshot_time);
  return parsed.ok ? parsed.epochMs : Number.NaN;
}

function malformed(expected: string, got: unknown): ConnectorError {
  return new ConnectorError(
    'INPUT_INVALID',
    `${STATE_PARAMETER} must be {"snapshot_time": "YYYY-MM-DD HH:MM:SS", "is_fetched": true|false} ` +
      `with ${expected}; got ${JSON.stringify(got) ?? 'nothing'}. Correct it, or leave it empty to ` +
      'start from Start Time.',
    { details: { parameter: STATE_PARAMETER } },
  );
}
