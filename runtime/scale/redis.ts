import { Redis } from 'ioredis';
import { checkRedisUrl, describeRedisUrl, RedisUrlError } from './redis-url.js';

export type RedisRole = 'worker' | 'client';

/**
 * Opens a connection from a redis:// or rediss:// URL. A worker's connection retries commands
 * for as long as Redis is away (BullMQ needs that for its blocking reads); a client's gives up
 * after a few tries, so that a command line tool reports an unreachable Redis instead of hanging.
 */
export function connectRedis(url: string, role: RedisRole): Redis {
  checkRedisUrl(url);
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 2,
    connectTimeout: 5_000,
    lazyConnect: false,
  });
}

/** Connects and waits for Redis to answer; the error names the server, never its password. */
export async function openRedis(url: string, role: RedisRole): Promise<Redis> {
  const redis = connectRedis(url, role);
  try {
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new RedisUrlError(
      `Redis at ${describeRedisUrl(url)} does not answer (${(error as Error).message}); ` +
        'start it or correct --redis.',
    );
  }
}
