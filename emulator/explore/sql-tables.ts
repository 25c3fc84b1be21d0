import type { FieldType } from './predicate.js';
import type { ExploreDataset, HostRecord, IpRecord } from './records.js';

/**
 * The SQL tables. Each row is exposed as a nested record; fields are dotted paths into it, and a
 * path through an array reaches every element (`dns.a.value.ip` is every A record's address).
 *
 * hosts, one row per hostname:
 *   domain   { hostname, apex, subdomain (null for the apex itself), tld }
 *   dns      { a: { value: [{ ip }] }, aaaa: { value: [{ ipv6 }] },
 *              mx: { value: [{ host, priority }] }, ns: { value: [{ host }] },
 *              cname: { value: [{ host }] }, soa: { value: [{ email, ttl }] } }
 *   ip       [{ address, ptr, asn: { number, owner },
 *               geo: { owner: { country, country_iso_code, city } } }]   one per A record
 *   whois    { registrar, email, organization, name, street1, city, postal_code, country,
 *              telephone, created_date, expires_date }                  dates as YYYY-MM-DD
 *   rank     { alexa, open_page_rank }
 *   provider { host: [names], mail: [names] }
 *   company  { name }
 *
 * ips, one row per IP address:
 *   ip       { address, ptr, asn: { number, owner },
 *              geo: { owner: { country, country_iso_code, city } },
 *              ports: [{ port, protocol, service }] }
 */
export interface SqlTable<R> {
  name: 'hosts' | 'ips';
  rows(dataset: ExploreDataset): readonly R[];
  /** Builds one top-level section of a row's record; records are built section by section. */
  sections: Record<string, (row: R) => unknown>;
  /** Every leaf path and its type; the object paths above them are derived. */
  leaves: Record<string, FieldType>;
}

const IP_LEAVES: Record<string, FieldType> = {
  'ip.address': 'ipv4',
  'ip.ptr': 'text',
  'ip.asn.number': 'number',
  'ip.asn.owner': 'text',
  'ip.geo.owner.country': 'text',
  'ip.geo.owner.country_iso_code': 'text',
  'ip.geo.owner.city': 'text',
};

function ipSection(ip: IpRecord): Record<string, unknown> {
  return {
    address: ip.address,
    ptr: ip.ptr,
    asn: { number: ip.asn, owner: ip.asnOwner },
    geo: { owner: { country: ip.country, country_iso_code: ip.countryCode, city: ip.city } },
  };
}

/** DNS record sets are `{ value: [...] }`, one element per record. */
const values = <T>(items: readonly T[], wrap: (item: T, index: number) => unknown) => ({
  value: items.map(wrap),
});

const isoDate = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

export const HOSTS_TABLE: SqlTable<HostRecord> = {
  name: 'hosts',
  rows: (dataset) => dataset.hosts,
  sections: {
    domain: (host) => ({
      hostname: host.hostname,
      apex: host.apex.name,
      subdomain: host.subdomain,
      tld: host.apex.tld,
    }),
    dns: (host) => ({
      a: values(host.a, (ip) => ({ ip: ip.address })),
      aaaa: values(host.aaaa, (ipv6) => ({ ipv6 })),
      mx: values(host.apex.mx, (mx, index) => ({ host: mx, priority: 10 * (index + 1) })),
      ns: values(host.apex.ns, (ns) => ({ host: ns })),
      cname: values(host.cname === null ? [] : [host.cname], (cname) => ({ host: cname })),
      soa: values([host.apex.soaEmail], (email) => ({ email, ttl: 3600 })),
    }),
    ip: (host) => host.a.map(ipSection),
    whois: ({ apex: { whois } }) => ({
      registrar: whois.registrar,
      email: whois.email,
      organization: whois.organization,
      name: whois.name,
      street1: whois.street1,
      city: whois.city,
      postal_code: whois.postalCode,
      country: whois.country,
      telephone: whois.telephone,
      created_date: isoDate(whois.createdDate),
      expires_date: isoDate(whois.expiresDate),
    }),
    rank: (host) => ({ alexa: host.apex.alexaRank, open_page_rank: host.apex.openPageRank }),
    provider: (host) => ({ host: host.apex.hostProvider, mail: host.apex.mailProvider }),
    company: (host) => ({ name: host.apex.companyName }),
  },
  leaves: {
    ...Object.fromEntries(
      ['hostname', 'apex', 'subdomain', 'tld'].map((key) => [`domain.${key}`, 'text']),
    ),
    'dns.a.value.ip': 'ipv4',
    'dns.aaaa.value.ipv6': 'text',
    'dns.mx.value.host': 'text',
    'dns.mx.value.priority': 'number',
    'dns.ns.value.host': 'text',
    'dns.cname.value.host': 'text',
    'dns.soa.value.email': 'text',
    'dns.soa.value.ttl': 'number',
    ...IP_LEAVES,
    ...Object.fromEntries(
      [
        'registrar',
        'email',
        'organization',
        'name',
        'street1',
        'city',
        'postal_code',
        'country',
        'telephone',
        'created_date',
        'expires_date',
      ].map((key) => [`whois.${key}`, 'text']),
    ),
    'rank.alexa': 'number',
    'rank.open_page_rank': 'number',
    'provider.host': 'text',
    'provider.mail': 'text',
    'company.name': 'text',
  },
};

export const IPS_TABLE: SqlTable<IpRecord> = {
  name: 'ips',
  rows: (dataset) => dataset.ips,
  sections: {
    ip: (ip) => ({ ...ipSection(ip), ports: ip.ports.map((port) => ({ ...port })) }),
  },
  leaves: {
    ...IP_LEAVES,
    'ip.ports.port': 'number',
    'ip.ports.protocol': 'text',
    'ip.ports.service': 'text',
  },
};
