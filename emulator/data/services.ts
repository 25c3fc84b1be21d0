/** Open ports the scanner can find; each asset carries a bit mask over this list. */
export interface PortKind {
  port: number;
  protocol: 'tcp' | 'udp';
  service: string;
  technologies: readonly {
    name: string;
    vendor: string;
    type: string;
    versions: readonly string[];
  }[];
  web: boolean;
  tls: boolean;
}

const NGINX = { name: 'nginx', vendor: 'F5', type: 'web server', versions: ['1.18.0', '1.24.0'] };
const APACHE = {
  name: 'Apache httpd',
  vendor: 'Apache',
  type: 'web server',
  versions: ['2.4.49', '2.4.58'],
};
const IIS = {
  name: 'Microsoft IIS httpd',
  vendor: 'Microsoft',
  type: 'web server',
  versions: ['10.0'],
};

export const PORTS: readonly PortKind[] = [
  {
    port: 80,
    protocol: 'tcp',
    service: 'http',
    technologies: [NGINX, APACHE, IIS],
    web: true,
    tls: false,
  },
  {
    port: 443,
    protocol: 'tcp',
    service: 'https',
    technologies: [NGINX, APACHE, IIS],
    web: true,
    tls: true,
  },
  {
    port: 22,
    protocol: 'tcp',
    service: 'ssh',
    technologies: [
      { name: 'OpenSSH', vendor: 'OpenBSD', type: 'ssh server', versions: ['8.9p1', '9.6p1'] },
    ],
    web: false,
    tls: false,
  },
  {
    port: 21,
    protocol: 'tcp',
    service: 'ftp',
    technologies: [{ name: 'vsftpd', vendor: 'vsftpd', type: 'ftp server', versions: ['3.0.3'] }],
    web: false,
    tls: false,
  },
  {
    port: 25,
    protocol: 'tcp',
    service: 'smtp',
    technologies: [
      { name: 'Postfix smtpd', vendor: 'Postfix', type: 'mail server', versions: ['3.6.4'] },
    ],
    web: false,
    tls: false,
  },
  {
    port: 3389,
    protocol: 'tcp',
    service: 'rdp',
    technologies: [
      {
        name: 'Microsoft Terminal Services',
        vendor: 'Microsoft',
        type: 'remote access',
        versions: ['10.0'],
      },
    ],
    web: false,
    tls: false,
  },
  {
    port: 8080,
    protocol: 'tcp',
    service: 'http-proxy',
    technologies: [
      { name: 'Apache Tomcat', vendor: 'Apache', type: 'application server', versions: ['9.0.30'] },
      { name: 'Jetty', vendor: 'Eclipse', type: 'application server', versions: ['9.4.43'] },
    ],
    web: true,
    tls: false,
  },
  {
    port: 8443,
    protocol: 'tcp',
    service: 'https-alt',
    technologies: [NGINX],
    web: true,
    tls: true,
  },
  {
    port: 3306,
    protocol: 'tcp',
    service: 'mysql',
    technologies: [
      { name: 'MySQL', vendor: 'Oracle', type: 'database', versions: ['5.7.44', '8.0.36'] },
    ],
    web: false,
    tls: false,
  },
  {
    port: 6379,
    protocol: 'tcp',
    service: 'redis',
    technologies: [
      { name: 'Redis', vendor: 'Redis', type: 'database', versions: ['6.2.6', '7.2.4'] },
    ],
    web: false,
    tls: false,
  },
  {
    port: 8009,
    protocol: 'tcp',
    service: 'ajp13',
    technologies: [
      { name: 'Apache Jserv', vendor: 'Apache', type: 'application server', versions: ['1.3'] },
    ],
    web: false,
    tls: false,
  },
  {
    port: 53,
    protocol: 'udp',
    service: 'domain',
    technologies: [{ name: 'ISC BIND', vendor: 'ISC', type: 'dns server', versions: ['9.16.1'] }],
    web: false,
    tls: false,
  },
  {
    port: 123,
    protocol: 'udp',
    service: 'ntp',
    technologies: [
      { name: 'NTP', vendor: 'NTP Project', type: 'time server', versions: ['4.2.8'] },
    ],
    web: false,
    tls: false,
  },
  {
    port: 161,
    protocol: 'udp',
    service: 'snmp',
    technologies: [{ name: 'net-snmp', vendor: 'Net-SNMP', type: 'monitoring', versions: ['5.9'] }],
    web: false,
    tls: false,
  },
  {
    port: 500,
    protocol: 'udp',
    service: 'isakmp',
    technologies: [{ name: 'strongSwan', vendor: 'strongSwan', type: 'vpn', versions: ['5.9.5'] }],
    web: false,
    tls: false,
  },
];

export interface WebTechnology {
  name: string;
  vendor: string;
  type: string;
  versions: readonly string[];
}

