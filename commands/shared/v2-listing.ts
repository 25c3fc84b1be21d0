import type { HttpClient, QueryValue } from '../../runtime/http/client.js';
import { paginate, type PaginateResult } from '../../runtime/http/paginate.js';
import { nextCursorOf, recordOf, totalOf } from './shapes.js';

/** The largest `limit` the v2 list endpoints accept. */
export const V2_MAX_PAGE_SIZE = 1000;

export type Item = Record<string, unknown>;

export interface V2ListingRequest {
  client: HttpClient;
  /** Built with apiPath. */
  path: string;
  /** Filters sent on every page; `limit` and `cursor` are added per page. */
  query: Record<string, QueryValue>;
  /** Reads the page's records from its body. */
  itemsOf: (body: Record<string, unknown>) => Item[];
  pageSize: number;
  /** Stop after this many records; undefined reads every page. */
  limit?: number | undefined;
  progress: (pages: number, records: number) => void;
}

export interface V2Listing extends PaginateResult<Item> {
  /** The first page's body: its `meta.params` and sort describe the whole listing. */
  first: Record<string, unknown>;
}

/** Reads a cursor-paginated v2 list, page by page, into one list of records. */
export async function readV2Listing(request: V2ListingRequest): Promise<V2Listing> {
  const { client, path, query, itemsOf } = request;
  let first: Record<string, unknown> | undefined;

  const result = await paginate<Item>({
    pageSize: request.pageSize,
    limit: request.limit,
    onPage: request.progress,
    fetchPage: async (cursor, pageSize) => {
      const body = recordOf(await client.get(path, { ...query, limit: pageSize, cursor }));
      first ??= body;
      return { items: itemsOf(body), nextCursor: nextCursorOf(body), total: totalOf(body) };
    },
  });
  return { ...result, first: first ?? {} };
}

/**
 * The total to show: the one the API reported, else the count read when the listing ended on
 * its own (some responses carry no total at all), else null.
 */
export function listingTotal(listing: V2Listing): number | null {
  if (listing.total !== undefined) return listing.total;
  const ended = listing.stoppedBy === 'cursor-absent' || listing.stoppedBy === 'empty-page';
  return ended ? listing.items.length : null;
}

/** The `meta` of the merged result: counts over all pages, the first page's params and sort. */
export function mergedMeta(listing: V2Listing): Record<string, unknown> {
  const meta = recordOf(listing.first.meta);
  const total = listingTotal(listing);
  const sort = recordOf(meta.pagination).sort;
  return {
    counts: { returned: listing.items.length, total },
    pagination: { total, pages: listing.pages },
    ...(meta.params !== undefined && { params: meta.params }),
    ...(sort !== undefined && { sort }),
  };
}

const STOP_WORDS: Record<string, string> = {
  'cursor-absent': 'the API sent no next cursor',
  'cursor-repeated': 'the API repeated a page cursor',
  'empty-page': 'the API sent an empty page',
};

/**
 * Says when the merged result is not the whole listing: the page cap was hit, or the listing
 * ended before the reported total (or before the Limit, when that is lower).
 */
export function incompletenessWarnings(listing: V2Listing, noun: string, limit?: number): string[] {
  const read = listing.items.length;
  const { total, pages, stoppedBy } = listing;
  const pageCount = `${pages} page${pages === 1 ? '' : 's'}`;

  if (stoppedBy === 'page-cap') {
    const of = total === undefined ? '' : ` of ${total}`;
    return [
      `Stopped after ${pageCount}, the page cap, with ${read}${of} ${noun}; ` +
        'narrow the filters to read the rest.',
    ];
  }
  const expected = total === undefined ? undefined : Math.min(total, limit ?? total);
  if (expected !== undefined && read < expected) {
    const why = STOP_WORDS[stoppedBy] ?? stoppedBy;
    return [
      `The API reported ${total} ${noun} but only ${read} came back: ${why} after ${pageCount}. ` +
        'The result is incomplete; run the command again.',
    ];
  }
  if (total === undefined && stoppedBy === 'cursor-repeated') {
    return [`The API repeated a page cursor after ${read} ${noun}; the result may be incomplete.`];
  }
  return [];
}
