import type { HttpClient, QueryValue } from '../../runtime/http/client.js';
import { paginate, type PaginateResult } from '../../runtime/http/paginate.js';
import { nextCursorOf, recordOf, totalOf } from './shapes.js';

/** The largest `limit` the v2 list endpoints accept. */
export const V2_MAX_PAGE_SIZE = 1000;

/**
 * The page cap for lists the API documents without pagination (tags, an asset's exposures).
 * Should such a response still carry a next cursor, the following pages are read so nothing is
 * silently dropped; the cap keeps a cursor that never ends from spending the monthly quota.
 */
export const UNPAGED_MAX_PAGES = 50;

/** `paginate` needs a page size; it goes unused when no `limit` is sent. */
const NOMINAL_PAGE_SIZE = 100;

export type Item = Record<string, unknown>;

export interface V2ListingRequest {
  client: HttpClient;
  /** Built with apiPath. */
  path: string;
  /** Filters sent on every page; `cursor` (and `limit`, with a page size) is added per page. */
  query?: Record<string, QueryValue>;
  /** Reads the page's records from its body. */
  itemsOf: (body: Record<string, unknown>) => Item[];
  /** The total the body reports for the whole list; default `totalOf`. */
  totalOf?: (body: Record<string, unknown>) => number | undefined;
  /** Sent as `limit`; undefined sends no `limit`, for lists documented without pagination. */
  pageSize?: number | undefined;
  /** Stop after this many records; undefined reads every page. */
  limit?: number | undefined;
  /** Default `DEFAULT_MAX_PAGES` of paginate. */
  maxPages?: number;
  progress: (pages: number, records: number) => void;
}

export interface V2Listing extends PaginateResult<Item> {
  /** The first page's body: its `meta.params` and sort describe the whole listing. */
  first: Record<string, unknown>;
  /** The last page's body, for results that keep its envelope around the merged `data`. */
  last: Record<string, unknown>;
}

/** Reads a cursor-paginated v2 list, page by page, into one list of records. */
export async function readV2Listing(request: V2ListingRequest): Promise<V2Listing> {
  const { client, path, query = {}, itemsOf, totalOf: readTotal = totalOf } = request;
  const sendsLimit = request.pageSize !== undefined;
  let first: Record<string, unknown> | undefined;
  let last: Record<string, unknown> = {};

  const result = await paginate<Item>({
    pageSize: request.pageSize ?? NOMINAL_PAGE_SIZE,
    limit: request.limit,
    ...(request.maxPages !== undefined && { maxPages: request.maxPages }),
    onPage: request.progress,
    fetchPage: async (cursor, pageSize) => {
      const pageQuery = sendsLimit ? { ...query, limit: pageSize, cursor } : { ...query, cursor };
      last = recordOf(await client.get(path, pageQuery));
      first ??= last;
      return { items: itemsOf(last), nextCursor: nextCursorOf(last), total: readTotal(last) };
    },
  });
  return { ...result, first: first ?? {}, last };
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

/** Why a merged result is short of the whole listing. */
type Shortfall = 'page-cap' | 'below-total' | 'cursor-repeated';

/**
 * The page cap was hit, the listing ended before the reported total (or before the Limit, when
 * that is lower), or a repeated cursor ended a listing that reports no total.
 */
function shortfallOf(listing: V2Listing, limit: number | undefined): Shortfall | undefined {
  const { items, total, stoppedBy } = listing;
  if (stoppedBy === 'page-cap') return 'page-cap';
  const expected = total === undefined ? undefined : Math.min(total, limit ?? total);
  if (expected !== undefined && items.length < expected) return 'below-total';
  if (total === undefined && stoppedBy === 'cursor-repeated') return 'cursor-repeated';
  return undefined;
}

/** Says when the merged result of a paged listing (assets, exposures) is not the whole listing. */
export function incompletenessWarnings(listing: V2Listing, noun: string, limit?: number): string[] {
  const read = listing.items.length;
  const { total, pages, stoppedBy } = listing;
  const pageCount = `${pages} page${pages === 1 ? '' : 's'}`;

  switch (shortfallOf(listing, limit)) {
    case 'page-cap': {
      const of = total === undefined ? '' : ` of ${total}`;
      return [
        `Stopped after ${pageCount}, the page cap, with ${read}${of} ${noun}; ` +
          'narrow the filters to read the rest.',
      ];
    }
    case 'below-total':
      return [
        `The API reported ${total} ${noun} but only ${read} came back: ` +
          `${STOP_WORDS[stoppedBy] ?? stoppedBy} after ${pageCount}. ` +
          'The result is incomplete; run the command again.',
      ];
    case 'cursor-repeated':
      return [
        `The API repeated a page cursor after ${read} ${noun}; the result may be incomplete.`,
      ];
    default:
      return [];
  }
}

/**
 * The same check worded for a list documented without pagination (tags, an asset's exposures),
 * where there are no filters to narrow. A repeated cursor with no reported total gives no
 * warning here.
 */
export function wholeListWarnings(listing: V2Listing, noun: string): string[] {
  const { items, pages, total } = listing;

  switch (shortfallOf(listing, undefined)) {
    case 'page-cap':
      return [
        `Stopped after ${pages} pages with ${items.length} ${noun}; more ${noun} may exist. ` +
          'The list was not read to its end.',
      ];
    case 'below-total':
      return [
        `SecurityTrails reported ${total} ${noun} but returned ${items.length}; ` +
          'the list may be incomplete. Run the command again to check.',
      ];
    default:
      return [];
  }
}
