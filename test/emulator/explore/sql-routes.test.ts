import { describe, expect, it } from 'vitest';
import { exploreHarness, type SqlReply } from './explore-harness.js';

const QUERY = '/v1/query/scroll';
const NEXT = '/v1/query/scroll/:scrollId';
const COM_APEXES =
  "SELECT domain.hostname FROM hosts WHERE domain.tld = 'com' AND domain.subdomain is null";

type Harness = ReturnType<typeof exploreHarness>;

async function scrollToEnd(explore: Harness, first: SqlReply): Promise<SqlReply[]> {
  const pages = [first];
  for (let id = first.id; id !== null;) {
    const reply = await explore.call<SqlReply>('GET', NEXT, { params: { scrollId: id } });
    expect(reply.status).toBe(200);
    pages.push(reply.body);
    id = reply.body.id;
  }
  return pages;
}

describe('POST /v1/query/scroll', () => {
  it('answers the documented example query', async () => {
    const explore = exploreHarness();
    const query =
      'SELECT domain.hostname, dns.a.value.ip,ip.geo.owner.country FROM hosts WHERE ' +
      "domain.apex = 'google.com' AND dns.a.value.ip neq Null AND " +
      "ip.geo.owner.country_iso_code = 'CN'";
    const { status, body } = await explore.call<SqlReply>('POST', QUERY, { body: { query } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ query, id: null, total: { value: 2, relation: 'eq' } });
    expect(body.records.map((record) => record.domain)).toEqual([
      { hostname: 'cn.google.com' },
      { hostname: 'translate.google.com' },
    ]);
  });

  it('scrolls to the end returning every record exactly once, 100 per page', async () => {
    const explore = exploreHarness({ hosts: 4000 });
    const first = await explore.call<SqlReply>('POST', QUERY, { body: { query: COM_APEXES } });
    const total = first.body.total.value;
    expect(total).toBeGreaterThan(200);
    expect(first.body.id).toMatch(/^[0-9a-f]{32}$/);

    const pages = await scrollToEnd(explore, first.body);
    expect(pages).toHaveLength(Math.ceil(total / 100));
    expect(pages.slice(0, -1).every((page) => page.records.length === 100)).toBe(true);
    expect(pages.every((page) => page.query === COM_APEXES && page.total.value === total)).toBe(
      true,
    );
    const hostnames = pages.flatMap((page) =>
      page.records.map((record) => (record.domain as { hostname: string }).hostname),
    );
    expect(hostnames).toHaveLength(total);
    expect(new Set(hostnames).size).toBe(total);
  });

  it('issues a new id for every page and null on the last one', async () => {
    const explore = exploreHarness({ hosts: 4000 });
    const first = await explore.call<SqlReply>('POST', QUERY, { body: { query: COM_APEXES } });
    const pages = await scrollToEnd(explore, first.body);
    const ids = pages.map((page) => page.id);
    expect(ids[ids.length - 1]).toBeNull();
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('returns an empty page with a null id when nothing matches', async () => {
    const explore = exploreHarness();
    const { body } = await explore.call<SqlReply>('POST', QUERY, {
      body: { query: 'SELECT ip.address FROM ips WHERE ip.asn.number = 1' },
    });
    expect(body).toMatchObject({ id: null, total: { value: 0, relation: 'eq' }, records: [] });
  });

  it.each([
    [
      { query: 'SELECT * FROM domains' },
      "Invalid Query: Unknown table 'domains' at position 14; expected hosts or ips",
    ],
    [
      { query: 'SELECT domain.hostname FROM hosts WHERE' },
      'Invalid Query: Unexpected end of query at position 39; expected a field',
    ],
    [
      { query: "SELECT nope FROM ips WHERE ip.address = '1.1.1.1'" },
      "Invalid Query: Unknown field 'nope' at position 7 in table ips",
    ],
    [{ query: 7 }, 'query must be a string; got a number'],
    [{}, 'Missing query: send a JSON body {"query": "SELECT'],
    [null, 'Missing query'],
  ])('rejects the body %j with 400 and a message', async (requestBody, message) => {
    const explore = exploreHarness();
    const { status, body } = await explore.call('POST', QUERY, { body: requestBody });
    expect(status).toBe(400);
    expect(body.message.slice(0, message.length)).toBe(message);
  });
});

describe('GET /v1/query/scroll/:scrollId', () => {
  async function openScroll(explore: Harness): Promise<string> {
    const { body } = await explore.call<SqlReply>('POST', QUERY, { body: { query: COM_APEXES } });
    if (body.id === null) throw new Error('the query should span several pages');
    return body.id;
  }

  it('keeps an id alive while it is used within scrollTtlMs', async () => {
    const explore = exploreHarness({ hosts: 4000, scrollTtlMs: 30_000 });
    const scrollId = await openScroll(explore);
    for (let step = 0; step < 3; step += 1) {
      explore.advance(29_999);
      expect((await explore.call('GET', NEXT, { params: { scrollId } })).status).toBe(200);
    }
  });

  it('expires an id scrollTtlMs after its last use by the injected clock', async () => {
    const explore = exploreHarness({ hosts: 4000, scrollTtlMs: 30_000 });
    const scrollId = await openScroll(explore);
    explore.advance(30_000);
    const { status, body } = await explore.call('GET', NEXT, { params: { scrollId } });
    expect(status).toBe(400);
    expect(body.message).toBe(
      `Scroll id '${scrollId}' has expired or does not exist; ` +
        'run the query again with POST /v1/query/scroll',
    );
  });

  it('refuses an unknown id and an id opened with another API key', async () => {
    const explore = exploreHarness({ hosts: 4000 });
    const scrollId = await openScroll(explore);
    const unknown = await explore.call('GET', NEXT, { params: { scrollId: 'feed' } });
    const stolen = await explore.call('GET', NEXT, { params: { scrollId }, apiKey: 'key-b' });
    expect([unknown.status, stolen.status]).toEqual([400, 400]);
    expect(unknown.body.message).toContain('has expired');
  });

  it('keeps DSL and SQL scroll ids apart', async () => {
    const explore = exploreHarness({ hosts: 4000 });
    const scrollId = await openScroll(explore);
    const asDsl = await explore.call('GET', '/v1/scroll/:scrollId', { params: { scrollId } });
    expect(asDsl.status).toBe(400);
  });
});
