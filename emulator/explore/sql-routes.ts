import type { EmulatorRequest, EmulatorResponse, Route } from '../types.js';
import { QueryError } from './query-error.js';
import type { ExploreDataset } from './records.js';
import { badRequest, describe, isPlainObject, ok } from './request.js';
import type { ScrollStore } from './scroll-store.js';
import { compileSql, type SqlResult } from './sql.js';

export const SQL_PAGE_SIZE = 100;

/** A SQL scroll id points at the offset of the page it will return next. */
export interface SqlCursor {
  query: string;
  result: SqlResult;
  offset: number;
}

export interface SqlScrollContext {
  dataset: ExploreDataset;
  scrolls: ScrollStore<SqlCursor>;
}

/**
 * `POST /v1/query/scroll` runs a query and returns its first page; `GET
 * /v1/query/scroll/:scrollId` returns the next one. `id` is null on the last page, so an id is
 * only issued while records remain. A `page` query parameter, sent by one public client, is
 * ignored: the SQL API pages by scroll id only.
 */
export function sqlScrollRoutes(context: SqlScrollContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v1/query/scroll',
      handle: (request: EmulatorRequest) => startQuery(context, request),
    },
    {
      method: 'GET',
      pattern: '/v1/query/scroll/:scrollId',
      handle: (request: EmulatorRequest) => continueQuery(context, request),
    },
  ];
}

function startQuery(context: SqlScrollContext, request: EmulatorRequest): EmulatorResponse {
  const body = request.body;
  const usage = 'send a JSON body {"query": "SELECT <fields> FROM hosts|ips WHERE <conditions>"}';
  if (!isPlainObject(body) || body.query === undefined) {
    return badRequest(`Missing query: ${usage}`);
  }
  if (typeof body.query !== 'string') {
    return badRequest(`query must be a string; got ${describe(body.query)}`);
  }

  let result: SqlResult;
  try {
    result = compileSql(body.query).run(context.dataset);
  } catch (error) {
    if (error instanceof QueryError) return badRequest(`Invalid Query: ${error.message}`);
    throw error;
  }
  return ok(queryPage(context, request.apiKey, { query: body.query, result, offset: 0 }));
}

function continueQuery(context: SqlScrollContext, request: EmulatorRequest): EmulatorResponse {
  const id = request.params.scrollId ?? '';
  const cursor = context.scrolls.resume(request.apiKey, id);
  if (cursor === undefined) {
    return badRequest(
      `Scroll id '${id}' has expired or does not exist; ` +
        'run the query again with POST /v1/query/scroll',
    );
  }
  return ok(queryPage(context, request.apiKey, cursor));
}

function queryPage(context: SqlScrollContext, apiKey: string, cursor: SqlCursor): unknown {
  const { query, result, offset } = cursor;
  const next = offset + SQL_PAGE_SIZE;
  const id =
    next < result.total ? context.scrolls.open(apiKey, { query, result, offset: next }) : null;
  return {
    query,
    id,
    total: { value: result.total, relation: 'eq' },
    records: result.page(offset, SQL_PAGE_SIZE),
  };
}
