import { describe, expect, it } from 'vitest';
import type { HttpClient, QueryValue } from '../../../runtime/http/client.js';
import {
  incompletenessWarnings,
  listingTotal,
  mergedMeta,
  readV2Listing,
  type V2Listing,
} from '../../../commands/shared/v2-listing.js';
import { listOf } from '../../../commands/shared/shapes.js';

function listing(overrides: Partial<V2Listing>): V2Listing {
  return {
    items: [{ id: 'a' }, { id: 'b' }],
    pages: 1,
    total: undefined,
    stoppedBy: 'cursor-absent',
    first: {},
    last: {},
    ...overrides,
  };
}

describe('readV2Listing', () => {
  it('sends the filters with each page limit and cursor and keeps the first body', async () => {
    const calls: Record<string, QueryValue>[] = [];
    const bodies = [
      { data: [{ id: 1 }], meta: { pagination: { next_cursor: 'x' }, params: { first: true } } },
      { data: [{ id: 2 }], meta: { pagination: {}, params: { first: false } } },
    ];
    const client = {
      get: async (_path: string, query: Record<string, QueryValue>) => {
        calls.push(query);
        return bodies[calls.length - 1];
      },
    } as unknown as HttpClient;

    const result = await readV2Listing({
      client,
      path: '/v2/x',
      query: { filter: 'f' },
      itemsOf: listOf,
      pageSize: 1000,
      progress: () => undefined,
    });

    expect(calls).toEqual([
      { filter: 'f', limit: 1000, cursor: undefined },
      { filter: 'f', limit: 1000, cursor: 'x' },
    ]);
    expect(result.items).toEqual([{ id: 1 }, { id: 2 }]);
    expect(result.first).toBe(bodies[0]);
  });

  it('sends no limit without a page size, stops at the page cap and keeps the last body', async () => {
    const calls: (Record<string, QueryValue> | undefined)[] = [];
    const client = {
      get: async (_path: string, query?: Record<string, QueryValue>) => {
        calls.push(query);
        return {
          data: [{ id: calls.length }],
          meta: { pagination: { next_cursor: `c${calls.length}` } },
        };
      },
    } as unknown as HttpClient;

    const result = await readV2Listing({
      client,
      path: '/v2/x',
      itemsOf: listOf,
      maxPages: 2,
      progress: () => undefined,
    });

    expect(calls).toEqual([{ cursor: undefined }, { cursor: 'c1' }]);
    expect(result.stoppedBy).toBe('page-cap');
    expect(result.last).toEqual({ data: [{ id: 2 }], meta: { pagination: { next_cursor: 'c2' } } });
  });
});

describe('listingTotal', () => {
  it('prefers the reported total, even when fewer records came back', () => {
    expect(listingTotal(listing({ total: 9 }))).toBe(9);
  });

  it('counts the records when the listing ended on its own without a total', () => {
    expect(listingTotal(listing({ stoppedBy: 'empty-page' }))).toBe(2);
  });

  it('is null when neither a total nor a natural end is known', () => {
    expect(listingTotal(listing({ stoppedBy: 'limit-reached' }))).toBeNull();
  });
});

describe('mergedMeta', () => {
  it('leaves out params and sort when the first page had none', () => {
    expect(mergedMeta(listing({ pages: 2 }))).toEqual({
      counts: { returned: 2, total: 2 },
      pagination: { total: 2, pages: 2 },
    });
  });
});

describe('incompletenessWarnings', () => {
  it('warns when the page cap stopped the listing', () => {
    expect(
      incompletenessWarnings(
        listing({ stoppedBy: 'page-cap', pages: 10000, total: 50000 }),
        'assets',
      ),
    ).toEqual([
      'Stopped after 10000 pages, the page cap, with 2 of 50000 assets; ' +
        'narrow the filters to read the rest.',
    ]);
  });

  it('warns when a repeated cursor ended a listing without a total', () => {
    expect(incompletenessWarnings(listing({ stoppedBy: 'cursor-repeated' }), 'exposures')).toEqual([
      'The API repeated a page cursor after 2 exposures; the result may be incomplete.',
    ]);
  });

  it('says nothing when the Limit, not the total, ended the listing', () => {
    const limited = listing({ stoppedBy: 'limit-reached', total: 1711 });

    expect(incompletenessWarnings(limited, 'assets', 2)).toEqual([]);
  });

  it('says nothing when the total was reached', () => {
    expect(
      incompletenessWarnings(listing({ stoppedBy: 'total-reached', total: 2 }), 'assets'),
    ).toEqual([]);
  });
});
