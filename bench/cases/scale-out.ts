import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { loadConnector } from '../../runtime/connector.js';
import { createLogger } from '../../runtime/logging.js';
import { packageRoot } from '../../runtime/manifest/locate.js';
import { runExecutions, type ExecutionJob } from '../../runtime/scale/jobs.js';
import { result, type BenchResult } from '../harness.js';
import { HAS_REDIS_SERVER, startRedisServer } from '../redis-server.js';

const WARMUP = 40;
const CONCURRENCY = 10;
/** What a vendor API answer can take over the internet; the emulator answers in about 1 ms. */
const VENDOR_LATENCY_MS = 250;
/** Executions measured with and without the latency: each run lasts a few seconds. */
const EXECUTIONS = { slow: 300, fast: 600 };

/**
 * Executions per second through the Redis queue with one worker process, then with two, each
 * with the same concurrency, against the emulator with no rate limit. With a vendor's latency
 * a worker is bound by its concurrency, which a second worker doubles; without it the machine's
 * CPUs, shared by the workers, Redis and the emulator, are the limit.
 */
export async function scaleOut(): Promise<BenchResult[]> {
  if (!HAS_REDIS_SERVER) {
    process.stderr.write('scale-out skipped: redis-server is not installed.\n');
    return [];
  }
  const server = await startRedisServer();
  const emulator = await startEmulator({
    projects: 1,
    assetsPerProject: [2000],
    ratePerSecond: 0,
    monthlyQuota: 100_000_000,
  });
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  try {
    const jobs = await assetDetailJobs(emulator);
    const file = connectionsFile(emulator);
    const measure = async (latencyMs: number, executions: number) => {
      emulator.setFaults(latencyMs > 0 ? [{ latencyMs }] : []);
      const one = await throughput(server.url, file, 1, jobs, executions, redis);
      const two = await throughput(server.url, file, 2, jobs, executions, redis);
      return { one, two };
    };
    const slow = await measure(VENDOR_LATENCY_MS, EXECUTIONS.slow);
    const fast = await measure(0, EXECUTIONS.fast);
    const note = (executions: number) =>
      `${executions} Get Asset Details, concurrency ${CONCURRENCY} per worker`;
    return [
      result(
        'scale-out one worker',
        'executions/s',
        slow.one,
        null,
        `${note(EXECUTIONS.slow)}, ${VENDOR_LATENCY_MS} ms vendor latency`,
      ),
      result(
        'scale-out two workers vs one',
        'executions/s',
        slow.two,
        slow.one,
        `${note(EXECUTIONS.slow)}, ${VENDOR_LATENCY_MS} ms vendor latency`,
      ),
      result(
        'scale-out two workers vs one, no latency',
        'executions/s',
        fast.two,
        fast.one,
        `${note(EXECUTIONS.fast)}, no latency; ${cpus().length} CPUs shared by the workers, Redis and the emulator`,
      ),
    ];
  } finally {
    redis.disconnect();
    await emulator.stop();
    await server.stop();
  }
}

async function throughput(
  url: string,
  file: string,
  count: number,
  jobs: (size: number) => ExecutionJob[],
  executions: number,
  redis: Redis,
): Promise<number> {
  const workers = await Promise.all(
    Array.from({ length: count }, (_, index) => startWorker(url, file, `bench-${index}`)),
  );
  try {
    await runExecutions(redis, jobs(WARMUP));
    const started = performance.now();
    const envelopes = await runExecutions(redis, jobs(executions));
    const seconds = (performance.now() - started) / 1000;
    const failed = envelopes.filter((envelope) => envelope.returnData !== 'Successful');
    if (failed.length > 0) throw new Error(`${failed.length} executions failed`);
    return executions / seconds;
  } finally {
    await Promise.all(workers.map(stopWorker));
  }
}

async function assetDetailJobs(
  emulator: RunningEmulator,
): Promise<(size: number) => ExecutionJob[]> {
  const connector = await loadConnector();
  const projectId = emulator.projectIds[0];
  const listing = await connector.execute(
    'Find Assets',
    { 'Project ID': projectId, Limit: 1000, 'Start Time': '2000-01-01', 'End Time': '2100-01-01' },
    { serverUrl: emulator.url, apiKey: emulator.apiKey, apiVersion: 'v2' },
    { logger: createLogger({ level: 'warn', sink: { write: () => true } }) },
  );
  const assetIds = (listing.keyFields?.['Asset IDs'] as string[] | undefined) ?? [];
  if (assetIds.length === 0) throw new Error('no assets to query');
  return (size) =>
    Array.from({ length: size }, (_, index) => ({
      command: 'Get Asset Details',
      inputs: {
        'Project ID': projectId,
        'Asset ID': assetIds[index % assetIds.length],
        'Additional Fields': 'custom_tags,dns_records,whois',
      },
      connection: { name: 'bench' },
    }));
}

function connectionsFile(emulator: RunningEmulator): string {
  const path = join(mkdtempSync(join(tmpdir(), 'scale-out-')), 'connections.json');
  const connection = { serverUrl: emulator.url, apiKey: 'env:ST_BENCH_KEY', apiVersion: 'v2' };
  writeFileSync(
    path,
    JSON.stringify({ connections: [{ name: 'bench', active: true, connection }] }),
  );
  process.env.ST_BENCH_KEY = emulator.apiKey;
  return path;
}

function startWorker(url: string, file: string, name: string): Promise<ChildProcess> {
  const main = join(packageRoot(), 'dist', 'runtime', 'cli', 'main.js');
  const args = ['worker', '--redis', url, '--connections', file, '--name', name, '--rate', '0'];
  const child = spawn(process.execPath, [main, ...args, '--concurrency', String(CONCURRENCY)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('consuming executions')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker ${name} exited with ${code}: ${seen}`)));
  });
}

function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
