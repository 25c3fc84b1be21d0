import { Redis } from 'ioredis';

export type RedisRole = 'worker' | 'client';

export class RedisUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUrlError';
  }
}

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

export function checkRedisUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(`--redis must be a URL such as redis://127.0.0.1:6379; got "${url}".`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new RedisUrlError(
      `--redis must be a redis:// or rediss:// URL; got "${describeRedisUrl(url)}".`,
    );
  }
}

/** The URL as it may be shown: the password, if any, replaced. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(unparsable URL)';
  }
}
