import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { readHealthHistory, type RecordedCheck } from '../../runtime/scale/health-store.js';
import { queueOf } from '../../runtime/scale/jobs.js';
import { QUEUES } from '../../runtime/scale/keys.js';
import { runCli } from '../cli/cli.js';
import { HAS_REDIS, startRedis, type TestRedis } from './support/redis-server.js';
import { connectionsFile, startWorker, until, type SpawnedWorker } from './support/workers.js';

const CONNECTIONS = 200;
const CHECKS_EACH = 3;

let redis: TestRedis;
let emulator: RunningEmulator;
let workers: SpawnedWorker[] = [];

const keyOf = (index: number) => `st-tenant-key-${String(index).padStart(3, '0')}`;

beforeAll(async () => {
  if (!HAS_REDIS) return;
  redis = await startRedis();
  emulator = await startEmulator({
    apiKeys: Array.from({ length: CONNECTIONS }, (_, index) => keyOf(index)),
    ratePerSecond: 0,
    monthlyQuota: 1_000_000,
    projects: 1,
  });
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await emulator?.stop();
  await redis?.stop();
});

function byConnection(checks: RecordedCheck[]): Map<string, RecordedCheck[]> {
  const groups = new Map<string, RecordedCheck[]>();
  for (const check of checks)
    groups.set(check.connection, [...(groups.get(check.connection) ?? []), check]);
  return groups;
}

describe.skipIf(!HAS_REDIS)('200 connections health-checked by two worker processes', () => {
  it('checks every connection on schedule, never twice for one tick and never overlapping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'health-fleet-'));
    const env: Record<string, string> = {};
    const entries = Array.from({ length: CONNECTIONS }, (_, index) => {
      env[`ST_KEY_${index}`] = keyOf(index);
      return {
        name: `tenant-${index}`,
        description: `tenant ${index}`,
        active: true,
        intervalMinutes: 2 / 60,
        connection: { serverUrl: emulator.url, apiKey: `env:ST_KEY_${index}`, apiVersion: 'v2' },
      };
    });
    const file = connectionsFile(dir, entries);
    const args = ['--redis', redis.url, '--connections', file, '--concurrency', '50'];
    workers = await Promise.all([startWorker('w1', args, env), startWorker('w2', args, env)]);

    const scheduled = await runCli(['schedule', '--redis', redis.url, '--connections', file]);
    expect(scheduled.stdout).toContain('Scheduled 200 health checks and 0 fetch runs');
    expect((await runCli(['schedule', '--redis', redis.url, '--connections', file])).code).toBe(0);

    let history: RecordedCheck[] = [];
    await until(
      async () => {
        history = await readHealthHistory(redis.client);
        const groups = byConnection(history);
        return (
          groups.size === CONNECTIONS && [...groups.values()].every((g) => g.length >= CHECKS_EACH)
        );
      },
      () => `${history.length} checks so far; ${workers.map((w) => w.stderr()).join('\n')}`,
    );
    expect(await Promise.all(workers.map((worker) => worker.stop()))).toEqual([0, 0]);
    history = await readHealthHistory(redis.client);

    const ticks = history.map((check) => `${check.connection} ${check.jobId}`);
    expect(new Set(ticks).size).toBe(ticks.length);
    for (const [connection, checks] of byConnection(history)) {
      checks.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
      checks.slice(1).forEach((check, index) => {
        const previous = checks[index] as RecordedCheck;
        const previousEnd = Date.parse(previous.time) + previous.latencyMs;
        expect(Date.parse(check.time), `${connection} checks overlap`).toBeGreaterThanOrEqual(
          previousEnd,
        );
      });
    }
    expect(history.every((check) => check.outcome === 'Passed')).toBe(true);
    expect(new Set(history.map((check) => check.worker))).toEqual(new Set(['w1', 'w2']));

    const queue = queueOf(redis.client, QUEUES.healthChecks);
    expect(await queue.getJobSchedulersCount()).toBe(CONNECTIONS);
    await queue.close();
  });
});
