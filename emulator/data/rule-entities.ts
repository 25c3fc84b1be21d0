import type { AssetTable } from './asset-table.js';
import { WEB_TECHNOLOGIES } from './services.js';
import { hash32 } from './prng.js';
import type { RuleDef } from './rules.js';
import { RULES } from './rules.js';
import { SIGNATURES } from './signatures.js';

/** For each signature, the sorted indexes of the assets that carry it. */
export function signatureAssets(table: AssetTable): Int32Array[] {
  const counts = new Array<number>(SIGNATURES.length).fill(0);
  for (const s of table.exposureSignatures) counts[s] = (counts[s] ?? 0) + 1;
  const lists = counts.map((n) => new Int32Array(n));
  const filled = new Array<number>(SIGNATURES.length).fill(0);
  for (let i = 0; i < table.count; i += 1) {
    for (const s of table.signatureIndexes(i)) {
      const list = lists[s];
      if (list === undefined) continue;
      list[filled[s] ?? 0] = i;
      filled[s] = (filled[s] ?? 0) + 1;
    }
  }
  return lists;
}

function productAssets(table: AssetTable, rule: RuleDef): Int32Array {
  const out: number[] = [];
  const product = rule.product;
  const bit = product ? WEB_TECHNOLOGIES.findIndex((t) => t.name === product.technology) : -1;
  for (let i = 0; i < table.count; i += 1) {
    if (product === undefined) {
      // Basic-auth findings: about one web host in twenty-five, fixed by the seed.
      if (table.webTech[i] !== 0 && hash32(table.seed, i, 0xba51c) % 25 === 0) out.push(i);
      continue;
    }
    if (bit < 0 || ((table.webTech[i] ?? 0) & (1 << bit)) === 0) continue;
    if (product.version !== undefined && table.webTechnologyVersion(i, bit) !== product.version)
      continue;
    out.push(i);
  }
  return Int32Array.from(out);
}

/** For each rule of RULES, the sorted indexes of the assets it applies to in this project. */
export function ruleAssets(table: AssetTable, bySignature: Int32Array[]): Int32Array[] {
  return RULES.map((rule) =>
    rule.signature === null
      ? productAssets(table, rule)
      : (bySignature[rule.signature] ?? new Int32Array(0)),
  );
}

export function contains(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid] ?? 0;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
