import { HealthConfigError } from '../../health/config.js';
import { readScaleConnections, type ScaleConnection } from '../../scale/connections.js';
import { checkRedisUrl, RedisUrlError } from '../../scale/redis-url.js';
import { integerOption } from '../options.js';
import { UsageError } from '../usage.js';

/** Requests per second per API key where nothing else sets it: the worker's --rate default. */
export const DEFAULT_RATE_PER_SECOND = 10;

/** Commander parser of --rate: 0 (no limit) to 100 000 requests per second. */
export const rateOption = integerOption(0, 100_000);

/** The options the worker and schedule commands share. */
export interface ScaleOptions {
  redis: string;
  connections: string;
  /** Minutes between health checks where an entry gives none; default 5. */
  interval?: number;
}

/** The connections file and the Redis URL, every problem with either a usage error. */
export async function readScaleOptions(options: ScaleOptions): Promise<ScaleConnection[]> {
  try {
    checkRedisUrl(options.redis);
    return await readScaleConnections(options.connections, options.interval ?? 5);
  } catch (error) {
    if (error instanceof HealthConfigError)
      throw new UsageError(`--connections ${options.connections}: ${error.message}`);
    if (error instanceof RedisUrlError) throw new UsageError(error.message);
    throw error;
  }
}

/** Turns an unreachable Redis into a usage error: the URL or the server needs fixing. */
export async function withRedis<T>(open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof RedisUrlError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * The --rate of a command that shares an API key with the workers only through --redis: the
 * default when not given, and a usage error when given without --redis (nothing to share).
 */
export function rateWithRedis(options: { redis?: string; rate?: number }): number {
  if (options.redis === undefined) {
    if (options.rate !== undefined)
      throw new UsageError('--rate limits requests shared through Redis; give --redis URL too.');
    return 0;
  }
  return options.rate ?? DEFAULT_RATE_PER_SECOND;
}
