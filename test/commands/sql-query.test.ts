import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection, connector, fastOptions } from '../helpers/connector.js';

const QUERY = "SELECT domain.hostname FROM hosts WHERE domain.apex = 'example.com'";
const NO_WHERE_WARNING =
  'The query has no WHERE condition, so it reads the whole table and every page costs one ' +
  'API request. Add a WHERE condition to narrow the result.';

async function run(inputs: Record<string, unknown> = {}, overrides = {}) {
  return (await connector()).execute(
    'SQL Query',
    { Query: QUERY, ...inputs },
    connection(overrides),
    fastOptions(),
  );
}

function hosts(from: number, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    domain: { hostname: `host-${from + index}.example.com` },
  }));
}

function page(
  id: string | null,
  records: unknown[],
  total: unknown = { value: 250, relation: 'eq' },
) {
  return { query: QUERY, id, total, records };
}

function start(query = QUERY) {
  return nock(API).post('/v1/query/scroll', { query });
}

function scroll(id: string) {
  return nock(API).get(`/v1/query/scroll/${id}`);
}

describe('SQL Query', () => {
  it('scrolls from the first page to the last, merging every record', async () => {
    start().reply(200, page('id-1', hosts(1, 100)));
    scroll('id-1').reply(200, page('id-2', hosts(101, 100)));
    scroll('id-2').reply(200, page(null, hosts(201, 50)));

    expect(await run()).toEqual({
      command: 'SQL Query',
      returnData: 'Successful',
      rawData: {
        query: QUERY,
        total: { value: 250, relation: 'eq' },
        pages: 3,
        records: hosts(1, 250),
      },
      keyFields: { Total: 250, 'Returned Records': 250, Pages: 3 },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('reads a total whose value is a string and keeps it as sent in the raw result', async () => {
    start().reply(200, page(null, hosts(1, 2), { value: '2', relation: 'eq' }));

    const envelope = await run();

    expect(envelope.keyFields).toMatchObject({ Total: 2 });
    expect(envelope.rawData).toMatchObject({ total: { value: '2', relation: 'eq' } });
  });

  it('stops at the reported total even when the last page still carries an id', async () => {
    start().reply(200, page('id-1', hosts(1, 100), { value: 120, relation: 'eq' }));
    scroll('id-1').reply(200, page('id-2', hosts(101, 20), { value: 120, relation: 'eq' }));

    expect((await run()).keyFields).toEqual({ Total: 120, 'Returned Records': 120, Pages: 2 });
  });

  it('follows an id that stays the same until an empty page when the total is a lower bound', async () => {
    const atLeast = { value: 100, relation: 'gte' };
    start().reply(200, page('same', hosts(1, 100), atLeast));
    scroll('same').reply(200, page('same', hosts(101, 30), atLeast));
    scroll('same').reply(200, page('same', [], atLeast));

    const envelope = await run();

    expect(envelope.keyFields).toEqual({ Total: 100, 'Returned Records': 130, Pages: 3 });
    expect(envelope.warnings).toBeUndefined();
  });

  it('stops requesting at Max Records and warns with the total', async () => {
    start().reply(200, page('id-1', hosts(1, 100)));
    scroll('id-1').reply(200, page('id-2', hosts(101, 100)));

    const envelope = await run({ 'Max Records': 150 });

    expect(envelope.keyFields).toEqual({ Total: 250, 'Returned Records': 150, Pages: 2 });
    expect(envelope.warnings).toEqual([
      'Stopped at Max Records (150): 150 records were returned, 250 match the query. Raise ' +
        'Max Records to read more; each page costs one API request.',
    ]);
  });

  it('warns when the scroll ends before the reported total', async () => {
    start().reply(200, page('id-1', hosts(1, 100)));
    scroll('id-1').reply(200, page(null, hosts(101, 50)));

    expect((await run()).warnings).toEqual([
      'SecurityTrails reported 250 records but returned 150 before the scroll ended; the ' +
        'result may be incomplete.',
    ]);
  });

  it('does not warn about the cap when the last page ends exactly at Max Records', async () => {
    start().reply(200, page(null, hosts(1, 100), { value: '100', relation: 'eq' }));

    expect((await run({ 'Max Records': 100 })).warnings).toBeUndefined();
  });

  it('warns when the query has no WHERE condition', async () => {
    const query = 'SELECT domain.hostname FROM hosts';
    start(query).reply(200, { ...page(null, hosts(1, 1), { value: 1, relation: 'eq' }), query });

    expect((await run({ Query: query })).warnings).toEqual([NO_WHERE_WARNING]);
  });

  it('does not count a WHERE inside a string literal as a condition', async () => {
    const query = "SELECT domain.hostname FROM hosts LIMIT 'where x = 1'";
    start(query).reply(200, { ...page(null, [], { value: 0, relation: 'eq' }), query });

    expect((await run({ Query: query })).warnings).toEqual([NO_WHERE_WARNING]);
  });

  it.each([
    [400, 'Scroll id has expired; run the query again'],
    [404, 'Scroll ID expired'],
  ])('fails with SCROLL_EXPIRED when the scroll id expired (%i)', async (status, message) => {
    start().reply(200, page('id-1', hosts(1, 100)));
    scroll('id-1').reply(200, page('id-2', hosts(101, 100)));
    scroll('id-2').reply(status, { message });

    const envelope = await run();

    expect(envelope).toMatchObject({ returnData: 'Failed', rawData: null });
    expect(envelope.error).toMatchObject({
      failureIndicator: 'SQL Query failed.',
      statusCode: status,
      code: 'SCROLL_EXPIRED',
      message: expect.stringContaining(`after 2 pages (200 records) had been read`),
    });
    expect(envelope.error?.message).toContain(message);
  });

  it('keeps NOT_FOUND for a 404 on the scroll that says nothing about expiry', async () => {
    start().reply(200, page('id-1', hosts(1, 100)));
    scroll('id-1').reply(404, { message: 'Not Found' });

    expect((await run()).error).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('encodes the scroll id as one path segment', async () => {
    start().reply(200, page('a/b c', hosts(1, 100)));
    scroll('a%2Fb%20c').reply(200, page(null, hosts(101, 1)));

    expect((await run()).keyFields).toMatchObject({ 'Returned Records': 101 });
  });

  it.each([
    [400, { message: 'Invalid Query: expected FROM at position 22' }, 'REQUEST_REJECTED'],
    [403, { message: 'Invalid Query.' }, 'REQUEST_REJECTED'],
    [401, { message: 'Invalid API key' }, 'AUTH_FAILED'],
    [403, { message: 'Your plan does not include the SQL API.' }, 'ACCESS_DENIED'],
    [404, { message: 'Not Found' }, 'NOT_FOUND'],
    [429, { message: "You've exceeded the usage limits for your account." }, 'QUOTA_EXHAUSTED'],
  ])('surfaces %i %j with code %s', async (status, body, code) => {
    start().reply(status, body);

    expect((await run()).error).toMatchObject({
      failureIndicator: 'SQL Query failed.',
      statusCode: status,
      message: body.message,
      code,
    });
  });

  it.each([
    ['Query is missing', { Query: undefined }, 'Query'],
    ['Query is blank', { Query: '   ' }, 'Query'],
    ['Max Records is 0', { 'Max Records': 0 }, 'Max Records'],
    ['Max Records is not a number', { 'Max Records': 'all' }, 'Max Records'],
  ])('fails with INPUT_INVALID before any request when %s', async (_, inputs, parameter) => {
    expect((await run(inputs)).error).toMatchObject({
      code: 'INPUT_INVALID',
      statusCode: null,
      message: expect.stringContaining(parameter),
    });
  });

  it('runs on a v1 connection', async () => {
    start().reply(200, page(null, []));

    expect((await run({}, { apiVersion: 'v1' })).returnData).toBe('Successful');
  });

  it('returns exactly the key fields the manifest declares', async () => {
    start().reply(200, page(null, []));

    const declared = (await connector()).command('SQL Query')?.keyFields;
    expect(Object.keys((await run()).keyFields ?? {}).sort()).toEqual([...(declared ?? [])].sort());
  });
});
