import { describe, expect, it } from 'vitest';
import { exploreHarness, type DomainReply } from './explore-harness.js';

const SEARCH = '/v1/domains/list';
const SCROLL = '/v1/scroll/:scrollId';

describe('POST /v1/domains/list', () => {
  const explore = exploreHarness({ hosts: 2000 });
  const search = (body: unknown, query = '') =>
    explore.call<DomainReply>('POST', SEARCH, { body, query });

  it('answers the documented example in the recorded envelope', async () => {
    const { status, body } = await search({ query: "ns = 'ns1.yahoo.com' AND ipv4 = '1.1.1.1'" });
    expect(status).toBe(200);
    expect(body).toEqual({
      endpoint: '/v1/domains/list',
      record_count: 2,
      meta: {
        query: "ns = 'ns1.yahoo.com' AND ipv4 = '1.1.1.1'",
        page: 1,
        total_pages: 1,
        max_page: 100,
      },
      records: [
        {
          hostname: 'dns.yahoo.com',
          alexa_rank: 11,
          host_provider: ['Yahoo'],
          mail_provider: ['Yahoo'],
          whois: {
            registrar: 'MarkMonitor Inc.',
            createdDate: Date.UTC(1995, 0, 18),
            expiresDate: Date.UTC(2029, 0, 19),
          },
          computed: { company_name: 'Yahoo Assets LLC' },
        },
        expect.objectContaining({ hostname: 'resolver.yahoo.com' }),
      ],
    });
  });

  it('adds each host A record addresses as ips when include_ips=true', async () => {
    const { body } = await search({ query: "apex_domain = 'yahoo.com'" }, 'include_ips=true');
    expect(body.records.map((record) => [record.hostname, record.ips])).toEqual([
      ['dns.yahoo.com', ['1.1.1.1', '1.0.0.1']],
      ['resolver.yahoo.com', ['1.1.1.1']],
      ['www.yahoo.com', ['98.137.11.164']],
      ['yahoo.com', ['98.137.11.163', '98.137.11.164']],
    ]);
    const without = await search({ query: "apex_domain = 'yahoo.com'" }, 'include_ips=false');
    expect(without.body.records.every((record) => !('ips' in record))).toBe(true);
  });

  it('pages 100 records at a time up to a short last page and an empty page after it', async () => {
    const query = { query: "tld in ('com', 'net')" };
    const first = await search(query);
    const total = first.body.record_count;
    const pages = first.body.meta.total_pages;
    expect(total).toBeGreaterThan(300);
    expect(pages).toBe(Math.ceil(total / 100));

    const seen: string[] = [];
    for (let page = 1; page <= pages; page += 1) {
      const { body } = await search(query, `page=${page}`);
      expect(body.meta.page).toBe(page);
      expect(body.records).toHaveLength(page < pages ? 100 : total - 100 * (pages - 1));
      seen.push(...body.records.map((record) => record.hostname));
    }
    expect(new Set(seen).size).toBe(total);

    const after = await search(query, `page=${pages + 1}`);
    expect(after.status).toBe(200);
    expect(after.body.records).toEqual([]);
  });

  it('orders records by Alexa rank with unranked hosts last', async () => {
    const { body } = await search({ query: "tld = 'com'" });
    const ranks = body.records.map((record) => record.alexa_rank ?? Infinity);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('converts a filter body into the equivalent DSL and echoes it in meta.query', async () => {
    const { status, body } = await search({ filter: { ipv4: '1.1.1.1', ns: 'ns1.yahoo.com' } });
    expect(status).toBe(200);
    expect(body.meta.query).toBe("ipv4 = '1.1.1.1' AND ns = 'ns1.yahoo.com'");
    expect(body.records.map((record) => record.hostname)).toEqual([
      'dns.yahoo.com',
      'resolver.yahoo.com',
    ]);
  });

  it('writes a filter list as IN and escapes quotes in filter values', async () => {
    const { body } = await search({
      filter: { tld: ['one', 'com'], whois_organization: "O'Neil" },
    });
    expect(body.meta.query).toBe("tld in ('one', 'com') AND whois_organization = 'O\\'Neil'");
    expect(body.record_count).toBe(0);
  });

  it.each([
    [{ filter: { hostname: 'a.com' } }, "Invalid Query: Unknown filter attribute 'hostname'"],
    [{ filter: { ipv4: true } }, "Invalid Query: Filter attribute 'ipv4' needs a string"],
    [{ filter: {} }, 'Invalid Query: The filter is empty'],
    [{ filter: 'ipv4' }, 'filter must be an object; got a string'],
    [{ query: 42 }, 'query must be a string; got a number'],
    [{ query: 'tld = "a"', filter: { tld: 'a' } }, 'Send either query or filter, not both'],
    [{}, 'Missing query: send a JSON body {"query": "<DSL>"}'],
    [undefined, 'Missing query: send a JSON body'],
    [
      { query: "tld = 'com' AND (ns = )" },
      "Invalid Query: Unexpected token ')' at position 22; expected a value",
    ],
    [{ query: "color = 'blue'" }, "Invalid Query: Unknown attribute 'color' at position 0"],
  ])('rejects the body %j with 400', async (requestBody, message) => {
    const { status, body } = await explore.call('POST', SEARCH, { body: requestBody });
    expect(status).toBe(400);
    expect(body.message).toContain(message);
  });

  it.each([
    ['page=0', 'page must be a whole number from 1'],
    ['page=two', "page must be a whole number from 1; got 'two'"],
    ['page=101', 'page 101 is beyond max_page 100; use scroll=true'],
    ['include_ips=yes', 'include_ips and scroll must be true or false'],
  ])('rejects %s with 400', async (query, message) => {
    const { status, body } = await explore.call('POST', SEARCH, {
      body: { query: "tld = 'com'" },
      query,
    });
    expect(status).toBe(400);
    expect(body.message).toContain(message);
  });

  it('serves the same search under /v1/domains/list-backup and /v1/search/list', async () => {
    const query = { query: "ipv4 = '1.1.1.1'" };
    const main = await search(query);
    for (const alias of ['/v1/domains/list-backup', '/v1/search/list']) {
      const { status, body } = await explore.call<DomainReply>('POST', alias, { body: query });
      expect(status).toBe(200);
      expect(body).toEqual({ ...main.body, endpoint: alias });
    }
  });
});

describe('max_page', () => {
  const explore = exploreHarness({ hosts: 12_000 });
  const everything = { query: 'apex_domain is not null' };

  it('reports more pages than max_page but serves page 100 and refuses page 101', async () => {
    const last = await explore.call<DomainReply>('POST', SEARCH, {
      body: everything,
      query: 'page=100',
    });
    expect(last.status).toBe(200);
    expect(last.body.meta).toMatchObject({ page: 100, total_pages: 120, max_page: 100 });
    expect(last.body.records).toHaveLength(100);

    const beyond = await explore.call('POST', SEARCH, { body: everything, query: 'page=101' });
    expect(beyond.status).toBe(400);
  });

  it('lets a scroll read past max_page to the last record, each record once', async () => {
    let reply = await explore.call<DomainReply>('POST', SEARCH, {
      body: everything,
      query: 'scroll=true',
    });
    const seen = reply.body.records.map((record) => record.hostname);
    while (reply.body.meta.scroll_id !== undefined) {
      reply = await explore.call<DomainReply>('GET', SCROLL, {
        params: { scrollId: reply.body.meta.scroll_id },
      });
      expect(reply.status).toBe(200);
      seen.push(...reply.body.records.map((record) => record.hostname));
    }
    expect(reply.body.meta.page).toBe(120);
    expect(seen).toHaveLength(12_000);
    expect(new Set(seen).size).toBe(12_000);
  });
});

describe('GET /v1/scroll/:scrollId', () => {
  const query = { query: "tld = 'com' AND subdomain is null" };

  async function openScroll(explore: ReturnType<typeof exploreHarness>) {
    const { body } = await explore.call<DomainReply>('POST', SEARCH, {
      body: query,
      query: 'scroll=true&include_ips=true',
    });
    return body;
  }

  it('returns the next page in the same envelope, with an id while records remain', async () => {
    const explore = exploreHarness({ hosts: 2000 });
    const first = await openScroll(explore);
    expect(first.meta.total_pages).toBeGreaterThanOrEqual(2);
    expect(first.meta.scroll_id).toMatch(/^[0-9a-f]{32}$/);

    const pages = [first];
    let scrollId = first.meta.scroll_id;
    while (scrollId !== undefined) {
      const { body } = await explore.call<DomainReply>('GET', SCROLL, { params: { scrollId } });
      pages.push(body);
      scrollId = body.meta.scroll_id;
    }
    expect(pages.map((page) => page.meta.page)).toEqual(pages.map((_, index) => index + 1));
    expect(pages).toHaveLength(first.meta.total_pages);
    const last = pages[pages.length - 1];
    expect(last).toMatchObject({ endpoint: '/v1/domains/list', record_count: first.record_count });
    expect(last?.records[0]?.ips).toBeDefined();
    expect(pages.flatMap((page) => page.records)).toHaveLength(first.record_count);
  });

  it('issues no scroll id when the first page holds every record', async () => {
    const explore = exploreHarness();
    const { body } = await explore.call<DomainReply>('POST', SEARCH, {
      body: { query: "apex_domain = 'google.com'" },
      query: 'scroll=true',
    });
    expect(body.record_count).toBe(6);
    expect(body.meta.scroll_id).toBeUndefined();
  });

  it('returns the same page again when a scroll id is retried', async () => {
    const explore = exploreHarness();
    const scrollId = (await openScroll(explore)).meta.scroll_id ?? '';
    const once = await explore.call<DomainReply>('GET', SCROLL, { params: { scrollId } });
    const twice = await explore.call<DomainReply>('GET', SCROLL, { params: { scrollId } });
    expect(twice.body.records).toEqual(once.body.records);
  });

  it('expires a scroll id scrollTtlMs after its last use', async () => {
    const explore = exploreHarness({ scrollTtlMs: 60_000 });
    const scrollId = (await openScroll(explore)).meta.scroll_id ?? '';

    explore.advance(59_000);
    expect((await explore.call('GET', SCROLL, { params: { scrollId } })).status).toBe(200);
    explore.advance(59_000);
    expect((await explore.call('GET', SCROLL, { params: { scrollId } })).status).toBe(200);
    explore.advance(60_000);
    const expired = await explore.call('GET', SCROLL, { params: { scrollId } });
    expect(expired.status).toBe(400);
    expect(expired.body.message).toBe(
      `Scroll id '${scrollId}' has expired or does not exist; ` +
        'run the search again with scroll=true',
    );
  });

  it('refuses an unknown id and an id opened with another API key', async () => {
    const explore = exploreHarness();
    const scrollId = (await openScroll(explore)).meta.scroll_id ?? '';
    const unknown = await explore.call('GET', SCROLL, { params: { scrollId: 'nope' } });
    const stolen = await explore.call('GET', SCROLL, { params: { scrollId }, apiKey: 'key-b' });
    expect([unknown.status, stolen.status]).toEqual([400, 400]);
    expect(stolen.body.message).toContain('has expired or does not exist');
  });
});
