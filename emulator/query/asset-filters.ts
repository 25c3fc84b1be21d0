import { DNS_TYPES } from '../data/asset-table.js';
import type { AssetTable } from '../data/asset-table.js';
import { WEB_TECHNOLOGIES } from '../data/services.js';
import { whoisEmails } from '../data/enrich-domain.js';
import { parseIpv4Network } from '../data/ip.js';
import { SEVERITIES, SEVERITY_RANK } from '../data/signature-types.js';
import type { Severity } from '../data/signature-types.js';
import type { ProjectData } from '../data/world.js';
import { bound, choice, day, flag, integers, splitValues, text } from './filter-kinds.js';
import type { FilterSpec } from './filter-kinds.js';

const resolves = (t: AssetTable, i: number): boolean => (t.ipCount[i] ?? 0) > 0;
const owner = (p: ProjectData, i: number) => (resolves(p.table, i) ? [p.table.providerOf(i)] : []);
const ports = (p: ProjectData, i: number) => p.table.openPorts(i);
const portTechs = (p: ProjectData, i: number) =>
  ports(p, i).map((k) => p.table.portTechnology(i, k).name);
const webTechs = (p: ProjectData, i: number) =>
  p.table.webTechnologyIndexes(i).map((t) => WEB_TECHNOLOGIES[t]?.name ?? '');
const hasCert = (p: ProjectData, i: number) => p.table.certificateAuthority(i) !== null;

function covers(san: string, domain: string): boolean {
  if (san === domain) return true;
  if (!san.startsWith('*.')) return false;
  const rest = domain.slice(domain.indexOf('.') + 1);
  return domain.includes('.') && rest === san.slice(2);
}

function worstSeverity(p: ProjectData, i: number): Severity[] {
  const ranks = p.table.signatures(i).map((s) => SEVERITY_RANK[s.severity]);
  return ranks.length === 0 ? [] : [SEVERITIES[Math.max(...ranks)] ?? 'unknown'];
}

const referencedIp: FilterSpec = {
  name: 'referenced_ip',
  category: 'asset_properties',
  read(reader, project) {
    const raw = reader.raw('referenced_ip');
    if (raw === undefined) return undefined;
    const networks = splitValues(raw).map((v) => ({ text: v, net: parseIpv4Network(v) }));
    const bad = networks.find((n) => n.net === undefined);
    if (bad !== undefined) {
      reader.fail(
        'referenced_ip',
        'ip_any_network',
        'value is not a valid IPv4 or IPv6 network',
        bad.text,
      );
      return undefined;
    }
    return (i) =>
      project.table
        .resolvedIpNumbers(i)
        .some((ip) =>
          networks.some(({ net }) => net !== undefined && (ip & net.mask) >>> 0 === net.network),
        );
  },
};

/** An exposure severity filter matches that level or higher; a list matches its lowest level. */
const exposureSeverity: FilterSpec = {
  name: 'exposure_severity',
  category: 'exposure_properties',
  read(reader, project) {
    const raw = reader.raw('exposure_severity');
    if (raw === undefined) return undefined;
    const levels: Severity[] = [];
    for (const part of splitValues(raw)) {
      const level = reader.oneOf('exposure_severity', SEVERITIES, part.toLowerCase());
      if (level === undefined) return undefined;
      levels.push(level);
    }
    const floor = Math.min(...levels.map((l) => SEVERITY_RANK[l]));
    return (i) => worstSeverity(project, i).some((s) => SEVERITY_RANK[s] >= floor);
  },
};

