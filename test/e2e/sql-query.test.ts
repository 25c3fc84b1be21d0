import { describe, expect, it } from 'vitest';
import { itFailsWhenTheScrollExpires, searchSession } from './shared/search-session.js';

interface HostRow {
  domain: { hostname: string };
}

interface QueryResult {
  total: { value: number; relation: string };
  pages: number;
  records: HostRow[];
}

const DOC_EXAMPLE =
  'SELECT domain.hostname, dns.a.value.ip,ip.geo.owner.country FROM hosts WHERE ' +
  "domain.apex = 'google.com' AND dns.a.value.ip neq Null AND ip.geo.owner.country_iso_code = 'CN'";
const BROAD = "SELECT domain.hostname FROM hosts WHERE domain.tld = 'com'";

const session = searchSession<QueryResult>('SQL Query');
const { run } = session;

describe('SQL Query against the emulator', () => {
  it('returns the rows of the documented example query', async () => {
    const { envelope, result } = await run({ Query: DOC_EXAMPLE });

    expect(envelope.returnData).toBe('Successful');
    expect(result.records.map((row) => row.domain.hostname).sort()).toEqual([
      'cn.google.com',
      'translate.google.com',
    ]);
    expect(envelope.keyFields).toEqual({ Total: 2, 'Returned Records': 2, Pages: 1 });
    expect(envelope.warnings).toBeUndefined();
  });

  it('scrolls to the last page of a broad query, each row once', async () => {
    const { envelope, result } = await run({ Query: BROAD, 'Max Records': 100000 });
    const hostnames = result.records.map((row) => row.domain.hostname);

    expect(result.total.value).toBeGreaterThan(300);
    expect(hostnames).toHaveLength(result.total.value);
    expect(new Set(hostnames).size).toBe(hostnames.length);
    expect(result.pages).toBe(Math.ceil(result.total.value / 100));
    expect(envelope.warnings).toBeUndefined();
  });

  it('stops at Max Records and warns, as well as about a query without WHERE', async () => {
    const { envelope, result } = await run({
      Query: 'SELECT domain.hostname FROM hosts',
      'Max Records': 150,
    });

    expect(envelope.keyFields).toEqual({
      Total: result.total.value,
      'Returned Records': 150,
      Pages: 2,
    });
    expect(envelope.warnings).toEqual([
      expect.stringContaining('no WHERE condition'),
      expect.stringContaining(`150 records were returned, ${result.total.value} match the query`),
    ]);
  });

  it('fails with the API status and message on an invalid query', async () => {
    const { envelope } = await run({ Query: 'SELECT domain.hostname hosts' });

    expect(envelope.error).toMatchObject({
      failureIndicator: 'SQL Query failed.',
      statusCode: 400,
      code: 'REQUEST_REJECTED',
      message: expect.stringMatching(/^Invalid Query: /),
    });
  });

  itFailsWhenTheScrollExpires(session, BROAD);
});
