/** Network owners an asset's IPs can belong to; `prefix` is the /16 the synthetic IPs come from. */
export interface Provider {
  asn: number;
  owner: string;
  registry: string;
  country: string;
  countryIso: string;
  continent: string;
  city: string;
  prefix: number;
  nameServers: readonly string[];
  cnameSuffix: string | null;
}

function prefix16(a: number, b: number): number {
  return ((a << 24) | (b << 16)) >>> 0;
}

export const PROVIDERS: readonly Provider[] = [
  {
    asn: 13335,
    owner: 'Cloudflare, Inc.',
    registry: 'arin',
    country: 'United States',
    countryIso: 'US',
    continent: 'North America',
    city: 'San Francisco',
    prefix: prefix16(104, 21),
    nameServers: ['amy.ns.cloudflare.com', 'tom.ns.cloudflare.com'],
    cnameSuffix: 'cdn.cloudflare.net',
  },
  {
    asn: 16509,
    owner: 'Amazon.com, Inc.',
    registry: 'arin',
    country: 'United States',
    countryIso: 'US',
    continent: 'North America',
    city: 'Ashburn',
    prefix: prefix16(52, 85),
    nameServers: ['ns-1021.awsdns-63.net', 'ns-274.awsdns-34.com'],
    cnameSuffix: 'cloudfront.net',
  },
  {
    asn: 15169,
    owner: 'Google LLC',
    registry: 'arin',
    country: 'United States',
    countryIso: 'US',
    continent: 'North America',
    city: 'Mountain View',
    prefix: prefix16(34, 117),
    nameServers: ['ns-cloud-a1.googledomains.com', 'ns-cloud-a2.googledomains.com'],
    cnameSuffix: 'ghs.googlehosted.com',
  },
  {
    asn: 8075,
    owner: 'Microsoft Corporation',
    registry: 'arin',
    country: 'United States',
    countryIso: 'US',
    continent: 'North America',
    city: 'Redmond',
    prefix: prefix16(20, 62),
    nameServers: ['ns1-03.azure-dns.com', 'ns2-03.azure-dns.net'],
    cnameSuffix: 'azurewebsites.net',
  },
  {
    asn: 20940,
    owner: 'Akamai International B.V.',
    registry: 'ripencc',
    country: 'Netherlands',
    countryIso: 'NL',
    continent: 'Europe',
    city: 'Amsterdam',
    prefix: prefix16(23, 47),
    nameServers: ['a1-64.akam.net', 'a9-66.akam.net'],
    cnameSuffix: 'edgekey.net',
  },
  {
    asn: 54113,
    owner: 'Fastly, Inc.',
    registry: 'arin',
    country: 'United States',
    countryIso: 'US',
    continent: 'North America',
    city: 'San Francisco',
    prefix: prefix16(151, 101),
    nameServers: ['ns1.fastly.net', 'ns2.fastly.net'],
    cnameSuffix: 'global.fastly.net',
  },
  {
    asn: 24940,
    owner: 'Hetzner Online GmbH',
    registry: 'ripencc',
    country: 'Germany',
    countryIso: 'DE',
    continent: 'Europe',
    city: 'Falkenstein',
    prefix: prefix16(88, 198),
    nameServers: ['helium.ns.hetzner.de', 'oxygen.ns.hetzner.com'],
    cnameSuffix: null,
  },
  {
    asn: 16276,
    owner: 'OVH SAS',
    registry: 'ripencc',
    country: 'France',
    countryIso: 'FR',
    continent: 'Europe',
    city: 'Roubaix',
    prefix: prefix16(51, 77),
    nameServers: ['dns200.anycast.me', 'ns200.anycast.me'],
    cnameSuffix: null,
  },
  {
    asn: 14061,
    owner: 'DigitalOcean, LLC',
    registry: 'arin',
    country: 'United States',
    countryIso: 'US',
    continent: 'North America',
    city: 'North Bergen',
    prefix: prefix16(159, 203),
    nameServers: ['ns1.digitalocean.com', 'ns2.digitalocean.com'],
    cnameSuffix: null,
  },
  {
    asn: 4134,
    owner: 'Chinanet',
    registry: 'apnic',
    country: 'China',
    countryIso: 'CN',
    continent: 'Asia',
    city: 'Shanghai',
    prefix: prefix16(114, 80),
    nameServers: ['ns1.dnsv5.com', 'ns2.dnsv5.com'],
    cnameSuffix: null,
  },
  {
    asn: 7922,
    owner: 'Comcast Cable Communications, LLC',
    registry: 'arin',
    country: 'United States',
    countryIso: 'US',
    continent: 'North America',
    city: 'Philadelphia',
    prefix: prefix16(73, 170),
    nameServers: ['ns1.comcast.net', 'ns2.comcast.net'],
    cnameSuffix: null,
  },
  {
    asn: 3320,
    owner: 'Deutsche Telekom AG',
    registry: 'ripencc',
    country: 'Germany',
    countryIso: 'DE',
    continent: 'Europe',
    city: 'Frankfurt am Main',
    prefix: prefix16(80, 146),
    nameServers: ['ns1.telekom.de', 'ns2.telekom.de'],
    cnameSuffix: null,
  },
];
