export const REGISTRARS: readonly string[] = [
  'MarkMonitor, Inc.',
  'CSC Corporate Domains, Inc.',
  'GoDaddy.com, LLC',
  'Namecheap, Inc.',
  'Gandi SAS',
  'Amazon Registrar, Inc.',
  'Cloudflare, Inc.',
  'Tucows Domains Inc.',
];

/** Host labels of the kind attack-surface scans turn up. */
export const HOST_LABELS: readonly string[] = [
  'www',
  'mail',
  'vpn',
  'api',
  'dev',
  'staging',
  'portal',
  'shop',
  'blog',
  'cdn',
  'auth',
  'sso',
  'remote',
  'git',
  'jira',
  'status',
  'app',
  'm',
  'ftp',
  'smtp',
  'mx1',
  'ns1',
  'owa',
  'autodiscover',
  'support',
  'docs',
  'beta',
  'test',
  'uat',
  'admin',
  'intranet',
  'payments',
  'files',
  'assets',
  'static',
  'media',
  'partners',
  'careers',
  'news',
  'login',
  'grafana',
  'jenkins',
  'wiki',
  'crm',
  'hr',
  'backup',
  'monitor',
  'citrix',
  'webmail',
  'sftp',
];

export const HOST_ZONES: readonly string[] = ['eu', 'us', 'ap', 'internal', 'qa', 'prod', 'old'];

export interface Company {
  title: string;
  slug: string;
  organization: string;
}

export const COMPANIES: readonly Company[] = [
  { title: 'Northwind External', slug: 'northwind', organization: 'Northwind Traders Ltd.' },
  { title: 'Contoso Bank 2025', slug: 'contosobank', organization: 'Contoso Bank plc' },
  { title: 'Fabrikam Retail (Small)', slug: 'fabrikam', organization: 'Fabrikam, Inc.' },
  { title: 'Tailspin Airlines', slug: 'tailspin', organization: 'Tailspin Toys Corp.' },
  { title: 'Woodgrove Insurance', slug: 'woodgrove', organization: 'Woodgrove Group' },
  { title: 'Litware Health', slug: 'litware', organization: 'Litware Health Systems' },
];

export const APEX_SUFFIXES: readonly string[] = [
  '.com',
  '-group.com',
  '.net',
  '.io',
  '-cdn.net',
  '.co.uk',
];

export const TAG_TITLES: readonly string[] = [
  'internet-facing',
  'critical',
  'dmz',
  'pci',
  'vendor-managed',
  'decommission',
  'owner:web-team',
  'owner:infra',
];
