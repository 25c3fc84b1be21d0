/** Word lists the generator draws from. Provider names and ASNs are public facts. */

export interface Country {
  name: string;
  code: string;
  cities: readonly string[];
}

export const COUNTRIES: Record<string, Country> = {
  US: { name: 'United States', code: 'US', cities: ['Ashburn', 'San Jose', 'Seattle', 'Dallas'] },
  DE: { name: 'Germany', code: 'DE', cities: ['Falkenstein', 'Nuremberg', 'Frankfurt'] },
  FR: { name: 'France', code: 'FR', cities: ['Roubaix', 'Gravelines', 'Paris'] },
  NL: { name: 'Netherlands', code: 'NL', cities: ['Amsterdam'] },
  SG: { name: 'Singapore', code: 'SG', cities: ['Singapore'] },
  CN: { name: 'China', code: 'CN', cities: ['Beijing', 'Shanghai', 'Hangzhou', 'Shenzhen'] },
  JP: { name: 'Japan', code: 'JP', cities: ['Tokyo', 'Osaka', 'Ishikari'] },
  RU: { name: 'Russia', code: 'RU', cities: ['Moscow', 'Saint Petersburg'] },
  GB: { name: 'United Kingdom', code: 'GB', cities: ['London', 'Manchester'] },
  IN: { name: 'India', code: 'IN', cities: ['Mumbai', 'Bangalore'] },
  BR: { name: 'Brazil', code: 'BR', cities: ['Sao Paulo'] },
  AU: { name: 'Australia', code: 'AU', cities: ['Sydney', 'Melbourne'] },
};

export interface HostingProvider {
  owner: string;
  asn: number;
  countries: readonly string[];
  /** First two octets of the IPv4 ranges addresses are drawn from. */
  prefixes: readonly string[];
  ipv6Prefix: string;
  /** Domain used for reverse DNS names; null when the provider publishes none. */
  ptrDomain: string | null;
}

/** owner | ASN | countries | IPv4 /16 prefixes | IPv6 prefix | reverse DNS domain ("-": none) */
const HOSTING_ROWS = `
Cloudflare, Inc.|13335|US|104.16 104.21 172.67|2606:4700|-
Amazon.com, Inc.|16509|US DE JP SG IN|52.95 54.239 3.33|2600:9000|compute.amazonaws.com
Google LLC|15169|US NL BR|142.251 34.102|2607:f8b0|bc.googleusercontent.com
Microsoft Corporation|8075|US GB NL|20.42 40.112|2603:1030|-
Hetzner Online GmbH|24940|DE|88.198 136.243 95.216|2a01:4f8|your-server.de
OVH SAS|16276|FR DE GB|51.38 54.36 145.239|2001:41d0|ovh.net
DigitalOcean, LLC|14061|US NL SG IN|104.248 167.99 159.65|2604:a880|-
Contabo GmbH|51167|DE|161.97 207.180|2a02:c207|contaboserver.net
Alibaba (US) Technology Co., Ltd.|45102|CN SG US|47.88 47.246|2401:b180|-
Tencent Cloud Computing (Beijing) Co., Ltd.|45090|CN|119.28 129.211|2402:4e00|-
Akamai Technologies, Inc.|20940|US GB AU JP|23.32 2.16|2600:1400|akamaitechnologies.com
Fastly, Inc.|54113|US|151.101|2a04:4e42|-
SAKURA Internet Inc.|9370|JP|153.127 160.16|2001:e42|sakura.ne.jp
Linode, LLC|63949|US GB AU|45.33 139.162|2600:3c00|ip.linodeusercontent.com
YANDEX LLC|13238|RU|77.88 87.250|2a02:6b8|yandex.net`;

export const HOSTING_PROVIDERS: readonly HostingProvider[] = HOSTING_ROWS.trim()
  .split('\n')
  .map((row) => {
    const [owner = '', asn = '', countries = '', prefixes = '', ipv6Prefix = '', ptr = '-'] =
      row.split('|');
    return {
      owner,
      asn: Number(asn),
      countries: countries.split(' '),
      prefixes: prefixes.split(' '),
      ipv6Prefix,
      ptrDomain: ptr === '-' ? null : ptr,
    };
  });

export interface MailProvider {
  owner: string;
  /** MX hosts; "{apex}" is replaced by the domain's apex. */
  mx: readonly string[];
}

