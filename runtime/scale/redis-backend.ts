import { JsonLinesHistory } from '../health/history.js';
import type { Backend } from './backend.js';
import { bothHistories, RedisHealthHistory, RedisOutcomeStore } from './health-store.js';
import { RedisLocks } from './lock.js';
import { RedisRateLimiter, throttleFor } from './rate-limiter.js';
import { openRedis } from './redis.js';
import { describeRedisUrl } from './redis-url.js';
import { RedisStateStore } from './state-store.js';

/** A project lock outlives a process that died holding it by this long at most. */
export const PROJECT_LOCK_MS = 30_000;

/**
 * The backend of a fleet: state with compare-and-set, project locks that expire, outcomes and
 * history, and the per-API-key rate limit the workers keep, all in Redis. A history file, when
 * given as well, gets a copy of every line.
 */
export async function openRedisBackend(url: string): Promise<Backend> {
  const redis = await openRedis(url, 'client');
  const locks = new RedisLocks(redis, PROJECT_LOCK_MS);
  const history = new RedisHealthHistory(redis);
  const limiter = new RedisRateLimiter(redis);

  return {
    description: `Redis at ${describeRedisUrl(url)}`,
    fetchState: () => new RedisStateStore(redis),
    lockProject: (projectId, owner) => locks.acquire(`fetch:${projectId}`, owner),
    healthOutcomes: async () => new RedisOutcomeStore(redis),
    healthHistory: (historyFile) =>
      historyFile === undefined
        ? history
        : bothHistories([history, new JsonLinesHistory(historyFile)]),
    requestThrottle: (connection, ratePerSecond) => throttleFor(limiter, connection, ratePerSecond),
    close: async () => {
      await redis.quit();
    },
  };
}
