import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../emulator/explore/dataset.js';
import { QueryError } from '../../../emulator/explore/query-error.js';
import type { HostRecord, IpRecord } from '../../../emulator/explore/records.js';
import { compileSql, parseSql } from '../../../emulator/explore/sql.js';
import { showCondition } from './show-condition.js';

const dataset = buildDataset({ seed: 3, hosts: 3000 });

function rows(query: string): Record<string, unknown>[] {
  const result = compileSql(query).run(dataset);
  return result.page(0, result.total);
}

function failure(query: string): { message: string; position: number } {
  try {
    compileSql(query);
  } catch (error) {
    if (error instanceof QueryError) return { message: error.message, position: error.position };
    throw error;
  }
  throw new Error(`expected ${query} to fail`);
}

describe('SQL parser', () => {
  it('reads the selected fields, the table and the condition', () => {
    const statement = parseSql(
      "SELECT domain.hostname, dns.a.value.ip FROM hosts WHERE domain.apex == 'a.com'",
    );
    expect(statement.fields).toEqual([
      { path: 'domain.hostname', position: 7 },
      { path: 'dns.a.value.ip', position: 24 },
    ]);
    expect(statement.table).toEqual({ name: 'hosts', position: 44 });
    expect(statement.where && showCondition(statement.where)).toBe('domain.apex eq "a.com"');
  });

  it('accepts *, keywords in any case, no WHERE and a closing semicolon', () => {
    expect(parseSql('select * From IPS;')).toEqual({
      fields: '*',
      table: { name: 'IPS', position: 14 },
      where: null,
    });
  });

  it.each([
    ["x eq 'a'", 'x eq "a"'],
    ["x neq 'a'", 'x neq "a"'],
    ['x neq Null', 'x is_not_null'],
    ['x eq NULL', 'x is_null'],
    ['x == null', 'x is_null'],
    [
      "x != 'a' and not (y in (1, 2) or z like 'q%')",
      '(x neq "a" AND NOT (y in 1,2 OR z like "q%"))',
    ],
    ['x >= 2.5 AND x < 7', '(x gte 2.5 AND x lt 7)'],
  ])('parses the condition %s', (condition, expected) => {
    const statement = parseSql(`SELECT a FROM hosts WHERE ${condition}`);
    expect(statement.where && showCondition(statement.where)).toBe(expected);
  });
});

describe('SQL errors', () => {
  it.each([
    ['SELECT domain.hostname hosts', "Unexpected token 'hosts' at position 23; expected FROM", 23],
    ['SELECT FROM hosts', "Unexpected token 'FROM' at position 7; expected a field or '*'", 7],
    ['SELECT domain.hostname FROM', 'Unexpected end of query at position 27; expected a table', 27],
    ['SELECT * FROM domains', "Unknown table 'domains' at position 14; expected hosts or ips", 14],
    [
      'SELECT domain.host FROM hosts',
      "Unknown field 'domain.host' at position 7 in table hosts",
      7,
    ],
    [
      'SELECT * FROM ips WHERE dns.a.value.ip = 1',
      "Unknown field 'dns.a.value.ip' at position 24 in table ips",
      24,
    ],
    ["SELECT * FROM hosts WHERE dns.a = 'x'", "Field 'dns.a' at position 26 holds objects", 26],
    [
      "SELECT * FROM hosts WHERE rank.alexa = 'top'",
      "Field 'rank.alexa' holds numbers; got 'top' at position 39",
      39,
    ],
    [
      "SELECT * FROM hosts WHERE domain.apex = 'a' ORDER BY x",
      "Unexpected token 'ORDER' at position 44; expected AND, OR or the end",
      44,
    ],
    [
      'SELECT * FROM hosts LIMIT 5',
      "Unexpected token 'LIMIT' at position 20; expected WHERE or the end",
      20,
    ],
    ['DELETE FROM hosts', "Unexpected token 'DELETE' at position 0; expected SELECT", 0],
  ])('rejects %j', (query, message, position) => {
    const error = failure(query);
    expect(error.message).toContain(message);
    expect(error.position).toBe(position);
  });
});

