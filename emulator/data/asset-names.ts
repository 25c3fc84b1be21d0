import { HOST_LABELS, HOST_ZONES } from './names.js';
import { PROVIDERS } from './providers.js';
import { NO_INDEX } from './asset-table.js';
import type { AssetTable } from './asset-table.js';
import { formatIpv4 } from './ip.js';
import type { Rng } from './prng.js';
import { intBetween, pick } from './prng.js';

/** Domain assets lean on the first apex, as real projects centre on one main domain. */
function apexIndex(rng: Rng, count: number): number {
  return rng() < 0.55 ? 0 : intBetween(rng, 0, count - 1);
}

function label(rng: Rng): string {
  const word = pick(rng, HOST_LABELS);
  const roll = rng();
  if (roll < 0.55) return word;
  if (roll < 0.8) return `${word}-${intBetween(rng, 1, 9)}`;
  if (roll < 0.92) return `${word}.${pick(rng, HOST_ZONES)}`;
  return `${word}${intBetween(rng, 10, 999)}`;
}

function ipName(table: AssetTable, i: number, rng: Rng, used: Set<string>): number {
  const prefix = PROVIDERS[table.provider[i] ?? 0]?.prefix ?? 0;
  for (;;) {
    const ip = (prefix | (intBetween(rng, 0, 0xffff) & 0xfffe) | 1) >>> 0;
    if (!used.has(formatIpv4(ip))) return ip;
  }
}

/**
 * Picks a unique name for asset i: about one asset in five is a bare IP, the rest are host names
 * under the project's apex domains. Collisions fall back to a suffix built from the index.
 */
export function assetName(
  table: AssetTable,
  i: number,
  rng: Rng,
  used: Set<string>,
): { name: string; apex: number; ip: number | null } {
  if (i > 0 && rng() < 0.2) {
    const ip = ipName(table, i, rng, used);
    const name = formatIpv4(ip);
    used.add(name);
    return { name, apex: NO_INDEX, ip };
  }
  const apex = apexIndex(rng, table.apexes.length);
  const apexName = table.apexes[apex] ?? 'example.com';
  const candidates = [apexName, ...[1, 2, 3].map(() => `${label(rng)}.${apexName}`)];
  if (rng() > 0.03 && i > 0) candidates.shift();
  const free = candidates.find((c) => !used.has(c));
  const name = free ?? `${pick(rng, HOST_LABELS)}-${i.toString(36).padStart(4, '0')}.${apexName}`;
  used.add(name);
  return { name, apex, ip: null };
}
