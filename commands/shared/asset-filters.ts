import { ConnectorError } from '../../runtime/errors/connector-error.js';
import type { QueryValue } from '../../runtime/http/client.js';
import { toIsoDate } from '../../runtime/inputs/dates.js';

/** Find Assets' Sort display values and the `sort_by` each stands for. */
export const SORT_FIELDS: Readonly<Record<string, string>> = {
  'Discovered At': 'discovered_at',
  'Added To Project At': 'added_to_project_at',
  'Last Scanned At': 'last_scanned_at',
  'Exposure Score': 'exposure_score',
  'Asset ID': 'asset_id',
};

export const ASSET_TYPES: Readonly<Record<string, string>> = { Domain: 'domain', IP: 'ip' };

const DAY_MS = 86_400_000;

export interface AddedWindow {
  start: string;
  end: string;
  /**
   * The day after End Time, sent as `added_to_project_before`: the API's `_before` filters
   * exclude the day they name, and End Time includes it ("on or before").
   */
  before: string;
}

/**
 * The added-to-project window, both ends `YYYY-MM-DD`. As the integration documents it, End Time
 * defaults to the current UTC date and Start Time to 24 hours before End Time, so with neither
 * given the command lists the assets added yesterday or today.
 */
export function addedWindow(startInput: unknown, endInput: unknown, nowMs: number): AddedWindow {
  const end = typeof endInput === 'string' ? endInput : toIsoDate(nowMs);
  const start =
    typeof startInput === 'string'
      ? startInput
      : toIsoDate(Date.parse(`${end}T00:00:00Z`) - DAY_MS);
  if (start <= end)
    return { start, end, before: toIsoDate(Date.parse(`${end}T00:00:00Z`) + DAY_MS) };

  const endSource = typeof endInput === 'string' ? '' : ', the default: today in UTC';
  throw new ConnectorError(
    'INPUT_INVALID',
    `Start Time must be on or before End Time; got Start Time ${start} and End Time ` +
      `${end}${endSource}. Give a Start Time on or before the End Time.`,
    { details: { parameter: 'Start Time', start, end } },
  );
}

/**
 * Other Filters as query parameters. The manifest schema has already limited the keys to the
 * documented ones and typed each value (text, integer, boolean), so only the wire form is left:
 * booleans as true/false, numbers in decimal.
 */
export function otherFilterParams(filters: unknown): Record<string, QueryValue> {
  if (filters === null || typeof filters !== 'object') return {};
  return Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, String(value)]));
}

/** A list input as the API takes it: one comma-separated value (an asset matching any). */
export function commaList(value: unknown): string | undefined {
  return Array.isArray(value) && value.length > 0 ? value.map(String).join(',') : undefined;
}
