import type { AssetTable } from './asset-table.js';

export const SORT_FIELDS = [
  'discovered_at',
  'added_to_project_at',
  'last_scanned_at',
  'exposure_score',
  'asset_id',
  'apex_domain',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type Direction = 'asc' | 'desc';
export type SortValue = number | string | null;

export interface SortKey {
  value: SortValue;
  id: string;
}

/** Sort values as the search engine reports them: dates in epoch milliseconds, null when absent. */
export function sortValue(table: AssetTable, i: number, field: SortField): SortValue {
  switch (field) {
    case 'discovered_at':
      return table.discovered[i] ? (table.discovered[i] ?? 0) * 1000 : null;
    case 'added_to_project_at':
      return (table.added[i] ?? 0) * 1000;
    case 'last_scanned_at':
      return table.scanned[i] ? (table.scanned[i] ?? 0) * 1000 : null;
    case 'exposure_score':
      return table.scoreOf(i);
    case 'asset_id':
      return table.names[i] ?? '';
    case 'apex_domain':
      return table.apexName(i);
  }
}

/**
 * Orders two keys: missing values always last, then the value and the asset id, both in the
 * requested direction (recorded pages sorted by exposure score desc break ties by id desc).
 */
export function compareKeys(a: SortKey, b: SortKey, direction: Direction): number {
  if (a.value === null && b.value !== null) return 1;
  if (b.value === null && a.value !== null) return -1;
  const sign = direction === 'asc' ? 1 : -1;
  if (a.value !== null && b.value !== null && a.value !== b.value) {
    return (a.value < b.value ? -1 : 1) * sign;
  }
  if (a.id === b.id) return 0;
  return (a.id < b.id ? -1 : 1) * sign;
}

export function keyOf(table: AssetTable, i: number, field: SortField): SortKey {
  return { value: sortValue(table, i, field), id: table.names[i] ?? '' };
}

export function buildOrder(table: AssetTable, field: SortField, direction: Direction): Int32Array {
  const keys = Array.from({ length: table.count }, (_, i) => keyOf(table, i, field));
  const order = Array.from({ length: table.count }, (_, i) => i);
  order.sort((x, y) => compareKeys(keys[x] as SortKey, keys[y] as SortKey, direction));
  return Int32Array.from(order);
}

/** Index of the first entry of `order` that sorts after `key`. */
export function positionAfter(
  table: AssetTable,
  order: Int32Array,
  field: SortField,
  direction: Direction,
  key: SortKey,
): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(keyOf(table, order[mid] ?? 0, field), key, direction) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
