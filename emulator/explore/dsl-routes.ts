import type { EmulatorRequest, EmulatorResponse, Route } from '../types.js';
import {
  DSL_MAX_PAGE,
  domainPage,
  hasPageAfter,
  searchHosts,
  type DomainSearch,
} from './domain-search.js';
import { filterToDsl } from './dsl.js';
import { QueryError } from './query-error.js';
import type { HostRecord } from './records.js';
import { badRequest, booleanParam, describe, isPlainObject, ok } from './request.js';
import type { ScrollStore } from './scroll-store.js';

/** A DSL scroll id points at the page it will return next. */
export interface DomainCursor {
  search: DomainSearch;
  page: number;
}

export interface DomainSearchContext {
  /** The data set's hosts in result order (see searchOrder). */
  orderedHosts: readonly HostRecord[];
  scrolls: ScrollStore<DomainCursor>;
}

/**
 * `POST /v1/domains/list` and its aliases take `{"query": "<DSL>"}` or the structured
 * `{"filter": {...}}`; `include_ips` defaults to false (public clients disagree on the default
 * and send it explicitly). `GET /v1/scroll/:scrollId` continues a search opened with
 * `scroll=true`.
 */
export function domainSearchRoutes(context: DomainSearchContext): Route[] {
  const paths = ['/v1/domains/list', '/v1/domains/list-backup', '/v1/search/list'];
  return [
    ...paths.map((pattern) => ({
      method: 'POST',
      pattern,
      handle: (request: EmulatorRequest) => startSearch(context, request, pattern),
    })),
    {
      method: 'GET',
      pattern: '/v1/scroll/:scrollId',
      handle: (request: EmulatorRequest) => continueSearch(context, request),
    },
  ];
}

function startSearch(
  context: DomainSearchContext,
  request: EmulatorRequest,
  endpoint: string,
): EmulatorResponse {
  const includeIps = booleanParam(request.query, 'include_ips', false);
  const scroll = booleanParam(request.query, 'scroll', false);
  if (includeIps === undefined || scroll === undefined) {
    return badRequest('include_ips and scroll must be true or false');
  }
  const pageText = request.query.get('page') ?? '1';
  const page = /^\d+$/.test(pageText) ? Number(pageText) : 0;
  if (page < 1) return badRequest(`page must be a whole number from 1; got '${pageText}'`);
  if (page > DSL_MAX_PAGE) {
    return badRequest(
      `page ${page} is beyond max_page ${DSL_MAX_PAGE}; use scroll=true to read further`,
    );
  }

  const query = queryFromBody(request.body);
  if (typeof query !== 'object') return badRequest(query);

  let search: DomainSearch;
  try {
    const matches = searchHosts(context.orderedHosts, query.text);
    search = { query: query.text, matches, includeIps, endpoint };
  } catch (error) {
    if (error instanceof QueryError) return badRequest(`Invalid Query: ${error.message}`);
    throw error;
  }

  if (!scroll || !hasPageAfter(search, page)) return ok(domainPage(search, page));
  const scrollId = context.scrolls.open(request.apiKey, { search, page: page + 1 });
  return ok(domainPage(search, page, scrollId));
}

function continueSearch(context: DomainSearchContext, request: EmulatorRequest): EmulatorResponse {
  const id = request.params.scrollId ?? '';
  const cursor = context.scrolls.resume(request.apiKey, id);
  if (cursor === undefined) {
    return badRequest(
      `Scroll id '${id}' has expired or does not exist; run the search again with scroll=true`,
    );
  }

  const { search, page } = cursor;
  if (!hasPageAfter(search, page)) return ok(domainPage(search, page));
  const next = context.scrolls.open(request.apiKey, { search, page: page + 1 });
  return ok(domainPage(search, page, next));
}

/** The DSL text of the request body, or the message explaining why there is none. */
function queryFromBody(body: unknown): { text: string } | string {
  const usage = 'send a JSON body {"query": "<DSL>"} or {"filter": {"<attribute>": "<value>"}}';
  if (!isPlainObject(body)) return `Missing query: ${usage}; got ${describe(body)}`;
  if (body.query !== undefined && body.filter !== undefined) {
    return `Send either query or filter, not both: ${usage}`;
  }
  if (typeof body.query === 'string') return { text: body.query };
  if (body.query !== undefined) return `query must be a string; got ${describe(body.query)}`;
  if (body.filter === undefined) return `Missing query: ${usage}`;
  if (!isPlainObject(body.filter)) return `filter must be an object; got ${describe(body.filter)}`;

  try {
    return { text: filterToDsl(body.filter) };
  } catch (error) {
    if (error instanceof QueryError) return `Invalid Query: ${error.message}`;
    throw error;
  }
}
