import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { apiKeyHash, RedisRateLimiter } from '../../runtime/scale/rate-limiter.js';
import { cleanEnv, runCli } from '../cli/cli.js';
import { HAS_REDIS, startRedis, type TestRedis } from './support/redis-server.js';
import { connectionsFile } from './support/workers.js';

let redis: TestRedis;
let emulator: RunningEmulator;
let projectId: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scale-cli-rate-'));
  if (!HAS_REDIS) return;
  redis = await startRedis();
  // No limit at the vendor: any spacing of the requests comes from the limiter in Redis.
  emulator = await startEmulator({ projects: 1, ratePerSecond: 0 });
  projectId = emulator.projectIds[0] ?? '';
});

afterAll(async () => {
  await emulator?.stop();
  await redis?.stop();
});

function connectionFile(): string {
  const path = join(dir, 'connection.json');
  writeFileSync(path, JSON.stringify({ serverUrl: emulator.url, apiKey: emulator.apiKey }));
  return path;
}

const RATE = 2;
const TAKEN = 4;
// The CLI's first request gets the slot after the worker's last, TAKEN / RATE seconds after the
// worker's first; less a margin for timers that fire a little early. Only a lower bound: a slow
// machine makes the run longer, never shorter. Without the limiter it takes under a second.
const AT_LEAST_MS = (TAKEN * 1000) / RATE - 100;

/**
 * Takes the next TAKEN slots of the emulator's API key, as a worker's requests would, then runs
 * the CLI; measures from the first slot taken to the CLI's exit, start-up included.
 */
async function afterWorker(args: string[], env?: NodeJS.ProcessEnv) {
  const started = Date.now();
  const worker = new RedisRateLimiter(redis.client, async () => {});
  for (let slot = 0; slot < TAKEN; slot += 1) await worker.take(apiKeyHash(emulator.apiKey), RATE);
  const run = await runCli(args, env);
  return { ...run, elapsedMs: Date.now() - started };
}

describe.skipIf(!HAS_REDIS)('the per-API-key rate limit of the CLI on Redis', () => {
  it('makes fetch --redis wait for the slots a worker took for the key', async () => {
    const run = await afterWorker([
      'fetch',
      ...['--project', projectId, '--start', '2020-01-01', '--output', join(dir, 'out.jsonl')],
      ...['--redis', redis.url, '--rate', String(RATE), '--connection', connectionFile()],
    ]);

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Fetch Incident: [1-9]\d* events/);
    expect(run.elapsedMs).toBeGreaterThanOrEqual(AT_LEAST_MS);
  });

  it('makes health-check --redis wait for the slots a worker took for the key', async () => {
    const file = connectionsFile(dir, [
      {
        name: 'acme',
        description: 'the key the worker uses',
        active: true,
        connection: { serverUrl: emulator.url, apiKey: 'env:ST_KEY', apiVersion: 'v2' },
      },
    ]);

    const run = await afterWorker(
      [
        'health-check',
        '--once',
        '--connections',
        file,
        '--redis',
        redis.url,
        '--rate',
        String(RATE),
      ],
      cleanEnv({ ST_KEY: emulator.apiKey }),
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('acme  Passed');
    expect(run.elapsedMs).toBeGreaterThanOrEqual(AT_LEAST_MS);
  });
});

describe('--rate of fetch and health-check', () => {
  it('is refused without --redis, with exit code 2: there is no limit to share', async () => {
    const fetch = await runCli(['fetch', '--project', 'p', '--rate', '5']);
    const health = await runCli(['health-check', '--once', '--rate', '5']);
    for (const run of [fetch, health]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--rate limits requests shared through Redis');
    }
  });
});
