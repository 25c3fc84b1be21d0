import { apiPath } from '../runtime/http/api-path.js';
import { paginate, type PaginateResult } from '../runtime/http/paginate.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { asScrollFailure } from './shared/query-failures.js';
import { numberOr, recordOf } from './shared/shapes.js';

type Item = Record<string, unknown>;

const SEARCH_PATH = '/v1/domains/list';
const PAGE_SIZE = 100;

/** What the first page says about the whole search. */
interface Search {
  body: Item;
  recordCount: number | undefined;
  totalPages: number | undefined;
  maxPage: number | undefined;
  /** True when the API handed out a scroll id; false means plain paging. */
  scrolling: boolean;
}

/**
 * Runs a DSL search and reads its records up to Max Records. It asks for a scroll id, which has
 * no page limit, and follows `meta.scroll_id` while the API offers one (the id may change from
 * page to page, or stay the same: only an empty page, a missing id or the record count ends the
 * scroll). Without a scroll id it reads pages 2, 3, ... up to `total_pages`, which the API caps
 * at `max_page` (about 10,000 records).
 */
export default async function dslQuery(context: CommandContext): Promise<CommandResult> {
  const { client, inputs } = context;
  const query = String(inputs.Query);
  const includeIps = inputs['Include IPs'] === true;
  const maxRecords = Number(inputs['Max Records']);

  let search: Search | undefined;
  let scrollId: string | undefined;
  const read = { pages: 0, records: 0 };

  const fetchPage = async (cursor: string | undefined) => {
    const page = cursor === undefined ? 1 : Number(cursor);
    let body: Item;
    if (search === undefined) {
      body = recordOf(
        await client.post(SEARCH_PATH, { query }, { include_ips: includeIps, scroll: true, page }),
      );
      search = searchOf(body);
    } else if (scrollId !== undefined) {
      body = await continueScroll(context, scrollId, read);
    } else {
      body = recordOf(await client.post(SEARCH_PATH, { query }, { include_ips: includeIps, page }));
    }

    scrollId = scrollIdOf(body);
    const lastPage = Math.min(search.totalPages ?? 1, search.maxPage ?? Number.POSITIVE_INFINITY);
    const more = search.scrolling ? scrollId !== undefined : page < lastPage;
    return {
      items: recordsOf(body),
      nextCursor: more ? String(page + 1) : undefined,
      total: search.recordCount,
    };
  };

  const result = await paginate<Item>({
    fetchPage,
    pageSize: PAGE_SIZE,
    limit: maxRecords,
    onPage: (pages, records) => {
      Object.assign(read, { pages, records });
      context.progress(pages, records);
    },
  });

  const first = search as Search;
  const meta = recordOf(first.body.meta);
  return {
    rawData: {
      endpoint: first.body.endpoint ?? SEARCH_PATH,
      record_count: first.recordCount ?? result.items.length,
      meta: {
        query: meta.query ?? query,
        pages: result.pages,
        total_pages: first.totalPages ?? null,
        max_page: first.maxPage ?? null,
      },
      records: result.items,
    },
    keyFields: {
      'Record Count': first.recordCount ?? null,
      'Returned Records': result.items.length,
      Pages: result.pages,
    },
    warnings: warningsFor(first, result, maxRecords),
  };
}

async function continueScroll(
  { client }: CommandContext,
  scrollId: string,
  read: { pages: number; records: number },
): Promise<Item> {
  try {
    return recordOf(await client.get(apiPath`/v1/scroll/${scrollId}`));
  } catch (error) {
    throw asScrollFailure(error, read);
  }
}

function searchOf(body: Item): Search {
  const meta = recordOf(body.meta);
  return {
    body,
    recordCount: numberOr(body.record_count, undefined),
    totalPages: numberOr(meta.total_pages, undefined),
    maxPage: numberOr(meta.max_page, undefined),
    scrolling: scrollIdOf(body) !== undefined,
  };
}

function scrollIdOf(body: Item): string | undefined {
  const id = recordOf(body.meta).scroll_id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function recordsOf(body: Item): Item[] {
  return Array.isArray(body.records) ? body.records.map(recordOf) : [];
}

function warningsFor(search: Search, result: PaginateResult<Item>, maxRecords: number): string[] {
  const returned = result.items.length;
  const available = search.recordCount;
  if (available === undefined || returned >= available) return [];

  if (result.stoppedBy === 'limit-reached') {
    return [
      `Stopped at Max Records (${maxRecords}): ${returned} of ${available} available records ` +
        `were returned. Raise Max Records to read more; each page of ${PAGE_SIZE} costs one ` +
        'API request.',
    ];
  }
  const { maxPage, totalPages } = search;
  if (!search.scrolling && maxPage !== undefined && totalPages !== undefined) {
    if (maxPage < totalPages && result.pages >= maxPage) {
      return [
        `SecurityTrails offered no scroll id for this search and pages only up to page ` +
          `${maxPage} of ${totalPages} (about ${maxPage * PAGE_SIZE} records): ${returned} of ` +
          `${available} records were returned. Narrow the query to reach the rest.`,
      ];
    }
  }
  return [
    `SecurityTrails reported ${available} records but returned ${returned} before the ` +
      `${search.scrolling ? 'scroll' : 'pages'} ended; the result may be incomplete.`,
  ];
}
