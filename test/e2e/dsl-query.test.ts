import { describe, expect, it } from 'vitest';
import { itFailsWhenTheScrollExpires, searchSession } from './shared/search-session.js';

interface DomainRecord {
  hostname: string;
  ips?: string[];
}

interface SearchResult {
  record_count: number;
  meta: { query: string; pages: number; total_pages: number; max_page: number };
  records: DomainRecord[];
}

const DOC_EXAMPLE = "ns = 'ns1.yahoo.com' AND ipv4 = '1.1.1.1'";
/** About a quarter of the 5000 generated hosts: several pages of 100. */
const BROAD = "tld = 'com'";

const session = searchSession<SearchResult>('DSL Query');
const { run } = session;

describe('DSL Query against the emulator', () => {
  it('finds the hosts of the documented example query, with their IPs on request', async () => {
    const { envelope, result } = await run({ Query: DOC_EXAMPLE, 'Include IPs': true });

    expect(envelope.returnData).toBe('Successful');
    expect(result.records.map((record) => record.hostname).sort()).toEqual([
      'dns.yahoo.com',
      'resolver.yahoo.com',
    ]);
    expect(result.records.every((record) => record.ips?.includes('1.1.1.1'))).toBe(true);
    expect(envelope.keyFields).toEqual({ 'Record Count': 2, 'Returned Records': 2, Pages: 1 });
  });

  it('leaves the IPs out when Include IPs is not set', async () => {
    const { result } = await run({ Query: DOC_EXAMPLE });

    expect(result.records.some((record) => 'ips' in record)).toBe(false);
  });

  it('scrolls through every page of a broad query, each host once', async () => {
    const { envelope, result } = await run({ Query: BROAD, 'Max Records': 100000 });
    const hostnames = result.records.map((record) => record.hostname);

    expect(result.record_count).toBeGreaterThan(300);
    expect(hostnames).toHaveLength(result.record_count);
    expect(new Set(hostnames).size).toBe(hostnames.length);
    expect(result.meta.pages).toBe(result.meta.total_pages);
    expect(envelope.warnings).toBeUndefined();
  });

  it('stops at Max Records and warns with the number of records available', async () => {
    const { envelope, result } = await run({ Query: BROAD, 'Max Records': 250 });

    expect(envelope.keyFields).toEqual({
      'Record Count': result.record_count,
      'Returned Records': 250,
      Pages: 3,
    });
    expect(envelope.warnings).toEqual([
      expect.stringContaining(`250 of ${result.record_count} available records`),
    ]);
  });

  it('fails with the API status and message on an invalid query', async () => {
    const { envelope } = await run({ Query: "nss = 'ns1.yahoo.com'" });

    expect(envelope.error).toMatchObject({
      failureIndicator: 'DSL Query failed.',
      statusCode: 400,
      code: 'REQUEST_REJECTED',
      message: expect.stringMatching(/^Invalid Query: /),
    });
  });

  itFailsWhenTheScrollExpires(session, BROAD);
});