/** Web technologies; an asset carries a 32-bit mask over this list, so it holds at most 32 entries. */
export const WEB_TECHNOLOGIES: readonly WebTechnology[] = [
  { name: 'WordPress', vendor: 'WordPress', type: 'cms', versions: ['4.7.0', '6.4.3', '6.5.2'] },
  {
    name: 'jQuery',
    vendor: 'OpenJS Foundation',
    type: 'javascript library',
    versions: ['1.12.4', '3.7.1'],
  },
  {
    name: 'jQuery UI',
    vendor: 'OpenJS Foundation',
    type: 'javascript library',
    versions: ['1.10.3', '1.12.1'],
  },
  { name: 'Bootstrap', vendor: 'Bootstrap', type: 'ui framework', versions: ['3.3.7', '5.3.2'] },
  { name: 'React', vendor: 'Meta', type: 'javascript framework', versions: ['17.0.2', '18.2.0'] },
  {
    name: 'PHP',
    vendor: 'PHP Group',
    type: 'programming language',
    versions: ['7.4.33', '8.2.15'],
  },
  { name: 'OpenSSL', vendor: 'OpenSSL', type: 'tls library', versions: ['1.0.2k', '3.0.13'] },
  { name: 'Google Analytics', vendor: 'Google', type: 'analytics', versions: ['GA4'] },
  { name: 'Drupal', vendor: 'Drupal', type: 'cms', versions: ['9.5.11', '10.2.4'] },
  { name: 'Varnish', vendor: 'Varnish Software', type: 'cache', versions: ['6.0'] },
  {
    name: 'Node.js',
    vendor: 'OpenJS Foundation',
    type: 'runtime',
    versions: ['18.19.0', '20.11.1'],
  },
  { name: 'Express', vendor: 'OpenJS Foundation', type: 'web framework', versions: ['4.18.2'] },
  { name: 'Laravel', vendor: 'Laravel', type: 'web framework', versions: ['8.83.27', '10.48.4'] },
  {
    name: 'Django',
    vendor: 'Django Software Foundation',
    type: 'web framework',
    versions: ['3.2.25'],
  },
  {
    name: 'Microsoft ASP.NET',
    vendor: 'Microsoft',
    type: 'web framework',
    versions: ['4.0.30319'],
  },
  { name: 'Font Awesome', vendor: 'Fonticons', type: 'font script', versions: ['4.7.0', '6.5.1'] },
  { name: 'Moodle', vendor: 'Moodle', type: 'lms', versions: ['3.9.2', '4.3.3'] },
  { name: 'Atlassian Jira', vendor: 'Atlassian', type: 'issue tracker', versions: ['8.20.10'] },
  { name: 'GitLab', vendor: 'GitLab', type: 'devops platform', versions: ['16.8.1'] },
  { name: 'HSTS', vendor: 'IETF', type: 'security header', versions: [] },
];

export interface Waf {
  name: string;
  vendor: string;
}

export const WAFS: readonly Waf[] = [
  { name: 'Cloudflare', vendor: 'Cloudflare, Inc.' },
  { name: 'Akamai Kona Site Defender', vendor: 'Akamai' },
  { name: 'AWS WAF', vendor: 'Amazon' },
  { name: 'Imperva Incapsula', vendor: 'Imperva' },
  { name: 'F5 BIG-IP ASM', vendor: 'F5' },
  { name: 'Fastly Next-Gen WAF', vendor: 'Fastly' },
];

export interface CertificateAuthority {
  commonName: string;
  organization: string;
  country: string;
  lifetimeDays: number;
  root: string;
}

export const CERTIFICATE_AUTHORITIES: readonly CertificateAuthority[] = [
  {
    commonName: 'R11',
    organization: "Let's Encrypt",
    country: 'US',
    lifetimeDays: 90,
    root: 'ISRG Root X1',
  },
  {
    commonName: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1',
    organization: 'DigiCert Inc',
    country: 'US',
    lifetimeDays: 397,
    root: 'DigiCert Global Root G2',
  },
  {
    commonName: 'Sectigo RSA Domain Validation Secure Server CA',
    organization: 'Sectigo Limited',
    country: 'GB',
    lifetimeDays: 365,
    root: 'USERTrust RSA Certification Authority',
  },
  {
    commonName: 'WE1',
    organization: 'Google Trust Services',
    country: 'US',
    lifetimeDays: 90,
    root: 'GTS Root R4',
  },
  {
    commonName: 'Amazon RSA 2048 M02',
    organization: 'Amazon',
    country: 'US',
    lifetimeDays: 395,
    root: 'Amazon Root CA 1',
  },
  {
    commonName: 'GlobalSign GCC R3 DV TLS CA 2020',
    organization: 'GlobalSign nv-sa',
    country: 'BE',
    lifetimeDays: 365,
    root: 'GlobalSign Root CA - R3',
  },
];