export const MAIL_PROVIDERS: readonly MailProvider[] = [
  { owner: 'Google LLC', mx: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com'] },
  { owner: 'Microsoft Corporation', mx: ['{apex-dashed}.mail.protection.outlook.com'] },
  { owner: 'Zoho Corporation', mx: ['mx.zoho.com', 'mx2.zoho.com'] },
  { owner: 'Proofpoint, Inc.', mx: ['mx1-us1.ppe-hosted.com', 'mx2-us1.ppe-hosted.com'] },
  { owner: 'Mimecast Services Limited', mx: ['eu-smtp-inbound-1.mimecast.com'] },
  { owner: 'Forcepoint Cloud Ltd', mx: ['cluster1.eu.messagelabs.com'] },
];

export interface NameServerSet {
  ns: readonly string[];
  soaEmail: string;
}

/** Name server sets; "{apex}" is replaced by the domain's apex (self-hosted DNS). */
export const NAME_SERVER_SETS: readonly NameServerSet[] = [
  { ns: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'], soaEmail: 'dns@cloudflare.com' },
  { ns: ['kim.ns.cloudflare.com', 'lee.ns.cloudflare.com'], soaEmail: 'dns@cloudflare.com' },
  {
    ns: ['ns-1123.awsdns-12.org', 'ns-385.awsdns-48.com'],
    soaEmail: 'awsdns-hostmaster@amazon.com',
  },
  { ns: ['ns01.domaincontrol.com', 'ns02.domaincontrol.com'], soaEmail: 'dns@jomax.net' },
  {
    ns: ['dns1.registrar-servers.com', 'dns2.registrar-servers.com'],
    soaEmail: 'hostmaster@registrar-servers.com',
  },
  {
    ns: ['ns-cloud-a1.googledomains.com', 'ns-cloud-a2.googledomains.com'],
    soaEmail: 'cloud-dns-hostmaster@google.com',
  },
  { ns: ['ns1.{apex}', 'ns2.{apex}'], soaEmail: 'hostmaster@{apex}' },
];

export const REGISTRARS: readonly string[] = [
  'MarkMonitor Inc.',
  'GoDaddy.com, LLC',
  'NameCheap, Inc.',
  'Tucows Domains Inc.',
  'Gandi SAS',
  'Key-Systems GmbH',
  'Network Solutions, LLC',
  'OVH sas',
  'eNom, LLC',
  'RegistryGate GmbH',
  'Alibaba Cloud Computing (Beijing) Co., Ltd.',
];

export const TLDS: readonly string[] = words(
  'com com com com net net org io de fr nl jp cn ru co dev app',
);

export const NAME_WORDS: readonly string[] = words(
  'acme alpha blue bright cedar cloud data delta echo ember falcon fast globe green ' +
    'harbor helix insight iron jade jet kernel kite lotus lumen mesa metro nimbus ' +
    'nova oak orbit pixel prime quartz quest rapid river solar summit terra trail ' +
    'ultra unity vector vista wave willow yield zen zephyr north',
);

export const SUBDOMAIN_LABELS: readonly string[] = words(
  'www www www mail api dev staging cdn shop blog vpn portal admin m app static ' +
    'test remote owa git docs status eu.api us.cdn auth',
);

export const ORGANIZATION_SUFFIXES: readonly string[] = words('Inc. LLC GmbH Ltd. SAS B.V.');

export const PRIVACY_ORGANIZATIONS: readonly string[] = [
  'Domains By Proxy, LLC',
  'Privacy service provided by Withheld for Privacy ehf',
  'REDACTED FOR PRIVACY',
];

export const FIRST_NAMES: readonly string[] = words('Alex Maria Jun Priya Lukas Chloe Omar Sofia');

export const LAST_NAMES: readonly string[] = words('Meyer Tanaka Garcia Novak Dubois Singh Smith');

export const STREETS: readonly string[] = [
  'Main Street',
  'Market Street',
  'Hauptstrasse',
  'Rue de la Paix',
  'Harbour Road',
];

export const SERVICES: readonly { port: number; service: string }[] = [
  { port: 22, service: 'ssh' },
  { port: 25, service: 'smtp' },
  { port: 53, service: 'domain' },
  { port: 80, service: 'http' },
  { port: 443, service: 'https' },
  { port: 3306, service: 'mysql' },
  { port: 8080, service: 'http-proxy' },
  { port: 8443, service: 'https-alt' },
];

function words(list: string): string[] {
  return list.split(' ');
}
