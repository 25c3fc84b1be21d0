import { PROVIDERS } from './providers.js';
import { CERTIFICATE_AUTHORITIES, PORTS, WAFS, WEB_TECHNOLOGIES } from './services.js';
import type { Provider } from './providers.js';
import type { CertificateAuthority, PortKind, Waf } from './services.js';
import { formatIpv4 } from './ip.js';
import { hash32, hexFrom } from './prng.js';
import { SIGNATURES } from './signatures.js';
import type { SignatureDef } from './signature-types.js';
import { DAY_S } from './time.js';

export const NO_INDEX = 255;
export const FLAG_STATIC = 1;
export const FLAG_WHOIS_HISTORY = 2;

export const DNS_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT'] as const;
export type DnsType = (typeof DNS_TYPES)[number];

/**
 * The assets of one project held as typed columns: a few dozen bytes per asset, so a project of
 * 100,000 assets stays small. Full asset objects are built from these columns only when served.
 */
export class AssetTable {
  readonly names: string[];
  readonly byName = new Map<string, number>();
  readonly isIp: Uint8Array;
  readonly apex: Uint8Array;
  readonly discovered: Uint32Array;
  readonly added: Uint32Array;
  readonly scanned: Uint32Array;
  readonly score: Int8Array;
  readonly flags: Uint8Array;
  readonly ipBase: Uint32Array;
  readonly ipCount: Uint8Array;
  readonly provider: Uint8Array;
  readonly dnsTypes: Uint8Array;
  readonly contact: Uint8Array;
  readonly ports: Uint16Array;
  readonly webTech: Uint32Array;
  readonly ca: Uint8Array;
  readonly certIssued: Uint32Array;
  readonly waf: Uint8Array;
  /** Exposures in compressed-row form: signatures of asset i sit in [offsets[i], offsets[i+1]). */
  exposureOffsets: Uint32Array;
  exposureSignatures: Uint8Array;

  constructor(
    readonly seed: number,
    readonly projectIndex: number,
    readonly apexes: readonly string[],
    readonly count: number,
  ) {
    this.names = new Array<string>(count);
    this.isIp = new Uint8Array(count);
    this.apex = new Uint8Array(count);
    this.discovered = new Uint32Array(count);
    this.added = new Uint32Array(count);
    this.scanned = new Uint32Array(count);
    this.score = new Int8Array(count);
    this.flags = new Uint8Array(count);
    this.ipBase = new Uint32Array(count);
    this.ipCount = new Uint8Array(count);
    this.provider = new Uint8Array(count);
    this.dnsTypes = new Uint8Array(count);
    this.contact = new Uint8Array(count);
    this.ports = new Uint16Array(count);
    this.webTech = new Uint32Array(count);
    this.ca = new Uint8Array(count);
    this.certIssued = new Uint32Array(count);
    this.waf = new Uint8Array(count);
    this.exposureOffsets = new Uint32Array(count + 1);
    this.exposureSignatures = new Uint8Array(0);
  }

  apexName(i: number): string | null {
    const index = this.apex[i] ?? NO_INDEX;
    return index === NO_INDEX ? null : (this.apexes[index] ?? null);
  }

  providerOf(i: number): Provider {
    return PROVIDERS[this.provider[i] ?? 0] ?? (PROVIDERS[0] as Provider);
  }

  resolvedIpNumbers(i: number): number[] {
    const base = this.ipBase[i] ?? 0;
    const count = this.ipCount[i] ?? 0;
    const ips: number[] = [];
    for (let k = 0; k < count; k += 1) {
      ips.push(k === 0 ? base : ((base & 0xffff0000) | (hash32(base, k) & 0xfefe) | 1) >>> 0);
    }
    return ips;
  }

  resolvedIps(i: number): string[] {
    return this.resolvedIpNumbers(i).map(formatIpv4);
  }

  /** When a resolved IP was first seen in DNS: a day or two after discovery. */
  ipFirstSeen(i: number, k: number): number {
    const from = this.discovered[i] || this.added[i] || 0;
    return from + (hash32(this.seed, i, k, 3) % (2 * DAY_S));
  }

  hasDnsType(i: number, type: DnsType): boolean {
    return ((this.dnsTypes[i] ?? 0) & (1 << DNS_TYPES.indexOf(type))) !== 0;
  }

  openPorts(i: number): PortKind[] {
    const mask = this.ports[i] ?? 0;
    return PORTS.filter((_, bit) => (mask & (1 << bit)) !== 0);
  }

  portTechnology(
    i: number,
    kind: PortKind,
  ): { name: string; vendor: string; type: string; version: string } {
    const h = hash32(this.seed, this.projectIndex, i, kind.port);
    const tech = kind.technologies[h % kind.technologies.length] ?? kind.technologies[0];
    const versions = tech?.versions ?? [];
    return {
      name: tech?.name ?? kind.service,
      vendor: tech?.vendor ?? '',
      type: tech?.type ?? '',
      version: versions[(h >>> 8) % Math.max(1, versions.length)] ?? '',
    };
  }

  webTechnologyIndexes(i: number): number[] {
    const mask = this.webTech[i] ?? 0;
    const out: number[] = [];
    for (let bit = 0; bit < WEB_TECHNOLOGIES.length; bit += 1) {
      if ((mask & (1 << bit)) !== 0) out.push(bit);
    }
    return out;
  }

  webTechnologyVersion(i: number, techIndex: number): string | null {
    const versions = WEB_TECHNOLOGIES[techIndex]?.versions ?? [];
    if (versions.length === 0) return null;
    return versions[hash32(this.seed, i, techIndex, 5) % versions.length] ?? null;
  }

  certificateAuthority(i: number): CertificateAuthority | null {
    const index = this.ca[i] ?? NO_INDEX;
    return index === NO_INDEX ? null : (CERTIFICATE_AUTHORITIES[index] ?? null);
  }

  certificateExpires(i: number): number {
    const ca = this.certificateAuthority(i);
    return (this.certIssued[i] ?? 0) + (ca?.lifetimeDays ?? 90) * DAY_S;
  }

  /** Names a certificate covers: the host itself, its apex and a wildcard under the apex. */
  subjectAltNames(i: number): string[] {
    const name = this.names[i] ?? '';
    const apex = this.apexName(i);
    if (apex === null) return [name];
    return [...new Set([name, apex, `*.${apex}`])];
  }

  certificateSha256(i: number): string {
    return hexFrom(64, this.seed, this.projectIndex, i, 0xce27);
  }

  /** The CNAME target of a domain behind a CDN or cloud front end, null without a CNAME record. */
  cnameTarget(i: number): string | null {
    if (!this.hasDnsType(i, 'CNAME')) return null;
    const name = this.names[i] ?? '';
    const label = name.split('.')[0] ?? 'edge';
    const suffix = this.providerOf(i).cnameSuffix ?? 'edge.example.net';
    return `${label}-${hash32(this.seed, i, 0xc7).toString(36)}.${suffix}`;
  }

  wafOf(i: number): Waf | null {
    const index = this.waf[i] ?? 0;
    return index === 0 ? null : (WAFS[index - 1] ?? null);
  }

  signatureIndexes(i: number): number[] {
    const start = this.exposureOffsets[i] ?? 0;
    const end = this.exposureOffsets[i + 1] ?? start;
    return Array.from(this.exposureSignatures.subarray(start, end));
  }

  signatures(i: number): SignatureDef[] {
    return this.signatureIndexes(i).map((s) => SIGNATURES[s] as SignatureDef);
  }

  scoreOf(i: number): number | null {
    const score = this.score[i] ?? -1;
    return score < 0 ? null : score;
  }
}
