import { PROVIDERS } from './providers.js';
import { CERTIFICATE_AUTHORITIES, WAFS, WEB_TECHNOLOGIES } from './services.js';
import { AssetTable, DNS_TYPES, FLAG_STATIC, FLAG_WHOIS_HISTORY, NO_INDEX } from './asset-table.js';
import type { DnsType } from './asset-table.js';
import { assetName } from './asset-names.js';
import type { Rng } from './prng.js';
import { intBetween, rngFor } from './prng.js';
import type { ProjectProfile } from './projects.js';
import { SIGNATURES } from './signatures.js';
import { SEVERITY_RANK } from './signature-types.js';
import type { Severity } from './signature-types.js';
import { DAY_S } from './time.js';

/** Chance that a scanned host answers on each port of PORTS, in the same order. */
const PORT_ODDS = [
  0.7, 0.8, 0.15, 0.03, 0.05, 0.03, 0.06, 0.05, 0.02, 0.015, 0.01, 0.03, 0.04, 0.02, 0.03,
];
const PROVIDER_WEIGHTS = [24, 22, 8, 8, 7, 5, 6, 5, 5, 2, 4, 4];
const WEB_TECH_ODDS = [
  0.2, 0.45, 0.12, 0.25, 0.15, 0.25, 0.18, 0.35, 0.05, 0.06, 0.08, 0.06, 0.05, 0.04, 0.08, 0.2,
  0.03, 0.02, 0.02, 0.3,
];
const WAF_BY_PROVIDER: Record<number, number> = { 0: 1, 4: 2, 1: 3, 5: 6 };

function weighted(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let roll = rng() * total;
  for (let i = 0; i < weights.length; i += 1) {
    roll -= weights[i] ?? 0;
    if (roll < 0) return i;
  }
  return weights.length - 1;
}

function dnsMask(types: DnsType[]): number {
  return types.reduce((mask, type) => mask | (1 << DNS_TYPES.indexOf(type)), 0);
}

function scoreFor(rng: Rng, severity: Severity | null): number {
  switch (severity) {
    case 'critical':
      return intBetween(rng, 85, 99);
    case 'moderate':
      return intBetween(rng, 40, 69);
    case 'informational':
      return intBetween(rng, 10, 25);
    case 'unknown':
      return intBetween(rng, 1, 9);
    default:
      return 0;
  }
}

/** Picks the exposures an asset carries among the signatures its ports, DNS and stack allow. */
function pickExposures(table: AssetTable, i: number, rng: Rng): number[] {
  const ports = new Set(table.openPorts(i).map((p) => p.port));
  const techs = new Set(table.webTechnologyIndexes(i).map((t) => WEB_TECHNOLOGIES[t]?.name));
  const candidates: number[] = [];
  SIGNATURES.forEach((sig, s) => {
    if (sig.port !== null && !ports.has(sig.port)) return;
    if (sig.port === null && table.isIp[i] === 1) return;
    if (sig.technology !== undefined && !techs.has(sig.technology)) return;
    if (sig.dnsType !== undefined && !table.hasDnsType(i, sig.dnsType)) return;
    candidates.push(s);
  });
  const roll = rng();
  const wanted = roll < 0.45 ? 0 : roll < 0.75 ? 1 : roll < 0.9 ? 2 : 3;
  const chosen: number[] = [];
  while (chosen.length < wanted && candidates.length > 0) {
    const at = weighted(
      rng,
      candidates.map((s) => SIGNATURES[s]?.weight ?? 1),
    );
    chosen.push(candidates.splice(at, 1)[0] ?? 0);
  }
  return chosen.sort((a, b) => a - b);
}

function fillNetwork(table: AssetTable, i: number, rng: Rng, ip: number | null): void {
  const isIp = ip !== null;
  const provider = table.provider[i] ?? 0;
  const count = isIp ? 1 : rng() < 0.08 ? 0 : weighted(rng, [0, 50, 35, 10, 5]);
  table.ipCount[i] = count;
  table.ipBase[i] =
    ip ?? (PROVIDERS[provider]?.prefix ?? 0) | (intBetween(rng, 1, 0xfffe) & 0xfffe) | 1;
  if (isIp) return;
  const types: DnsType[] = [];
  if (count > 0) types.push('A');
  if (count > 0 && rng() < 0.3) types.push('AAAA');
  if (PROVIDERS[provider]?.cnameSuffix && rng() < 0.4) types.push('CNAME');
  const name = table.names[i] ?? '';
  const apexHost = name === table.apexName(i);
  if (apexHost || /^(mail|mx1|smtp|webmail)\./.test(name) || rng() < 0.1) types.push('MX');
  if (apexHost) types.push('NS');
  if (apexHost || rng() < 0.2) types.push('TXT');
  table.dnsTypes[i] = dnsMask(types);
}