describe('SQL evaluation', () => {
  it('answers the documented example query with nested, projected records', () => {
    expect(
      rows(
        'SELECT domain.hostname, dns.a.value.ip,ip.geo.owner.country FROM hosts WHERE ' +
          "domain.apex = 'google.com' AND dns.a.value.ip neq Null AND " +
          "ip.geo.owner.country_iso_code = 'CN'",
      ),
    ).toEqual([
      {
        domain: { hostname: 'cn.google.com' },
        dns: { a: { value: [{ ip: '203.208.40.66' }] } },
        ip: [{ geo: { owner: { country: 'China' } } }],
      },
      {
        domain: { hostname: 'translate.google.com' },
        dns: { a: { value: [{ ip: '203.208.41.98' }, { ip: '142.250.74.46' }] } },
        ip: [
          { geo: { owner: { country: 'China' } } },
          { geo: { owner: { country: 'United States' } } },
        ],
      },
    ]);
  });

  it('merges fields of the same array elements and keeps nulls', () => {
    expect(
      rows(
        'SELECT dns.mx.value.host, domain.subdomain, dns.mx.value.priority FROM hosts ' +
          "WHERE domain.hostname = 'yahoo.com'",
      ),
    ).toEqual([
      {
        dns: {
          mx: {
            value: [
              { host: 'mta5.am0.yahoodns.net', priority: 10 },
              { host: 'mta6.am0.yahoodns.net', priority: 20 },
            ],
          },
        },
        domain: { subdomain: null },
      },
    ]);
  });

  it('selects whole objects and runs the documented apex-list example with double quotes', () => {
    expect(
      rows(
        'SELECT domain.hostname, rank FROM hosts WHERE domain.apex in ("google.com", "go.gl") ' +
          'and domain.subdomain == null',
      ),
    ).toEqual([{ domain: { hostname: 'google.com' }, rank: { alexa: 1, open_page_rank: 10 } }]);
  });

  it('returns whole ips records for SELECT *', () => {
    expect(rows("SELECT * FROM ips WHERE ip.address = '8.8.8.8'")).toEqual([
      {
        ip: {
          address: '8.8.8.8',
          ptr: 'dns.google',
          asn: { number: 15169, owner: 'Google LLC' },
          geo: {
            owner: { country: 'United States', country_iso_code: 'US', city: 'Mountain View' },
          },
          ports: [
            { port: 80, protocol: 'tcp', service: 'http' },
            { port: 443, protocol: 'tcp', service: 'https' },
          ],
        },
      },
    ]);
  });

  const hostCases: [string, (host: HostRecord) => boolean][] = [
    [
      "dns.ns.value.host like '%.cloudflare.com'",
      (host) => host.apex.ns.some((ns) => ns.endsWith('.cloudflare.com')),
    ],
    [
      'rank.open_page_rank >= 5 and rank.alexa < 300000',
      (host) => (host.apex.openPageRank ?? -1) >= 5 && (host.apex.alexaRank ?? Infinity) < 300000,
    ],
    [
      "ip.geo.owner.country_iso_code in ('DE', 'FR') and not whois.registrar = 'OVH sas'",
      (host) =>
        host.a.some((ip) => ['DE', 'FR'].includes(ip.countryCode)) &&
        host.apex.whois.registrar !== 'OVH sas',
    ],
    [
      "ip.address = '172.67.0.0/16' or dns.cname.value.host is not null",
      (h) => h.a.some((ip) => ip.address.startsWith('172.67.')) || h.cname !== null,
    ],
  ];

  it.each(hostCases)('hosts WHERE %s matches the same rows as a plain filter', (where, filter) => {
    const expected = dataset.hosts.filter(filter).map((host) => host.hostname);
    const actual = rows(`SELECT domain.hostname FROM hosts WHERE ${where}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected.map((hostname) => ({ domain: { hostname } })));
  });

  const ipCases: [string, (ip: IpRecord) => boolean][] = [
    [
      'ip.asn.number = 13335 and ip.ports.port in (443, 53)',
      (ip) => ip.asn === 13335 && ip.ports.some((port) => port.port === 443 || port.port === 53),
    ],
    [
      "ip.ptr is null or ip.ports.service = 'mysql'",
      (ip) => ip.ptr === null || ip.ports.some((port) => port.service === 'mysql'),
    ],
  ];

  it.each(ipCases)('ips WHERE %s matches the same rows as a plain filter', (where, filter) => {
    const expected = dataset.ips.filter(filter).map((ip) => ip.address);
    const actual = rows(`SELECT ip.address FROM ips WHERE ${where}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected.map((address) => ({ ip: { address } })));
  });
});
