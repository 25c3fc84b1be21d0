import { FLAG_STATIC } from './asset-table.js';
import { dnsRecords, whois } from './enrich-domain.js';
import { certificates, defenses, scannedIps } from './enrich-services.js';
import { assetExposureSummary } from './exposure-view.js';
import { isoZ } from './time.js';
import type { ProjectData } from './world.js';

export const ADDITIONAL_FIELDS = [
  'custom_tags',
  'dns_records',
  'whois',
  'ip_metadata',
  'open_tcp_ports',
  'open_udp_ports',
  'web_technologies',
  'certificates',
  'certificate_chain',
  'defenses',
  'exposures',
  'exposure_instance_details',
] as const;
export type AdditionalField = (typeof ADDITIONAL_FIELDS)[number];

const SCANNED_IP_FIELDS: readonly AdditionalField[] = [
  'ip_metadata',
  'open_tcp_ports',
  'open_udp_ports',
  'web_technologies',
];

/**
 * The asset object as Find Assets and Get Asset Details serve it. Keys whose value is unknown
 * (`last_scanned_at`, `exposure_score`, `apex_domain` of an IP) are left out, as in recorded list
 * responses. `exposures` is always present: recorded responses carry it without asking, and
 * `exposure_instance_details` adds the per-finding details.
 */
export function assetDocument(
  project: ProjectData,
  i: number,
  fields: ReadonlySet<AdditionalField>,
  now: number,
): Record<string, unknown> {
  const { table, profile } = project;
  const name = table.names[i] ?? '';
  const doc: Record<string, unknown> = {
    project_id: profile.id,
    id: name,
    name,
    type: table.isIp[i] === 1 ? 'ip' : 'domain',
    discovered_at: table.discovered[i] ? isoZ(table.discovered[i] ?? 0) : null,
    added_to_project_at: isoZ(table.added[i] ?? 0),
  };
  if (table.scanned[i]) doc.last_scanned_at = isoZ(table.scanned[i] ?? 0);
  const apex = table.apexName(i);
  if (apex !== null) doc.apex_domain = apex;
  const score = table.scoreOf(i);
  if (score !== null) doc.exposure_score = score;
  doc.is_static_asset = ((table.flags[i] ?? 0) & FLAG_STATIC) !== 0;
  if (fields.has('custom_tags')) doc.custom_tags = project.tags.of(i);
  doc.resolved_ips = table.resolvedIps(i);

  const details = fields.has('exposure_instance_details');
  doc.exposures = table.signatures(i).map((sig) => assetExposureSummary(table, i, sig, details));
  if (fields.has('dns_records')) doc.dns_records = dnsRecords(table, i, now);
  if (fields.has('whois')) doc.whois = whois(table, i, profile);
  if (fields.has('certificates') || fields.has('certificate_chain')) {
    doc.certificates = certificates(table, i, fields.has('certificate_chain'));
  }
  if (fields.has('defenses')) doc.defenses = defenses(table, i);
  if (SCANNED_IP_FIELDS.some((f) => fields.has(f))) {
    doc.scanned_ips = scannedIps(table, i, {
      metadata: fields.has('ip_metadata'),
      tcp: fields.has('open_tcp_ports'),
      udp: fields.has('open_udp_ports'),
      webTechnologies: fields.has('web_technologies'),
      chain: fields.has('certificate_chain'),
      exposureDetails: details,
    });
  }
  return doc;
}
