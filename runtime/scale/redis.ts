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

/**
 * Connects and waits for Redis to be ready. The first connection error ends the wait, whatever
 * the role, so that a wrong URL is reported at once; the message never shows a password.
 */
export async function openRedis(url: string, role: RedisRole): Promise<Redis> {
  const redis = connectRedis(url, role);
  try {
    await ready(redis);
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new RedisUrlError(
      `Redis at ${describeRedisUrl(url)} does not answer (${(error as Error).message}); ` +
        'start it or correct --redis.',
    );
  }
}

function ready(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      redis.off('ready', settle);
      redis.off('error', settle);
      if (error === undefined) resolve();
      else reject(error);
    };
    redis.once('ready', settle);
    redis.once('error', settle);
  });
}
