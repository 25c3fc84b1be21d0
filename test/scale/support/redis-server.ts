import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { closedPort } from '../../helpers/ports.js';

/** Whether redis-server is installed; the tests that need one skip with a message otherwise. */
export const HAS_REDIS = spawnSync('redis-server', ['--version']).status === 0;

if (!HAS_REDIS) {
  process.stderr.write(
    'redis-server is not installed: the scale-out tests are skipped ' +
      '(apt-get install redis-server; CI installs it in .ci/run).\n',
  );
}

export interface TestRedis {
  url: string;
  /** A client for assertions; closed by stop(). */
  client: Redis;
  stop(): Promise<void>;
}

/** A redis-server of the test's own on a free loopback port, without persistence. */
export async function startRedis(): Promise<TestRedis> {
  const port = await closedPort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await ready(server);
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  return {
    url,
    client,
    stop: async () => {
      client.disconnect();
      server.kill('SIGTERM');
      if (server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
    },
  };
}

function ready(server: ChildProcess): Promise<void> {
  let seen = '';
  return new Promise((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Ready to accept connections')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${seen}`)));
  });
}

/** Whether any key name or value in Redis contains `text`: a secret must never be found. */
export async function redisHolds(client: Redis, text: string): Promise<boolean> {
  for (const key of await client.keys('*')) {
    if (key.includes(text)) return true;
    const type = await client.type(key);
    const read: Record<string, () => Promise<unknown>> = {
      string: () => client.get(key),
      hash: () => client.hgetall(key),
      list: () => client.lrange(key, 0, -1),
      set: () => client.smembers(key),
      zset: () => client.zrange(key, 0, -1),
      stream: () => client.xrange(key, '-', '+'),
    };
    const value = await (read[type] ?? (async () => ''))();
    if (JSON.stringify(value).includes(text)) return true;
  }
  return false;
}
