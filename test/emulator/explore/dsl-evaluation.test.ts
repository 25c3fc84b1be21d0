import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../emulator/explore/dataset.js';
import { compileDsl } from '../../../emulator/explore/dsl.js';
import { fixedRecords } from '../../../emulator/explore/fixed-records.js';
import type { HostRecord } from '../../../emulator/explore/records.js';

const examples = fixedRecords().hosts;

function hostnames(query: string, hosts: readonly HostRecord[] = examples): string[] {
  const matches = compileDsl(query);
  return hosts.filter((host) => matches(host)).map((host) => host.hostname);
}

describe('DSL evaluation over the fixed example hosts', () => {
  it('answers the documented example query', () => {
    expect(hostnames("ns = 'ns1.yahoo.com' AND ipv4 = '1.1.1.1'")).toEqual([
      'dns.yahoo.com',
      'resolver.yahoo.com',
    ]);
  });

  it('matches a multi-valued attribute when any value matches', () => {
    expect(hostnames("ipv4 = '1.0.0.1'")).toEqual(['dns.yahoo.com', 'one.one.one.one']);
  });

  it('treats != as "no value equals", so hosts without A records match it', () => {
    expect(hostnames("apex_domain = 'google.com' AND ipv4 != '142.250.74.46'")).toEqual([
      'mail.google.com',
      'cn.google.com',
      'docs.google.com',
    ]);
  });

  it('matches every address inside a CIDR block', () => {
    expect(hostnames("ipv4 = '203.208.0.0/16'")).toEqual(['cn.google.com', 'translate.google.com']);
    expect(hostnames("ipv4 in ('1.1.1.0/24', '98.137.11.164/32')")).toEqual([
      'yahoo.com',
      'www.yahoo.com',
      'dns.yahoo.com',
      'resolver.yahoo.com',
      'one.one.one.one',
    ]);
  });

  it('reads an ASN with or without the AS prefix', () => {
    const expected = ['cn.google.com', 'translate.google.com'];
    expect(hostnames("asn = 'AS24424'")).toEqual(expected);
    expect(hostnames('asn = 24424')).toEqual(expected);
  });

  it('applies like wildcards: % for any run, _ for one character', () => {
    expect(hostnames("mx like '%.yahoodns.net'")).toHaveLength(4);
    expect(hostnames("subdomain like 'd__s'")).toEqual(['docs.google.com']);
    expect(hostnames("subdomain not like '%o%'")).toEqual([
      'google.com',
      'www.google.com',
      'mail.google.com',
      'cn.google.com',
      'translate.google.com',
      'yahoo.com',
      'www.yahoo.com',
      'dns.yahoo.com',
    ]);
  });

  it('tests presence with is null, is not null and = null', () => {
    expect(hostnames('subdomain is null')).toEqual(['google.com', 'yahoo.com']);
    expect(hostnames('cname is not null')).toEqual(['docs.google.com']);
    expect(hostnames('cname != null')).toEqual(['docs.google.com']);
    expect(hostnames("apex_domain = 'google.com' AND ipv4 = null")).toEqual(['docs.google.com']);
  });

  it('searches inside hostnames with keyword', () => {
    expect(hostnames("keyword = 'solver'")).toEqual(['resolver.yahoo.com']);
  });

  it('compares text case-insensitively', () => {
    expect(hostnames("apex_domain = 'ONE.ONE' OR whois_organization = 'yahoo assets llc'")).toEqual(
      ['yahoo.com', 'www.yahoo.com', 'dns.yahoo.com', 'resolver.yahoo.com', 'one.one.one.one'],
    );
  });

  it('evaluates NOT before AND and AND before OR', () => {
    expect(hostnames("tld = 'one' OR NOT tld = 'com' AND ipv4 = '1.1.1.1'")).toEqual([
      'one.one.one.one',
    ]);
    expect(hostnames("(tld = 'one' OR NOT tld = 'com') AND ipv4 = '98.137.11.163'")).toEqual([]);
  });
});

describe('DSL evaluation over the generated data set', () => {
  const { hosts } = buildDataset({ seed: 11, hosts: 6000 });
  const cloudflare = (host: HostRecord): boolean => host.a.some((ip) => ip.asn === 13335);

  it.each<[string, (host: HostRecord) => boolean]>([
    ["tld = 'io'", (host) => host.apex.tld === 'io'],
    ["asn = 'AS13335' AND NOT tld = 'com'", (host) => cloudflare(host) && host.apex.tld !== 'com'],
    [
      "mx like '%google.com' OR ns in ('ada.ns.cloudflare.com', 'ns01.domaincontrol.com')",
      (host) =>
        host.apex.mx.some((mx) => mx.endsWith('google.com')) ||
        host.apex.ns.includes('ada.ns.cloudflare.com') ||
        host.apex.ns.includes('ns01.domaincontrol.com'),
    ],
    ["ipv4 = '104.16.0.0/16'", (host) => host.a.some((ip) => ip.address.startsWith('104.16.'))],
    ['ipv4 is null AND cname is not null', (host) => host.a.length === 0 && host.cname !== null],
    [
      "whois_email like 'hostmaster@%' AND (subdomain = 'www' OR subdomain = 'api')",
      (host) =>
        (host.apex.whois.email ?? '').startsWith('hostmaster@') &&
        (host.subdomain === 'www' || host.subdomain === 'api'),
    ],
    [
      "keyword = 'cloud' AND ipv6 is not null",
      (h) => h.hostname.includes('cloud') && h.aaaa.length > 0,
    ],
  ])('%s selects the same hosts as a plain filter', (query, filter) => {
    const expected = hosts.filter(filter).map((host) => host.hostname);
    expect(expected.length).toBeGreaterThan(0);
    expect(hostnames(query, hosts)).toEqual(expected);
  });
});
