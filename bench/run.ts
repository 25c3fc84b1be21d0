import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../runtime/manifest/locate.js';
import type { BenchResult } from './harness.js';
import { cliColdStart } from './cases/cli-cold-start.js';
import { concurrency } from './cases/concurrency.js';
import { executeOverhead } from './cases/execute-overhead.js';
import { findAssets100k } from './cases/find-assets-100k.js';
import { mappingThroughput } from './cases/mapping-throughput.js';
import { scaleOut } from './cases/scale-out.js';

const CASES: Record<string, () => Promise<BenchResult[]>> = {
  'execute-overhead': executeOverhead,
  'mapping-throughput': mappingThroughput,
  'find-assets-100k': findAssets100k,
  'cli-cold-start': cliColdStart,
  concurrency,
  'scale-out': scaleOut,
};

const CHILD_FLAG = '--case';

/**
 * `npm run bench [-- name ...]` runs the named benchmarks (all by default), each in a fresh
 * child process so that one case's heap and JIT state cannot skew the next, then prints a table
 * and writes bench/results.json.
 */
async function main(): Promise<void> {
  const [flag, only] = process.argv.slice(2);
  if (flag === CHILD_FLAG && only !== undefined) {
    process.stdout.write(JSON.stringify(await (CASES[only] as () => Promise<BenchResult[]>)()));
    return;
  }

  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(CASES);
  const unknown = names.filter((name) => !(name in CASES));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(CASES).join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }

  const results = names.flatMap(runInChild);
  console.table(
    results.map(({ name, unit, value, baseline, ratio, note }) => ({
      name,
      unit,
      value,
      baseline,
      ratio,
      note: note ?? '',
    })),
  );
  const file = join(packageRoot(), 'bench', 'results.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(mergeWithEarlier(file, results), null, 2)}\n`);
}

/** A run of some cases replaces their figures and keeps the other cases' from earlier runs. */
function mergeWithEarlier(file: string, results: BenchResult[]): BenchResult[] {
  if (!existsSync(file)) return results;
  const fresh = new Set(results.map((entry) => entry.name));
  const earlier = JSON.parse(readFileSync(file, 'utf8')) as BenchResult[];
  return [...earlier.filter((entry) => !fresh.has(entry.name)), ...results];
}

function runInChild(name: string): BenchResult[] {
  console.error(`running ${name}...`);
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--expose-gc', script, CHILD_FLAG, name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`benchmark ${name} exited with ${child.status}`);
  return JSON.parse(child.stdout) as BenchResult[];
}

await main();
