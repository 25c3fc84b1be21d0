import { describe, expect, it } from 'vitest';
import { exploreHarness } from './explore-harness.js';

describe('exploreRoutes', () => {
  it('exposes the DSL search, its aliases, DSL scrolling and the SQL scroll API', () => {
    const { routes } = exploreHarness();
    expect(routes.map((route) => `${route.method} ${route.pattern}`)).toEqual([
      'POST /v1/domains/list',
      'POST /v1/domains/list-backup',
      'POST /v1/search/list',
      'GET /v1/scroll/:scrollId',
      'POST /v1/query/scroll',
      'GET /v1/query/scroll/:scrollId',
    ]);
  });

  it('gives two emulators with the same seed the same answers', async () => {
    const [first, second] = [exploreHarness(), exploreHarness()];
    const request = {
      body: { query: "tld = 'io' AND ipv4 is not null" },
      query: 'include_ips=true',
    };
    const a = await first.call('POST', '/v1/domains/list', request);
    const b = await second.call('POST', '/v1/domains/list', request);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
  });
});