function fillServices(table: AssetTable, i: number, rng: Rng): void {
  const resolves = (table.ipCount[i] ?? 0) > 0;
  if (!resolves || table.scanned[i] === 0 || rng() < 0.15) return;
  let mask = 0;
  PORT_ODDS.forEach((odds, bit) => {
    if (rng() < odds) mask |= 1 << bit;
  });
  table.ports[i] = mask;
  const kinds = table.openPorts(i);
  if (kinds.some((k) => k.web)) {
    let tech = 0;
    WEB_TECH_ODDS.forEach((odds, bit) => {
      if (rng() < odds) tech |= 1 << bit;
    });
    table.webTech[i] = tech >>> 0;
    const byProvider = WAF_BY_PROVIDER[table.provider[i] ?? -1];
    if (byProvider !== undefined && rng() < 0.6) table.waf[i] = byProvider;
    else if (rng() < 0.05) table.waf[i] = intBetween(rng, 1, WAFS.length);
  }
  if (kinds.some((k) => k.tls)) {
    const ca = weighted(rng, [40, 20, 12, 10, 10, 8]);
    const lifetime = CERTIFICATE_AUTHORITIES[ca]?.lifetimeDays ?? 90;
    table.ca[i] = ca;
    // About one certificate in twenty has already expired at scan time.
    const age = rng() < 0.05 ? lifetime + intBetween(rng, 1, 60) : intBetween(rng, 1, lifetime - 1);
    table.certIssued[i] = (table.scanned[i] ?? 0) - age * DAY_S - intBetween(rng, 0, DAY_S);
  }
}

/** Builds the compact columns of a project's assets; every value follows from (seed, project, index). */
export function generateAssets(seed: number, project: ProjectProfile, base: number): AssetTable {
  const table = new AssetTable(seed, project.index, project.apexes, project.assetCount);
  const used = new Set<string>();
  const exposures: number[] = [];
  for (let i = 0; i < table.count; i += 1) {
    const rng = rngFor(seed, project.index, i, 0xa55e7);
    table.provider[i] = weighted(rng, PROVIDER_WEIGHTS);
    const { name, apex, ip } = assetName(table, i, rng, used);
    table.names[i] = name;
    table.byName.set(name, i);
    table.apex[i] = apex;
    table.isIp[i] = ip === null ? 0 : 1;

    const isStatic = rng() < (ip === null ? 0.05 : 0.7);
    table.flags[i] = (isStatic ? FLAG_STATIC : 0) | (rng() < 0.3 ? FLAG_WHOIS_HISTORY : 0);
    const span = Math.max(DAY_S, base - project.insertedAt);
    const discovered = base - 400 * DAY_S - Math.floor(rng() ** 1.5 * 500 * DAY_S);
    table.discovered[i] = isStatic && rng() < 0.5 ? 0 : discovered;
    table.added[i] = Math.min(
      base - 3600,
      Math.max(project.insertedAt, discovered) + Math.floor(rng() * span * 0.9),
    );
    const scanned = project.scannedAtStart && rng() < 0.9;
    table.scanned[i] = scanned ? base - intBetween(rng, 3600, 6 * DAY_S) : 0;
    table.contact[i] = ip === null ? intBetween(rng, 0, project.emails.length - 1) : NO_INDEX;
    table.ca[i] = NO_INDEX;

    fillNetwork(table, i, rng, ip);
    fillServices(table, i, rng);

    const picked = scanned ? pickExposures(table, i, rng) : [];
    exposures.push(...picked);
    table.exposureOffsets[i + 1] = exposures.length;
    const worst = picked
      .map((s) => SIGNATURES[s]?.severity ?? 'unknown')
      .reduce<Severity | null>(
        (a, b) => (a === null || SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a),
        null,
      );
    table.score[i] = scanned ? scoreFor(rng, worst) : -1;
  }
  table.exposureSignatures = Uint8Array.from(exposures);
  return table;
}
