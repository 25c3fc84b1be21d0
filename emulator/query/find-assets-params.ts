import { SORT_FIELDS } from '../data/asset-order.js';
import type { Direction, SortField, SortKey } from '../data/asset-order.js';
import { ADDITIONAL_FIELDS } from '../data/asset-document.js';
import type { AdditionalField } from '../data/asset-document.js';
import { decodeCursor } from '../data/cursor.js';
import type { ProjectData } from '../data/world.js';
import { QueryReader } from '../validation.js';
import type { ValidationIssue } from '../validation.js';
import { ASSET_FILTERS } from './asset-filters.js';
import type { AssetQuery } from './asset-query.js';
import type { FilterCategory, Predicate } from './filter-kinds.js';
import { readTagFilter } from './tag-filters.js';

export const DIRECTIONS: readonly Direction[] = ['asc', 'desc'];
const TAG_PARAMS = ['custom_tags', 'custom_tags_strict', 'has_custom_tags'];
const STRING_SORTS: readonly SortField[] = ['asset_id', 'apex_domain'];

export interface FindAssetsRequest {
  limit: number;
  after: SortKey | undefined;
  fields: Set<AdditionalField>;
  query: AssetQuery;
  /** Echo of the filters for `meta.params`, grouped as the search API groups them. */
  params: Partial<Record<FilterCategory, Record<string, string>>>;
}

/** `additional_fields` may repeat and may hold comma lists; absent means the default, custom_tags. */
export function readAdditionalFields(reader: QueryReader): Set<AdditionalField> {
  const given = reader.query.getAll('additional_fields');
  if (given.length === 0) return new Set(['custom_tags']);
  const values = given
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const fields = new Set<AdditionalField>();
  values.forEach((value, index) => {
    const field = reader.oneOf('additional_fields', ADDITIONAL_FIELDS, value, [
      'additional_fields',
      index,
    ]);
    if (field !== undefined) fields.add(field);
  });
  return fields;
}

function readCursor(reader: QueryReader, sortBy: SortField): SortKey | undefined {
  const raw = reader.raw('cursor');
  if (raw === undefined || raw === '') return undefined;
  const key = decodeCursor(raw);
  const wantsText = STRING_SORTS.includes(sortBy);
  const fits =
    key !== undefined && (key.value === null || (typeof key.value === 'string') === wantsText);
  if (!fits) reader.fail('cursor', 'value_error', 'Value error, Invalid pagination cursor', raw);
  return fits ? key : undefined;
}

export function readFindAssets(
  query: URLSearchParams,
  project: ProjectData,
): FindAssetsRequest | ValidationIssue[] {
  const reader = new QueryReader(query);
  const limit = reader.int('limit', { min: 1, max: 1000 }) ?? 50;
  const sortBy = reader.oneOf('sort_by', SORT_FIELDS) ?? 'exposure_score';
  const direction = reader.oneOf('sort_direction', DIRECTIONS) ?? 'desc';
  const fields = readAdditionalFields(reader);
  const after = readCursor(reader, sortBy);

  const predicates: Predicate[] = [];
  const params: FindAssetsRequest['params'] = { asset_properties: {} };
  const keyParts: string[] = [];
  for (const spec of ASSET_FILTERS) {
    const test = spec.read(reader, project);
    if (test === undefined) continue;
    predicates.push(test);
    const raw = reader.raw(spec.name) ?? '';
    params[spec.category] = { ...params[spec.category], [spec.name]: raw };
    keyParts.push(`${spec.name}=${raw}`);
  }
  const tagTest = readTagFilter(reader, project);
  if (tagTest !== undefined) {
    predicates.push(tagTest);
    for (const name of TAG_PARAMS) {
      const raw = reader.raw(name);
      if (raw === undefined) continue;
      params.asset_properties = { ...params.asset_properties, [name]: raw };
      keyParts.push(`${name}=${raw}`);
    }
  }
  if (!reader.ok) return reader.issues;

  return {
    limit,
    after,
    fields,
    query: {
      sortBy,
      direction,
      predicates,
      filterKey: keyParts.join('&'),
      usesTags: tagTest !== undefined,
    },
    params,
  };
}
