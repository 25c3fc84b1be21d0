import type { AssetTable } from './asset-table.js';
import type { PortKind } from './services.js';
import { WEB_TECHNOLOGIES } from './services.js';
import { assetExposureSummary } from './exposure-view.js';
import { formatIpv4 } from './ip.js';
import { hexFrom } from './prng.js';
import { DAY_S, isoZ } from './time.js';

export interface ServiceParts {
  metadata: boolean;
  tcp: boolean;
  udp: boolean;
  webTechnologies: boolean;
  chain: boolean;
  exposureDetails: boolean;
}

function seenAt(table: AssetTable, i: number): string {
  return isoZ(table.scanned[i] || table.added[i] || 0);
}

function pageUrl(table: AssetTable, i: number, kind: PortKind): string {
  const scheme = kind.tls ? 'https' : 'http';
  return `${scheme}://${table.names[i]}:${kind.port}/`;
}

/** The certificate of asset i as served in `certificates[].certificate` and on TLS ports. */
export function certificate(
  table: AssetTable,
  i: number,
  withChain: boolean,
): Record<string, unknown> | null {
  const ca = table.certificateAuthority(i);
  if (ca === null) return null;
  const issued = table.certIssued[i] ?? 0;
  const cert: Record<string, unknown> = {
    sha256: table.certificateSha256(i),
    issued_at: isoZ(issued),
    expires_at: isoZ(table.certificateExpires(i)),
    subject: { common_name: table.names[i] },
    issuer: {
      common_name: ca.commonName,
      organization_name: ca.organization,
      country_name: ca.country,
    },
    subject_alt_names: table.subjectAltNames(i),
    signature_algorithm: 'sha256WithRSAEncryption',
  };
  if (withChain) {
    cert.chain = [
      {
        sha256: hexFrom(64, table.seed, ca.commonName.length, 0xc4a1),
        issued_at: isoZ(issued - 700 * DAY_S),
        expires_at: isoZ(issued + 1100 * DAY_S),
        subject: {
          common_name: ca.commonName,
          organization_name: ca.organization,
          country_name: ca.country,
        },
        issuer: { common_name: ca.root },
        signature_algorithm: 'sha256WithRSAEncryption',
      },
    ];
  }
  return cert;
}

export function certificates(
  table: AssetTable,
  i: number,
  withChain: boolean,
): Record<string, unknown>[] {
  const cert = certificate(table, i, withChain);
  if (cert === null) return [];
  const seenPorts = table
    .openPorts(i)
    .filter((k) => k.tls)
    .map((k) => ({ port: k.port, protocol: k.protocol }));
  return [{ certificate: cert, seen_ports: seenPorts }];
}

export function defenses(table: AssetTable, i: number): Record<string, unknown>[] {
  const waf = table.wafOf(i);
  if (waf === null) return [];
  const web = table.openPorts(i).filter((k) => k.web);
  return [
    {
      name: waf.name,
      vendor: waf.vendor,
      technology_type: 'waf',
      instances: web.map((k) => ({
        seen_at: seenAt(table, i),
        seen_port: k.port,
        seen_url: pageUrl(table, i, k),
      })),
    },
  ];
}

function webTechnologies(table: AssetTable, i: number, kind: PortKind): Record<string, unknown>[] {
  return table.webTechnologyIndexes(i).map((t) => {
    const tech = WEB_TECHNOLOGIES[t];
    const out: Record<string, unknown> = {
      name: tech?.name,
      vendor: tech?.vendor,
      technology_type: tech?.type,
    };
    const version = table.webTechnologyVersion(i, t);
    if (version !== null) out.version = version;
    out.instances = [
      { seen_at: seenAt(table, i), seen_port: kind.port, seen_url: pageUrl(table, i, kind) },
    ];
    return out;
  });
}

function openPort(table: AssetTable, i: number, ip: string, kind: PortKind, parts: ServiceParts) {
  const tech = table.portTechnology(i, kind);
  const instance: Record<string, unknown> = {
    seen_ip: ip,
    seen_at: seenAt(table, i),
    service: kind.service,
    technology: {
      name: tech.name,
      vendor: tech.vendor,
      technology_type: tech.type,
      version: tech.version,
    },
  };
  if (parts.webTechnologies && kind.web)
    instance.web_technologies = webTechnologies(table, i, kind);
  const found = table.signatures(i).filter((sig) => sig.port === kind.port);
  if (found.length > 0) {
    instance.exposures = found.map((sig) =>
      assetExposureSummary(table, i, sig, parts.exposureDetails),
    );
  }
  if (kind.web && table.wafOf(i) !== null) instance.defenses = defenses(table, i);
  const port: Record<string, unknown> = {
    port: kind.port,
    protocol: kind.protocol,
    instances: [instance],
  };
  const cert = kind.tls ? certificate(table, i, parts.chain) : null;
  if (cert !== null) port.certificate = cert;
  return port;
}

/** `scanned_ips`: one entry per resolved IP with ownership data and the open ports asked for. */
export function scannedIps(
  table: AssetTable,
  i: number,
  parts: ServiceParts,
): Record<string, unknown>[] {
  const provider = table.providerOf(i);
  return table
    .resolvedIpNumbers(i)
    .slice(0, 4)
    .map((n) => {
      const ip = formatIpv4(n);
      const entry: Record<string, unknown> = { ip };
      if (table.scanned[i]) entry.last_scanned_at = isoZ(table.scanned[i] ?? 0);
      if (parts.metadata) {
        entry.metadata = {
          as_number: provider.asn,
          owner_name: provider.owner,
          registry: provider.registry,
          owner_geo: {
            continent: provider.continent,
            country: provider.country,
            city: provider.city,
            country_iso: provider.countryIso,
          },
        };
      }
      entry.open_ports = table
        .openPorts(i)
        .filter((k) => (k.protocol === 'tcp' ? parts.tcp || parts.webTechnologies : parts.udp))
        .map((k) => openPort(table, i, ip, k, parts));
      return entry;
    });
}
