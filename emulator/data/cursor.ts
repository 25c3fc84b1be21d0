import type { SortKey, SortValue } from './asset-order.js';

// Sort values stand in for missing fields the way the search engine encodes them.
const LONG_MIN = '-9223372036854775808';
const LONG_MAX = '9223372036854775807';

/**
 * An opaque search-after cursor: base64 of `{"type": "search_after", "sort": [value, id]}`,
 * spaced as the recorded cursors are. Missing values become Long.MIN (descending) or Long.MAX.
 */
export function encodeCursor(key: SortKey, direction: 'asc' | 'desc'): string {
  const value =
    key.value === null ? (direction === 'desc' ? LONG_MIN : LONG_MAX) : JSON.stringify(key.value);
  const json = `{"type": "search_after", "sort": [${value}, ${JSON.stringify(key.id)}]}`;
  return Buffer.from(json, 'utf8').toString('base64');
}

function toSortValue(raw: unknown): SortValue | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
  return Math.abs(raw) >= 9e18 ? null : raw;
}

/** Reads a cursor made by encodeCursor; padding may be missing and URL-safe letters are accepted. */
export function decodeCursor(cursor: string): SortKey | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(cursor)) return undefined;
  try {
    const text = Buffer.from(cursor.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString(
      'utf8',
    );
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { type, sort } = parsed as { type?: unknown; sort?: unknown };
    if (type !== 'search_after' || !Array.isArray(sort) || sort.length !== 2) return undefined;
    const value = toSortValue(sort[0]);
    const id = sort[1];
    if (value === undefined || typeof id !== 'string') return undefined;
    return { value, id };
  } catch {
    return undefined;
  }
}
