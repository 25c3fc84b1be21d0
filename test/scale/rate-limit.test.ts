import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { queueOf, runExecutions } from '../../runtime/scale/jobs.js';
import { QUEUES } from '../../runtime/scale/keys.js';
import { HAS_REDIS, startRedis, type TestRedis } from './support/redis-server.js';
import { connectionsFile, startWorker, type SpawnedWorker } from './support/workers.js';

const VENDOR_RATE = 5;
const EXECUTIONS = 16;

let redis: TestRedis;
let emulator: RunningEmulator;
let workers: SpawnedWorker[] = [];

beforeAll(async () => {
  if (!HAS_REDIS) return;
  redis = await startRedis();
  emulator = await startEmulator({ projects: 1, ratePerSecond: VENDOR_RATE });
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await emulator?.stop();
  await redis?.stop();
});

describe.skipIf(!HAS_REDIS)('the per-key rate limit across two worker processes', () => {
  it('keeps every request of one API key within the vendor limit: none is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rate-limit-'));
    const file = connectionsFile(dir, [
      {
        name: 'acme',
        description: 'one key, used by both workers at once',
        active: true,
        ratePerSecond: VENDOR_RATE - 1,
        connection: { serverUrl: emulator.url, apiKey: 'env:ST_KEY', apiVersion: 'v2' },
      },
    ]);
    const args = ['--redis', redis.url, '--connections', file, '--concurrency', '8'];
    const env = { ST_KEY: emulator.apiKey };
    workers = await Promise.all([startWorker('w1', args, env), startWorker('w2', args, env)]);
    const before = { requests: emulator.requests(), admitted: emulator.usage().current };

    const envelopes = await runExecutions(
      redis.client,
      Array.from({ length: EXECUTIONS }, () => ({
        command: 'List Projects',
        inputs: {},
        connection: { name: 'acme' },
      })),
    );

    expect(envelopes.map((envelope) => envelope.returnData)).toEqual(
      Array(EXECUTIONS).fill('Successful'),
    );
    const requests = emulator.requests() - before.requests;
    const admitted = emulator.usage().current - before.admitted;
    expect(requests).toBeGreaterThanOrEqual(EXECUTIONS);
    expect(admitted).toBe(requests);

    const queue = queueOf(redis.client, QUEUES.executions);
    const ranBy = new Set((await queue.getCompleted()).map((job) => job.processedBy));
    await queue.close();
    expect(ranBy).toEqual(new Set(['w1', 'w2']));
  });
});
