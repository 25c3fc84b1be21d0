/**
 * Emulator footprint: start time of the default configuration, and resident memory with one
 * project of 100,000 assets after a full Find Assets walk of it (limit 1000, following cursors).
 * Run after `npm run build`: `node --expose-gc dist/bench/emulator-memory.js`.
 */
import { startEmulator } from '../emulator/index.js';

const BIG_PROJECT = 100_000;

async function defaultStartMs(runs: number): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const emulator = await startEmulator();
    times.push(performance.now() - started);
    await emulator.stop();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

async function walk(
  url: string,
  apiKey: string,
  projectId: string,
): Promise<{ assets: number; unique: number; pages: number }> {
  const seen = new Set<string>();
  let cursor: string | null = null;
  let assets = 0;
  let pages = 0;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000' });
    if (cursor !== null) query.set('cursor', cursor);
    const response = await fetch(`${url}/v2/projects/${projectId}/assets?${query}`, {
      headers: { APIKEY: apiKey },
    });
    const page = (await response.json()) as {
      data: { id: string }[];
      meta: { pagination: { next_cursor: string | null } };
    };
    pages += 1;
    if (page.data.length === 0) break;
    page.data.forEach((asset) => seen.add(asset.id));
    assets += page.data.length;
    cursor = page.meta.pagination.next_cursor;
    if (cursor === null) break;
  }
  return { assets, unique: seen.size, pages };
}

const rssMb = (): number => Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;

const startMs = await defaultStartMs(5);
const bigStarted = performance.now();
const emulator = await startEmulator({
  assetsPerProject: [BIG_PROJECT, 240, 35],
  ratePerSecond: 0,
  monthlyQuota: 1e9,
});
const bigStartMs = performance.now() - bigStarted;
const rssAfterStart = rssMb();
const walkStarted = performance.now();
const result = await walk(emulator.url, emulator.apiKey, emulator.projectIds[0] ?? '');
const walkMs = performance.now() - walkStarted;
(globalThis as { gc?: () => void }).gc?.();
const rssAfterWalk = rssMb();
await emulator.stop();

console.log(
  JSON.stringify(
    {
      defaultStartMs: Math.round(startMs),
      bigProjectAssets: BIG_PROJECT,
      bigStartMs: Math.round(bigStartMs),
      rssAfterStartMb: rssAfterStart,
      walk: { ...result, ms: Math.round(walkMs) },
      rssAfterWalkMb: rssAfterWalk,
    },
    null,
    2,
  ),
);
