import { describe, expect, it } from 'vitest';
import { paginate, type Page } from '../../../runtime/http/paginate.js';

/** A fake API over `total` numbered records, with switches for the quirks seen in the wild. */
function server(
  total: number,
  quirks: { cursorOnLastPage?: boolean; repeatCursorAt?: number; shortAt?: number } = {},
) {
  const calls: { cursor: string | undefined; size: number }[] = [];
  const fetchPage = async (cursor: string | undefined, size: number): Promise<Page<number>> => {
    calls.push({ cursor, size });
    const start = cursor === undefined ? 0 : Number(cursor);
    const length = calls.length === quirks.shortAt ? Math.floor(size / 2) : size;
    const items = Array.from(
      { length: Math.max(0, Math.min(length, total - start)) },
      (_, i) => start + i,
    );
    const end = start + items.length;
    const last = end >= total;
    let nextCursor: string | null = last && !quirks.cursorOnLastPage ? null : String(end);
    if (quirks.repeatCursorAt === calls.length) nextCursor = cursor ?? '0';
    return { items, nextCursor, total };
  };
  return { fetchPage, calls };
}

describe('paginate', () => {
  it('merges thousands of records over many pages without loss or duplicates', async () => {
    const api = server(4321);

    const result = await paginate({ fetchPage: api.fetchPage, pageSize: 100 });

    expect(result.items).toEqual(Array.from({ length: 4321 }, (_, i) => i));
    expect(result.pages).toBe(44);
    expect(result.stoppedBy).toBe('total-reached');
  });

  it('stops without another request when the last page still carries a cursor', async () => {
    const api = server(250, { cursorOnLastPage: true });

    const result = await paginate({ fetchPage: api.fetchPage, pageSize: 100 });

    expect(result.items).toHaveLength(250);
    expect(api.calls).toHaveLength(3);
    expect(result.stoppedBy).toBe('total-reached');
  });

  it('stops when the server repeats a cursor', async () => {
    const api = server(1000, { repeatCursorAt: 3 });

    const result = await paginate({ fetchPage: api.fetchPage, pageSize: 100 });

    expect(result.stoppedBy).toBe('cursor-repeated');
    expect(api.calls).toHaveLength(3);
  });

  it('keeps going after a short page while the reported total says more remain', async () => {
    const api = server(500, { shortAt: 2 });

    const result = await paginate({ fetchPage: api.fetchPage, pageSize: 100 });

    expect(result.items).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('returns exactly Limit records and asks only for what is missing', async () => {
    const api = server(1000);

    const result = await paginate({ fetchPage: api.fetchPage, pageSize: 100, limit: 250 });

    expect(result.items).toHaveLength(250);
    expect(api.calls.map((call) => call.size)).toEqual([100, 100, 50]);
    expect(result.stoppedBy).toBe('limit-reached');
  });

  it('stops on an empty page', async () => {
    const result = await paginate({
      fetchPage: async () => ({ items: [], nextCursor: 'more', total: undefined }),
      pageSize: 100,
    });

    expect(result).toEqual({ items: [], pages: 1, total: undefined, stoppedBy: 'empty-page' });
  });

  it('stops when the cursor is absent and no total is reported', async () => {
    const result = await paginate({
      fetchPage: async () => ({ items: [1, 2], nextCursor: undefined, total: undefined }),
      pageSize: 100,
    });

    expect(result.stoppedBy).toBe('cursor-absent');
  });

  it('stops at the page cap even when the server never ends', async () => {
    let page = 0;
    const result = await paginate({
      fetchPage: async () => ({ items: [page], nextCursor: String(++page), total: undefined }),
      pageSize: 1,
      maxPages: 25,
    });

    expect(result.pages).toBe(25);
    expect(result.stoppedBy).toBe('page-cap');
  });

  it('reports progress after each page', async () => {
    const seen: [number, number][] = [];

    await paginate({
      fetchPage: server(250).fetchPage,
      pageSize: 100,
      onPage: (pages, records) => seen.push([pages, records]),
    });

    expect(seen).toEqual([
      [1, 100],
      [2, 200],
      [3, 250],
    ]);
  });
});
