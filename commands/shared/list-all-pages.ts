import { paginate, type PaginateResult } from '../../runtime/http/paginate.js';
import type { CommandContext } from '../../runtime/types.js';
import { nextCursorOf, recordOf, totalOf } from './shapes.js';

type Item = Record<string, unknown>;

export interface ListReader {
  /** The records of one response body. */
  items(body: unknown): Item[];
  /** The total the body reports for the whole list; default `totalOf`. */
  total?(body: unknown): number | undefined;
  /** Plural noun for warnings: "tags", "exposures". */
  noun: string;
}

export interface WholeList {
  items: Item[];
  /** The last response with `data` replaced by every record gathered. */
  rawData: Item;
  warnings: string[];
}

/**
 * The API documents no pagination for tags and asset exposures, so no `limit` is sent. Should a
 * response still carry `meta.pagination.next_cursor`, the following pages are read so nothing is
 * silently dropped. The cap keeps a cursor that never ends from spending the monthly quota.
 */
const MAX_PAGES = 50;
const NOMINAL_PAGE_SIZE = 100;

export async function listAllPages(
  context: CommandContext,
  path: string,
  reader: ListReader,
): Promise<WholeList> {
  const readTotal = reader.total ?? totalOf;
  let last: unknown;

  const result = await paginate<Item>({
    pageSize: NOMINAL_PAGE_SIZE,
    maxPages: MAX_PAGES,
    onPage: context.progress,
    fetchPage: async (cursor) => {
      last = await context.client.get(path, cursor === undefined ? undefined : { cursor });
      return { items: reader.items(last), nextCursor: nextCursorOf(last), total: readTotal(last) };
    },
  });

  return {
    items: result.items,
    rawData: { ...recordOf(last), data: result.items },
    warnings: incompleteWarnings(result, reader.noun),
  };
}

function incompleteWarnings(result: PaginateResult<Item>, noun: string): string[] {
  const { items, pages, total, stoppedBy } = result;
  if (stoppedBy === 'page-cap') {
    return [
      `Stopped after ${pages} pages with ${items.length} ${noun}; more ${noun} may exist. ` +
        'The list was not read to its end.',
    ];
  }
  if (total !== undefined && items.length < total) {
    return [
      `SecurityTrails reported ${total} ${noun} but returned ${items.length}; ` +
        'the list may be incomplete. Run the command again to check.',
    ];
  }
  return [];
}
