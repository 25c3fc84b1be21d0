import nock from 'nock';
import { API } from './connector.js';

export type Query = Record<string, string>;

/** A v2 list page as the API shapes it: `data` plus `meta.counts` and `meta.pagination`. */
export function listPage(
  data: unknown[],
  nextCursor: string | null,
  total: number,
  meta: Record<string, unknown> = {},
) {
  return {
    data,
    meta: {
      counts: { returned: data.length, total },
      pagination: { limit: data.length, next_cursor: nextCursor, total },
      request_id: 'f00dfeedf00dfeedf00dfeedf00dfeed',
      ...meta,
    },
  };
}

/** Assets numbered from `from`, ids `host-<n>.example.com`, as Find Assets returns them. */
export function assets(from: number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, offset) => {
    const id = `host-${from + offset}.example.com`;
    return {
      project_id: 'p-1',
      id,
      name: id,
      type: 'domain',
      apex_domain: 'example.com',
      exposure_score: 90 - ((from + offset) % 90),
      custom_tags: [],
    };
  });
}

export interface ScriptedPage {
  /** The query this page must be asked with, besides the base query. */
  query: Query;
  body: unknown;
}

/** Mocks one GET per page, each matching its exact query; every mock must be used. */
export function scriptPages(path: string, base: Query, pages: ScriptedPage[]): void {
  for (const page of pages) {
    nock(API)
      .get(path)
      .query({ ...base, ...page.query })
      .reply(200, page.body as nock.Body);
  }
}
