import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { queueOf } from '../../runtime/scale/jobs.js';
import { QUEUES } from '../../runtime/scale/keys.js';
import { readIntake } from '../../runtime/scale/output.js';
import { runCli } from '../cli/cli.js';
import { connection, connector, fastOptions } from '../helpers/connector.js';
import { HAS_REDIS, redisHolds, startRedis, type TestRedis } from './support/redis-server.js';
import {
  connectionsFile,
  exitOf,
  startWorker,
  until,
  type SpawnedWorker,
} from './support/workers.js';

const START = '2020-01-01 00:00';
const HISTORY_ROUTE = 'GET /v1/asi/rules/history/:projectId/activity';

let redis: TestRedis;
let emulator: RunningEmulator;
let projectId: string;
const workers: SpawnedWorker[] = [];

beforeAll(async () => {
  if (!HAS_REDIS) return;
  redis = await startRedis();
  emulator = await startEmulator({ projects: 1, ratePerSecond: 0 });
  projectId = emulator.projectIds[0] ?? '';
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await emulator?.stop();
  await redis?.stop();
});

/** Every issue of the project's whole history, fetched at once: what the stream must hold. */
async function everyIssue(): Promise<string[]> {
  const envelope = await (
    await connector()
  ).execute(
    'Fetch Incident',
    { 'Project ID': projectId, 'Start Time': START },
    connection({ serverUrl: emulator.url, apiKey: emulator.apiKey }),
    fastOptions(),
  );
  const raw = envelope.rawData as {
    Issues: { unique_key: string }[];
    Results: { unique_key: string }[];
  };
  return [
    ...raw.Issues.map((issue) => `event:${issue.unique_key}`),
    ...raw.Results.map((incident) => `incident:${incident.unique_key}`),
  ].sort();
}

async function delivered(): Promise<string[]> {
  return (await readIntake(redis.client, projectId)).map(
    (line) => `${line.type}:${line.unique_key}`,
  );
}

describe.skipIf(!HAS_REDIS)('a worker killed during Fetch Incident', () => {
  it('has its run completed by the other worker, every issue delivered exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fetch-takeover-'));
    const file = connectionsFile(dir, [
      {
        name: 'acme',
        description: 'a literal key, which must stay out of Redis',
        active: true,
        intervalMinutes: 60,
        connection: { serverUrl: emulator.url, apiKey: emulator.apiKey, apiVersion: 'v2' },
        fetch: { project: projectId, everyMinutes: 60, startTime: START },
      },
    ]);
    const args = ['--redis', redis.url, '--connections', file, '--lock-seconds', '2'];
    workers.push(await startWorker('first', args));
    const [first] = workers as [SpawnedWorker];

    expect((await runCli(['schedule', '--redis', redis.url, '--connections', file])).code).toBe(0);
    const firstSnapshots = await everyIssue();
    await until(
      async () => (await delivered()).length === firstSnapshots.length,
      () => first.stderr(),
    );

    emulator.advanceSnapshot();
    emulator.setFaults([{ route: HISTORY_ROUTE, latencyMs: 4000, times: 1 }]);
    const requestsBefore = emulator.requests();
    const fetchRuns = queueOf(redis.client, QUEUES.fetchRuns);
    const job = await fetchRuns.add('fetch', { connection: 'acme', project: projectId });
    await until(
      () => emulator.requests() > requestsBefore,
      () => first.stderr(),
    );
    first.child.kill('SIGKILL');
    await exitOf(first.child);

    workers.push(await startWorker('second', args));
    await until(
      async () => (await fetchRuns.getJob(job.id ?? ''))?.finishedOn !== undefined,
      () => workers.map((worker) => worker.stderr()).join('\n'),
    );
    const finished = await fetchRuns.getJob(job.id ?? '');
    await fetchRuns.close();

    expect(finished?.processedBy).toBe('second');
    expect(finished?.returnvalue).toMatchObject({ returnData: 'Successful', skipped: 0 });
    const lines = await delivered();
    expect(lines.length).toBeGreaterThan(firstSnapshots.length);
    expect(new Set(lines).size).toBe(lines.length);
    expect([...lines].sort()).toEqual(await everyIssue());
    expect(await redisHolds(redis.client, emulator.apiKey)).toBe(false);
  });
});
