import { existsSync, readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection, connector, fastOptions } from '../helpers/connector.js';

const RECORDED = new URL('../../../shared/recorded/ninoseki-securitytrails/', import.meta.url);
const QUERY = "ns = 'ns1.yahoo.com' AND ipv4 = '1.1.1.1'";
const FIRST = { include_ips: 'false', scroll: 'true', page: '1' };

async function run(inputs: Record<string, unknown> = {}, overrides = {}) {
  return (await connector()).execute(
    'DSL Query',
    { Query: QUERY, ...inputs },
    connection(overrides),
    fastOptions(),
  );
}

/** Records `host-<from>.example.com` ... as the domain search lists them. */
function hosts(from: number, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    hostname: `host-${from + index}.example.com`,
    alexa_rank: null,
    computed: { company_name: null },
  }));
}

function page(records: unknown[], meta: Record<string, unknown>, recordCount = 250) {
  return {
    endpoint: '/v1/domains/list',
    record_count: recordCount,
    meta: { query: QUERY, total_pages: Math.ceil(recordCount / 100), max_page: 100, ...meta },
    records,
  };
}

function search(query: Record<string, string> = FIRST) {
  return nock(API).post('/v1/domains/list', { query: QUERY }).query(query);
}

describe('DSL Query', () => {
  it('opens a scroll and follows scroll ids to the last page, merging every record', async () => {
    search().reply(200, page(hosts(1, 100), { page: 1, scroll_id: 's-1' }));
    nock(API)
      .get('/v1/scroll/s-1')
      .reply(200, page(hosts(101, 100), { page: 2, scroll_id: 's-2' }));
    nock(API)
      .get('/v1/scroll/s-2')
      .reply(200, page(hosts(201, 50), { page: 3 }));

    expect(await run()).toEqual({
      command: 'DSL Query',
      returnData: 'Successful',
      rawData: {
        endpoint: '/v1/domains/list',
        record_count: 250,
        meta: { query: QUERY, pages: 3, total_pages: 3, max_page: 100 },
        records: hosts(1, 250),
      },
      keyFields: { 'Record Count': 250, 'Returned Records': 250, Pages: 3 },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('keeps reading a scroll id that stays the same until a page comes back empty', async () => {
    const noCount = (records: unknown[], meta: Record<string, unknown>) => {
      const { record_count: _, ...rest } = page(records, meta);
      return rest;
    };
    search().reply(200, noCount(hosts(1, 100), { scroll_id: 'same' }));
    nock(API)
      .get('/v1/scroll/same')
      .reply(200, noCount(hosts(101, 100), { scroll_id: 'same' }));
    nock(API)
      .get('/v1/scroll/same')
      .reply(200, noCount([], { scroll_id: 'same' }));

    const envelope = await run();

    expect(envelope.keyFields).toEqual({
      'Record Count': null,
      'Returned Records': 200,
      Pages: 3,
    });
    expect(envelope.warnings).toBeUndefined();
  });

  it('stops once the record count is reached, even while a scroll id is still offered', async () => {
    search().reply(200, page(hosts(1, 100), { scroll_id: 's-1' }, 150));
    nock(API)
      .get('/v1/scroll/s-1')
      .reply(200, page(hosts(101, 50), { scroll_id: 's-2' }, 150));

    expect((await run()).keyFields).toEqual({
      'Record Count': 150,
      'Returned Records': 150,
      Pages: 2,
    });
  });

  it('sends include_ips=true when Include IPs is set', async () => {
    search({ ...FIRST, include_ips: 'true' }).reply(
      200,
      page([{ hostname: 'a.example.net', ips: ['1.1.1.1'] }], {}, 1),
    );

    const envelope = await run({ 'Include IPs': 'true' });

    expect(envelope.rawData).toMatchObject({ records: [{ ips: ['1.1.1.1'] }] });
  });

  it('pages with page=2.. up to total_pages when the API offers no scroll id', async () => {
    search().reply(200, page(hosts(1, 100), { page: 1 }));
    search({ include_ips: 'false', page: '2' }).reply(200, page(hosts(101, 100), { page: 2 }));
    search({ include_ips: 'false', page: '3' }).reply(200, page(hosts(201, 50), { page: 3 }));

    const envelope = await run();

    expect(envelope.rawData).toMatchObject({ meta: { pages: 3 }, records: hosts(1, 250) });
    expect(envelope.warnings).toBeUndefined();
  });

  it('warns when plain paging ends at max_page before total_pages', async () => {
    const capped = (records: unknown[]) => page(records, { total_pages: 5, max_page: 2 }, 450);
    search().reply(200, capped(hosts(1, 100)));
    search({ include_ips: 'false', page: '2' }).reply(200, capped(hosts(101, 100)));

    const envelope = await run({ 'Max Records': 1000 });

    expect(envelope.keyFields).toEqual({ 'Record Count': 450, 'Returned Records': 200, Pages: 2 });
    expect(envelope.warnings).toEqual([
      'SecurityTrails offered no scroll id for this search and pages only up to page 2 of 5 ' +
        '(about 200 records): 200 of 450 records were returned. Narrow the query to reach the rest.',
    ]);
  });

  it('stops requesting at Max Records and says how many records were available', async () => {
    search().reply(200, page(hosts(1, 100), { scroll_id: 's-1' }));
    nock(API)
      .get('/v1/scroll/s-1')
      .reply(200, page(hosts(101, 100), { scroll_id: 's-2' }));

    const envelope = await run({ 'Max Records': '150' });

    expect(envelope.rawData).toMatchObject({ record_count: 250, records: hosts(1, 150) });
    expect(envelope.keyFields).toEqual({ 'Record Count': 250, 'Returned Records': 150, Pages: 2 });
    expect(envelope.warnings).toEqual([
      'Stopped at Max Records (150): 150 of 250 available records were returned. Raise Max ' +
        'Records to read more; each page of 100 costs one API request.',
    ]);
  });

  it('fails with SCROLL_EXPIRED, returning no partial result, when the scroll id expired', async () => {
    search().reply(200, page(hosts(1, 100), { scroll_id: 's-1' }));
    nock(API).get('/v1/scroll/s-1').reply(400, {
      message: "Scroll id 's-1' has expired or does not exist; run the search again",
    });

    const envelope = await run();

    expect(envelope).toMatchObject({ returnData: 'Failed', rawData: null });
    expect(envelope.error).toMatchObject({
      failureIndicator: 'DSL Query failed.',
      statusCode: 400,
      code: 'SCROLL_EXPIRED',
      retryable: true,
      message: expect.stringMatching(/^The scroll id expired after 1 pages \(100 records\)/),
      details: expect.objectContaining({ pages: 1, records: 100 }),
    });
  });

  it.each([
    [400, { message: "Invalid Query: unknown attribute 'nss' at 0" }, 'REQUEST_REJECTED'],
    [403, { message: 'Invalid Query.' }, 'REQUEST_REJECTED'],
    [401, { message: 'Invalid API key' }, 'AUTH_FAILED'],
    [403, { message: 'You are not allowed to access this endpoint.' }, 'ACCESS_DENIED'],
    [404, { message: 'Not Found' }, 'NOT_FOUND'],
    [429, { message: "You've exceeded the usage limits for your account." }, 'QUOTA_EXHAUSTED'],
  ])('surfaces %i %j with code %s', async (status, body, code) => {
    search().reply(status, body);

    expect((await run()).error).toMatchObject({
      failureIndicator: 'DSL Query failed.',
      statusCode: status,
      message: body.message,
      code,
    });
  });

  it.each([
    ['Query is missing', { Query: undefined }, 'Query'],
    ['Max Records is 0', { 'Max Records': 0 }, 'Max Records'],
    ['Max Records is 100001', { 'Max Records': 100001 }, 'Max Records'],
    ['Include IPs is not a boolean', { 'Include IPs': 'maybe' }, 'Include IPs'],
  ])('fails with INPUT_INVALID before any request when %s', async (_, inputs, parameter) => {
    const envelope = await run(inputs);

    expect(envelope.error).toMatchObject({
      code: 'INPUT_INVALID',
      statusCode: null,
      message: expect.stringContaining(parameter),
    });
  });

  it('runs on a v1 connection', async () => {
    search().reply(200, page(hosts(1, 1), {}, 1));

    expect((await run({}, { apiVersion: 'v1' })).returnData).toBe('Successful');
  });

  it('returns exactly the key fields the manifest declares', async () => {
    search().reply(200, page(hosts(1, 1), {}, 1));

    const declared = (await connector()).command('DSL Query')?.keyFields;
    expect(Object.keys((await run()).keyFields ?? {}).sort()).toEqual([...(declared ?? [])].sort());
  });

  describe.skipIf(!existsSync(RECORDED))('with the recorded ninoseki search page', () => {
    it('reads the first page of 100 and reports the 59251 records available', async () => {
      const recorded = JSON.parse(
        readFileSync(new URL('Domains_search_1_1_1.json', RECORDED), 'utf8'),
      );
      search().reply(200, recorded);

      const envelope = await run({ 'Max Records': 100 });

      expect(envelope.rawData).toEqual({
        endpoint: recorded.endpoint,
        record_count: 59251,
        meta: { query: "ipv4 = '1.1.1.1'", pages: 1, total_pages: 593, max_page: 100 },
        records: recorded.records,
      });
      expect(envelope.warnings).toEqual([expect.stringContaining('100 of 59251 available')]);
    });
  });
});
