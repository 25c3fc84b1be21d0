import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { readHealthHistory } from '../../runtime/scale/health-store.js';
import { redisKeys } from '../../runtime/scale/keys.js';
import { runCli } from '../cli/cli.js';
import { closedPort } from '../helpers/ports.js';
import { HAS_REDIS, startRedis, type TestRedis } from './support/redis-server.js';
import { connectionsFile } from './support/workers.js';

let redis: TestRedis;
let emulator: RunningEmulator;
let projectId: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scale-cli-'));
  if (!HAS_REDIS) return;
  redis = await startRedis();
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

function lineCount(path: string): number {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).length : 0;
}

describe.skipIf(!HAS_REDIS)('soar-connector fetch --redis', () => {
  it('keeps the fetch state in Redis, so the next run resumes from it', async () => {
    const state = join(dir, 'unused-state.json');
    const output = join(dir, 'issues.jsonl');
    const args = ['fetch', '--project', projectId, '--redis', redis.url, '--state', state];
    const fetch = [...args, '--output', output, '--connection', connectionFile()];

    const first = await runCli([...fetch, '--start', '2020-01-01']);
    expect(first.code).toBe(0);
    const written = lineCount(output);
    expect(written).toBeGreaterThan(10);
    const second = await runCli(fetch);
    expect(second.stderr).toContain('Fetch Incident: 0 events, 0 incidents');
    expect(lineCount(output)).toBe(written);

    expect(existsSync(state)).toBe(false);
    expect(
      await redis.client.hget(redisKeys.state(`fetch-incident:${projectId}`), 'value'),
    ).toMatch(/snapshot_time/);
  });

  it('does not run while another process holds the project', async () => {
    await redis.client.set(redisKeys.lock(`fetch:${projectId}`), 'a worker job', 'PX', 10_000);
    const run = await runCli([
      'fetch',
      '--project',
      projectId,
      '--redis',
      redis.url,
      '--connection',
      connectionFile(),
    ]);
    await redis.client.del(redisKeys.lock(`fetch:${projectId}`));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Project ${projectId} is being fetched by another process`);
  });
});

describe.skipIf(!HAS_REDIS)('soar-connector health-check --redis', () => {
  it('keeps the outcomes and the history in Redis', async () => {
    const file = connectionsFile(dir, [
      {
        name: 'acme',
        description: 'production',
        active: true,
        connection: { serverUrl: emulator.url, apiKey: emulator.apiKey, apiVersion: 'v2' },
      },
    ]);
    const run = await runCli([
      'health-check',
      '--once',
      '--connections',
      file,
      '--redis',
      redis.url,
    ]);
    expect(run.code).toBe(0);
    expect(await redis.client.hget(redisKeys.outcomes, 'acme')).toBe('Passed');
    expect(await readHealthHistory(redis.client)).toEqual([
      expect.objectContaining({ connection: 'acme', outcome: 'Passed' }),
    ]);
  });
});

describe('soar-connector worker and schedule usage errors', () => {
  it('reports a Redis that does not answer with exit code 2, naming it without its password', async () => {
    const file = connectionsFile(dir, []);
    const url = `redis://:s3cret@127.0.0.1:${await closedPort()}`;
    const run = await runCli(['worker', '--redis', url, '--connections', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does not answer');
    expect(run.stderr).not.toContain('s3cret');
  });

  it('refuses a URL that is not redis://', async () => {
    const file = connectionsFile(dir, []);
    const run = await runCli([
      'schedule',
      '--redis',
      'http://127.0.0.1:6379',
      '--connections',
      file,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('must be a redis:// or rediss:// URL');
  });

  it('names the entry of a connections file whose fetch lacks a project', async () => {
    const file = connectionsFile(dir, [
      { name: 'acme', active: true, connection: {}, fetch: { everyMinutes: 5 } },
    ]);
    const run = await runCli(['schedule', '--redis', 'redis://127.0.0.1:1', '--connections', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('connections[0] ("acme").fetch.project must be a project ID');
  });
});
