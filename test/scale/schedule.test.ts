import type { Queue } from 'bullmq';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ScaleConnection } from '../../runtime/scale/connections.js';
import { LiteralKeyError, queueOf, submitExecution } from '../../runtime/scale/jobs.js';
import { QUEUES } from '../../runtime/scale/keys.js';
import { applySchedule, planJobs } from '../../runtime/scale/schedule.js';
import { HAS_REDIS, startRedis, type TestRedis } from './support/redis-server.js';

let redis: TestRedis;
let queues: { healthChecks: Queue; fetchRuns: Queue; executions: Queue };

beforeAll(async () => {
  if (!HAS_REDIS) return;
  redis = await startRedis();
  queues = {
    healthChecks: queueOf(redis.client, QUEUES.healthChecks),
    fetchRuns: queueOf(redis.client, QUEUES.fetchRuns),
    executions: queueOf(redis.client, QUEUES.executions),
  };
});

afterAll(async () => {
  if (queues) await Promise.all(Object.values(queues).map((queue) => queue.close()));
  await redis?.stop();
});

beforeEach(async () => {
  await redis?.client.flushall();
});

function entry(name: string, extra: Partial<ScaleConnection> = {}): ScaleConnection {
  return {
    name,
    description: '',
    active: true,
    intervalMinutes: 5,
    connection: { serverUrl: 'http://127.0.0.1:9', apiKey: `env:KEY_${name}`, apiVersion: 'v2' },
    ...extra,
  };
}

const FILE = [
  entry('acme', { fetch: { project: 'p-acme', everyMinutes: 15 } }),
  entry('globex'),
  entry('initech', { active: false }),
];

async function pendingJobs(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('waiting', 'delayed', 'active');
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

describe.skipIf(!HAS_REDIS)('registering the schedule in Redis', () => {
  it('plans a health check per active connection and a fetch run where one is asked for', () => {
    expect(planJobs(FILE)).toEqual([
      expect.objectContaining({ id: 'health:acme', everyMs: 300_000 }),
      expect.objectContaining({
        id: 'fetch:acme:p-acme',
        everyMs: 900_000,
        data: { connection: 'acme', project: 'p-acme' },
      }),
      expect.objectContaining({ id: 'health:globex', data: { connection: 'globex' } }),
    ]);
  });

  it('registers each job once when it runs twice', async () => {
    await applySchedule(queues, planJobs(FILE));
    const again = await applySchedule(queues, planJobs(FILE));

    expect(again).toEqual({ healthChecks: 2, fetchRuns: 1, removed: [] });
    expect(await queues.healthChecks.getJobSchedulersCount()).toBe(2);
    expect(await queues.fetchRuns.getJobSchedulersCount()).toBe(1);
    expect(await pendingJobs(queues.healthChecks)).toBe(2);
    expect(await pendingJobs(queues.fetchRuns)).toBe(1);
  });

  it('removes the schedules of a connection made inactive', async () => {
    await applySchedule(queues, planJobs(FILE));
    const changed = FILE.map((item) => (item.name === 'acme' ? { ...item, active: false } : item));
    const summary = await applySchedule(queues, planJobs(changed));

    expect(summary.removed.sort()).toEqual(['fetch:acme:p-acme', 'health:acme']);
    expect(await queues.healthChecks.getJobSchedulersCount()).toBe(1);
    expect(await queues.fetchRuns.getJobSchedulersCount()).toBe(0);
  });

  it('queues only connection names, never a connection or its API Key', async () => {
    await applySchedule(queues, planJobs(FILE));
    const [scheduler] = await queues.healthChecks.getJobSchedulers();
    expect(scheduler?.template?.data).toEqual({ connection: expect.any(String) });
  });
});

describe.skipIf(!HAS_REDIS)('submitting an execution', () => {
  it('refuses a connection that carries a literal API Key', async () => {
    const job = {
      command: 'List Projects',
      inputs: {},
      connection: { connection: { serverUrl: 'http://127.0.0.1:9', apiKey: 'literal-key' } },
    };
    await expect(submitExecution(queues.executions, job)).rejects.toBeInstanceOf(LiteralKeyError);
    expect(await pendingJobs(queues.executions)).toBe(0);
  });

  it('accepts a connection whose API Key is a vault reference', async () => {
    const job = {
      command: 'List Projects',
      inputs: {},
      connection: { connection: { serverUrl: 'http://127.0.0.1:9', apiKey: 'env:ST_KEY' } },
    };
    const added = await submitExecution(queues.executions, job);
    expect(added.data.connection).toEqual(job.connection);
  });
});