/** Every "Other Filters" parameter of Find Assets except the tag filters (see tag-filters.ts). */
export const ASSET_FILTERS: readonly FilterSpec[] = [
  choice('asset_type', 'asset_properties', ['domain', 'ip', 'host'], (p, i) =>
    p.table.isIp[i] === 1 ? ['ip'] : ['domain', 'host'],
  ),
  day('added_to_project_before', 'asset_properties', 'before', (p, i) => [p.table.added[i] ?? 0]),
  day('added_to_project_after', 'asset_properties', 'after', (p, i) => [p.table.added[i] ?? 0]),
  day('discovered_before', 'asset_properties', 'before', (p, i) => [p.table.discovered[i] ?? 0]),
  day('discovered_after', 'asset_properties', 'after', (p, i) => [p.table.discovered[i] ?? 0]),
  text('apex', 'asset_properties', (p, i) => [p.table.apexName(i)]),
  referencedIp,
  day('referenced_ip_before', 'asset_properties', 'before', (p, i) =>
    p.table.resolvedIpNumbers(i).map((_, k) => p.table.ipFirstSeen(i, k)),
  ),
  day('referenced_ip_after', 'asset_properties', 'after', (p, i) =>
    p.table.resolvedIpNumbers(i).map((_, k) => p.table.ipFirstSeen(i, k)),
  ),
  choice('has_dns_record_type', 'asset_properties', DNS_TYPES, (p, i) =>
    DNS_TYPES.filter((type) => p.table.hasDnsType(i, type)),
  ),
  flag('dns_resolves', 'asset_properties', (p, i) => p.table.isIp[i] === 0 && resolves(p.table, i)),
  integers('asn', 'asset_properties', (p, i) => owner(p, i).map((o) => o.asn)),
  text('cname_reference', 'asset_properties', (p, i) => [p.table.cnameTarget(i)], 'contains'),
  text('geo_country_iso', 'asset_properties', (p, i) => owner(p, i).map((o) => o.countryIso)),
  text('ip_owner', 'asset_properties', (p, i) => owner(p, i).map((o) => o.owner), 'contains'),
  text('whois_email', 'asset_properties', (p, i) => whoisEmails(p.table, i, p.profile).all),
  text('whois_email_current', 'asset_properties', (p, i) => [
    whoisEmails(p.table, i, p.profile).current,
  ]),
  integers('open_port_number', 'technology_properties', (p, i) => ports(p, i).map((k) => k.port)),
  choice('open_port_protocol', 'technology_properties', ['tcp', 'udp'], (p, i) =>
    ports(p, i).map((k) => k.protocol),
  ),
  text('open_port_service', 'technology_properties', (p, i) => ports(p, i).map((k) => k.service)),
  text('open_port_technology', 'technology_properties', portTechs),
  text('technology_name', 'technology_properties', (p, i) => [
    ...portTechs(p, i),
    ...webTechs(p, i),
  ]),
  text('web_technology_name', 'technology_properties', webTechs),
  text(
    'certificate_issuer',
    'certificate_properties',
    (p, i) => {
      const ca = p.table.certificateAuthority(i);
      return ca === null ? [] : [ca.commonName, ca.organization];
    },
    'contains',
  ),
  text(
    'certificate_subject',
    'certificate_properties',
    (p, i) => (hasCert(p, i) ? [p.table.names[i] ?? ''] : []),
    'contains',
  ),
  text('certificate_subject_alt_name', 'certificate_properties', (p, i) =>
    hasCert(p, i) ? p.table.subjectAltNames(i) : [],
  ),
  text('certificate_sha256', 'certificate_properties', (p, i) =>
    hasCert(p, i) ? [p.table.certificateSha256(i)] : [],
  ),
  {
    name: 'certificate_covers_domain',
    category: 'certificate_properties',
    read(reader, project) {
      const raw = reader.raw('certificate_covers_domain');
      if (raw === undefined) return undefined;
      const domains = splitValues(raw).map((d) => d.toLowerCase());
      return (i) =>
        hasCert(project, i) &&
        project.table
          .subjectAltNames(i)
          .some((san) => domains.some((d) => covers(san.toLowerCase(), d)));
    },
  },
  day('certificate_expires_before', 'certificate_properties', 'before', (p, i) =>
    hasCert(p, i) ? [p.table.certificateExpires(i)] : [],
  ),
  day('certificate_expires_after', 'certificate_properties', 'after', (p, i) =>
    hasCert(p, i) ? [p.table.certificateExpires(i)] : [],
  ),
  day('certificate_issued_before', 'certificate_properties', 'before', (p, i) =>
    hasCert(p, i) ? [p.table.certIssued[i] ?? 0] : [],
  ),
  day('certificate_issued_after', 'certificate_properties', 'after', (p, i) =>
    hasCert(p, i) ? [p.table.certIssued[i] ?? 0] : [],
  ),
  flag('waf_detected', 'technology_properties', (p, i) => p.table.wafOf(i) !== null),
  text('waf_name', 'technology_properties', (p, i) => [p.table.wafOf(i)?.name ?? null]),
  flag('is_responsive', 'technology_properties', (p, i) => (p.table.ports[i] ?? 0) !== 0),
  bound('exposure_score_gte', 'exposure_properties', 'gte', (p, i) => p.table.scoreOf(i)),
  bound('exposure_score_lte', 'exposure_properties', 'lte', (p, i) => p.table.scoreOf(i)),
  exposureSeverity,
  text('exposure_id', 'exposure_properties', (p, i) => p.table.signatures(i).map((s) => s.id)),
];
