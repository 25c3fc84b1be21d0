import { portRecords } from './ip-pool.js';
import type { ApexRecord, HostRecord, IpRecord, WhoisRecord } from './records.js';

/**
 * Hand-written records that make the documented example queries return rows:
 * - DSL `ns = 'ns1.yahoo.com' AND ipv4 = '1.1.1.1'` matches dns.yahoo.com and resolver.yahoo.com
 *   (one.one.one.one also resolves to 1.1.1.1 but uses other name servers);
 * - SQL `... WHERE domain.apex = 'google.com' AND dns.a.value.ip neq Null AND
 *   ip.geo.owner.country_iso_code = 'CN'` matches cn.google.com and translate.google.com
 *   (docs.google.com has no A record, the other google.com hosts resolve to US addresses).
 */
export interface FixedRecords {
  hosts: HostRecord[];
  ips: IpRecord[];
}

export function fixedRecords(): FixedRecords {
  const cloudflare = (address: string): IpRecord =>
    ip(address, 13335, 'Cloudflare, Inc.', 'US', 'San Jose', 'one.one.one.one', [53, 443]);
  const google = (address: string, ptr: string | null): IpRecord =>
    ip(address, 15169, 'Google LLC', 'US', 'Mountain View', ptr, [80, 443]);
  const guXiang = (address: string): IpRecord =>
    ip(
      address,
      24424,
      'Beijing Gu Xiang Information Technology Co. Ltd.',
      'CN',
      'Beijing',
      null,
      [80, 443],
    );
  const yahoo = (address: string): IpRecord =>
    ip(address, 36647, 'Yahoo', 'US', 'Sunnyvale', null, [80, 443]);

  const [one, oneAlt] = [cloudflare('1.1.1.1'), cloudflare('1.0.0.1')];
  const googleWeb = google('142.250.74.46', 'arn09s22-in-f14.1e100.net');
  const googleMail = google('142.250.74.37', null);
  const googleDns = google('8.8.8.8', 'dns.google');
  const [chinaA, chinaB] = [guXiang('203.208.40.66'), guXiang('203.208.41.98')];
  const [yahooA, yahooB] = [yahoo('98.137.11.163'), yahoo('98.137.11.164')];

  const googleApex = apex('google.com', {
    ns: ['ns1.google.com', 'ns2.google.com', 'ns3.google.com', 'ns4.google.com'],
    mx: ['smtp.google.com'],
    soaEmail: 'dns-admin@google.com',
    owner: 'Google LLC',
    whois: whois('MarkMonitor Inc.', 'Google LLC', 'Mountain View', [1997, 8, 15], [2028, 8, 14]),
    ranks: [1, 10],
  });
  const yahooApex = apex('yahoo.com', {
    ns: ['ns1.yahoo.com', 'ns2.yahoo.com', 'ns3.yahoo.com'],
    mx: ['mta5.am0.yahoodns.net', 'mta6.am0.yahoodns.net'],
    soaEmail: 'hostmaster@yahoo-inc.com',
    owner: 'Yahoo',
    whois: whois('MarkMonitor Inc.', 'Yahoo Assets LLC', 'Sunnyvale', [1995, 0, 18], [2029, 0, 19]),
    ranks: [11, 9.12],
  });
  const oneApex = apex('one.one', {
    ns: ['ns3.cloudflare.com', 'ns4.cloudflare.com'],
    mx: [],
    soaEmail: 'dns@cloudflare.com',
    owner: 'Cloudflare, Inc.',
    whois: whois(
      'Cloudflare, Inc.',
      'Cloudflare, Inc.',
      'San Francisco',
      [2015, 4, 6],
      [2030, 4, 6],
    ),
    ranks: [4870, 6.54],
  });

  const hosts: HostRecord[] = [
    host(googleApex, null, [googleWeb], ['2607:f8b0:4004:c1b::65']),
    host(googleApex, 'www', [googleWeb]),
    host(googleApex, 'mail', [googleMail]),
    host(googleApex, 'cn', [chinaA]),
    host(googleApex, 'translate', [chinaB, googleWeb]),
    { ...host(googleApex, 'docs', []), cname: 'ghs.google.com' },
    host(yahooApex, null, [yahooA, yahooB]),
    host(yahooApex, 'www', [yahooB]),
    host(yahooApex, 'dns', [one, oneAlt]),
    host(yahooApex, 'resolver', [one]),
    host(oneApex, 'one.one', [one, oneAlt], ['2606:4700:4700::1111']),
  ];
  return {
    hosts,
    ips: [one, oneAlt, googleWeb, googleMail, googleDns, chinaA, chinaB, yahooA, yahooB],
  };
}

function ip(
  address: string,
  asn: number,
  asnOwner: string,
  countryCode: 'US' | 'CN',
  city: string,
  ptr: string | null,
  ports: number[],
): IpRecord {
  const country = countryCode === 'US' ? 'United States' : 'China';
  return { address, asn, asnOwner, country, countryCode, city, ptr, ports: portRecords(ports) };
}

interface ApexSpec {
  ns: string[];
  mx: string[];
  soaEmail: string;
  owner: string;
  whois: WhoisRecord;
  /** [alexa rank, open page rank] */
  ranks: [number, number];
}

function apex(name: string, spec: ApexSpec): ApexRecord {
  return {
    name,
    tld: name.slice(name.lastIndexOf('.') + 1),
    ns: spec.ns,
    mx: spec.mx,
    soaEmail: spec.soaEmail,
    whois: spec.whois,
    hostProvider: [spec.owner],
    mailProvider: spec.mx.length > 0 ? [spec.owner] : [],
    companyName: spec.whois.organization,
    alexaRank: spec.ranks[0],
    openPageRank: spec.ranks[1],
  };
}

/** Dates are [year, zero-based month, day] in UTC. */
function whois(
  registrar: string,
  organization: string,
  city: string,
  created: [number, number, number],
  expires: [number, number, number],
): WhoisRecord {
  return {
    registrar,
    email: null,
    organization,
    name: null,
    street1: null,
    city,
    postalCode: null,
    country: 'United States',
    telephone: null,
    fax: null,
    createdDate: Date.UTC(...created),
    expiresDate: Date.UTC(...expires),
  };
}

function host(
  apexRecord: ApexRecord,
  subdomain: string | null,
  a: IpRecord[],
  aaaa: string[] = [],
): HostRecord {
  const hostname = subdomain === null ? apexRecord.name : `${subdomain}.${apexRecord.name}`;
  return { hostname, subdomain, apex: apexRecord, a, aaaa, cname: null };
}
