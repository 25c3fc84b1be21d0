import type { Field, FieldType } from './predicate.js';
import type { HostRecord } from './records.js';

type Reader = (host: HostRecord) => readonly unknown[];

const one = (value: unknown): readonly unknown[] => (value == null ? [] : [value]);

/**
 * The DSL attributes: the documented ones (ipv4, ipv6, asn, mx plus the filter keys of the
 * domain search) and what each reads from a host. Attribute names are matched
 * case-insensitively. `subdomain` is the part left of the apex ("www"), `keyword` searches
 * inside the hostname, and `asn` reads the networks of the host's A records.
 */
const ATTRIBUTES: Record<string, [FieldType, Reader]> = {
  ipv4: ['ipv4', (host) => host.a.map((ip) => ip.address)],
  ipv6: ['text', (host) => host.aaaa],
  asn: ['asn', (host) => host.a.map((ip) => ip.asn)],
  mx: ['text', (host) => host.apex.mx],
  ns: ['text', (host) => host.apex.ns],
  cname: ['text', (host) => one(host.cname)],
  subdomain: ['text', (host) => one(host.subdomain)],
  apex_domain: ['text', (host) => [host.apex.name]],
  soa_email: ['text', (host) => [host.apex.soaEmail]],
  tld: ['text', (host) => [host.apex.tld]],
  keyword: ['keyword', (host) => [host.hostname]],
  whois_email: ['text', (host) => one(host.apex.whois.email)],
  whois_organization: ['text', (host) => one(host.apex.whois.organization)],
  whois_name: ['text', (host) => one(host.apex.whois.name)],
  whois_city: ['text', (host) => one(host.apex.whois.city)],
  whois_street1: ['text', (host) => one(host.apex.whois.street1)],
  // The generator fills only the first street line, as most registrars do.
  whois_street2: ['text', () => []],
  whois_street3: ['text', () => []],
  whois_street4: ['text', () => []],
  whois_telephone: ['text', (host) => one(host.apex.whois.telephone)],
  whois_fax: ['text', (host) => one(host.apex.whois.fax)],
  whois_postalcode: ['text', (host) => one(host.apex.whois.postalCode)],
};

export const DSL_ATTRIBUTE_NAMES: readonly string[] = Object.keys(ATTRIBUTES).map((name) =>
  name === 'whois_postalcode' ? 'whois_postalCode' : name,
);

/** The attribute with this name (any letter case), or undefined. */
export function dslAttribute(name: string): Field<HostRecord> | undefined {
  const entry = ATTRIBUTES[name.toLowerCase()];
  if (entry === undefined) return undefined;
  const [type, read] = entry;
  return { name, type, read };
}
