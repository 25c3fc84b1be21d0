/**
 * Cursor pagination that can neither loop nor drop data. It stops when the cursor is absent or
 * repeats, a page is empty, the total the API reports is reached, the caller's limit is reached,
 * or the page cap is hit. A page shorter than asked is not taken as the end while the reported
 * total says more remain: the API has been seen sending a cursor on its last page, and short
 * pages in the middle.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null | undefined;
  /** The total number of records the API reports for the whole query, when it does. */
  total: number | undefined;
}

export type StopReason =
  | 'cursor-absent'
  | 'cursor-repeated'
  | 'empty-page'
  | 'total-reached'
  | 'limit-reached'
  | 'page-cap';

export interface PaginateOptions<T> {
  fetchPage(cursor: string | undefined, pageSize: number): Promise<Page<T>>;
  pageSize: number;
  /** Stop after this many records; undefined means all of them. */
  limit?: number | undefined;
  maxPages?: number;
  onPage?: (pages: number, records: number) => void;
}

export interface PaginateResult<T> {
  items: T[];
  pages: number;
  total: number | undefined;
  stoppedBy: StopReason;
}

export const DEFAULT_MAX_PAGES = 10_000;

export async function paginate<T>(options: PaginateOptions<T>): Promise<PaginateResult<T>> {
  const { limit, pageSize, maxPages = DEFAULT_MAX_PAGES } = options;
  const items: T[] = [];
  const seenCursors = new Set<string>();
  let cursor: string | undefined;
  let total: number | undefined;
  let pages = 0;

  for (;;) {
    const wanted = limit === undefined ? pageSize : Math.min(pageSize, limit - items.length);
    const page = await options.fetchPage(cursor, wanted);
    pages += 1;
    total = page.total ?? total;
    appendUpTo(items, page.items, limit);
    options.onPage?.(pages, items.length);

    const stop = stopReason(page, items.length, total, limit, seenCursors);
    if (stop !== undefined) return { items, pages, total, stoppedBy: stop };
    if (pages >= maxPages) return { items, pages, total, stoppedBy: 'page-cap' };

    cursor = page.nextCursor as string;
    seenCursors.add(cursor);
  }
}

function stopReason<T>(
  page: Page<T>,
  collected: number,
  total: number | undefined,
  limit: number | undefined,
  seenCursors: Set<string>,
): StopReason | undefined {
  if (limit !== undefined && collected >= limit) return 'limit-reached';
  if (page.items.length === 0) return 'empty-page';
  if (total !== undefined && collected >= total) return 'total-reached';
  if (page.nextCursor === undefined || page.nextCursor === null || page.nextCursor === '') {
    return 'cursor-absent';
  }
  if (seenCursors.has(page.nextCursor)) return 'cursor-repeated';
  return undefined;
}

function appendUpTo<T>(target: T[], source: T[], limit: number | undefined): void {
  const room = limit === undefined ? source.length : Math.max(0, limit - target.length);
  for (const item of source.slice(0, room)) target.push(item);
}
