import { HealthConfigError } from '../../health/config.js';
import { readScaleConnections, type ScaleConnection } from '../../scale/connections.js';
import { checkRedisUrl, RedisUrlError } from '../../scale/redis-url.js';
import { UsageError } from '../usage.js';

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
