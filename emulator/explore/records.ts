/**
 * The in-memory shape of the exploration data set. Records share objects instead of copying
 * them (every host of an apex points at one ApexRecord, every A record at one IpRecord), which
 * keeps 50,000 hosts to a few megabytes. The public DSL and SQL shapes are built from these on
 * demand (see dsl-attributes.ts and sql-schema.ts).
 */

export interface PortRecord {
  port: number;
  protocol: 'tcp' | 'udp';
  service: string;
}

export interface IpRecord {
  address: string;
  asn: number;
  asnOwner: string;
  country: string;
  countryCode: string;
  city: string;
  ptr: string | null;
  ports: readonly PortRecord[];
}

export interface WhoisRecord {
  registrar: string;
  email: string | null;
  organization: string | null;
  name: string | null;
  street1: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  telephone: string | null;
  fax: string | null;
  /** Epoch milliseconds, as the DSL endpoint reports them. */
  createdDate: number;
  expiresDate: number;
}

export interface ApexRecord {
  name: string;
  tld: string;
  ns: readonly string[];
  mx: readonly string[];
  soaEmail: string;
  whois: WhoisRecord;
  hostProvider: readonly string[];
  mailProvider: readonly string[];
  companyName: string | null;
  alexaRank: number | null;
  openPageRank: number | null;
}

export interface HostRecord {
  hostname: string;
  /** The labels left of the apex ("www", "eu.api"); null for the apex itself. */
  subdomain: string | null;
  apex: ApexRecord;
  a: readonly IpRecord[];
  aaaa: readonly string[];
  cname: string | null;
}

export interface ExploreDataset {
  /** Every hostname, fixed examples first, in generation order. */
  hosts: readonly HostRecord[];
  /** Every IP address the hosts resolve to, plus a few not used by any host. */
  ips: readonly IpRecord[];
}
