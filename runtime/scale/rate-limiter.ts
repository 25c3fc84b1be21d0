import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { defaultSleep } from '../http/retry.js';
import { resolveSecret } from '../secrets.js';
import type { ExecuteOptions } from '../types.js';
import { redisKeys } from './keys.js';

/**
 * Reserves the next free slot of an API key and returns how long to wait for it, in
 * microseconds. Slots are `interval` apart on Redis's clock, so every worker on every machine
 * draws from the same schedule whatever its own clock says. No burst: requests are spread
 * evenly, which keeps a fixed one-second window at the vendor within the rate as well.
 */
const RESERVE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
if slot < now then slot = now end
redis.call('SET', KEYS[1], slot + interval, 'PX', math.ceil((slot + interval - now) / 1000) + 1000)
return slot - now
`;

/** The name a key's bucket goes by: a SHA-256 of the key, so Redis never holds the key itself. */
export function apiKeyHash(apiKey: string): string {
  return createHash('sha256').update(`securitytrails:${apiKey}`).digest('hex').slice(0, 32);
}

export interface RateLimiter {
  /** Waits for the key's next slot; `perSecond` 0 or less means no limit. */
  take(keyHash: string, perSecond: number, signal?: AbortSignal): Promise<number>;
}

/** A per-API-key rate limit shared by every worker that uses the same Redis. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = defaultSleep,
  ) {}

  /** Resolves when the slot comes; returns the wait in milliseconds. */
  async take(keyHash: string, perSecond: number, signal?: AbortSignal): Promise<number> {
    if (!(perSecond > 0)) return 0;
    const interval = Math.ceil(1_000_000 / perSecond);
    const waitMicros = (await this.redis.eval(
      RESERVE,
      1,
      redisKeys.rate(keyHash),
      String(interval),
    )) as number;
    const waitMs = waitMicros / 1000;
    if (waitMs > 0) await this.sleep(waitMs, signal);
    return waitMs;
  }
}

/** Awaited before every request of an execution: `ExecuteOptions.beforeRequest`. */
export type RequestThrottle = NonNullable<ExecuteOptions['beforeRequest']>;

/**
 * Makes every request with this connection wait for its API key's turn. The key is resolved
 * here only to name its bucket by a hash. A rate of 0, a connection without a key, or a key that
 * cannot be resolved gets no throttle; the execution then fails with SECRET_UNRESOLVED as it
 * would anywhere.
 */
export async function throttleFor(
  limiter: RateLimiter,
  connection: Record<string, unknown>,
  perSecond: number,
): Promise<RequestThrottle | undefined> {
  if (!(perSecond > 0) || typeof connection.apiKey !== 'string') return undefined;

  let apiKey: string;
  try {
    apiKey = await resolveSecret(connection.apiKey, 'API Key');
  } catch {
    return undefined;
  }
  const bucket = apiKeyHash(apiKey);
  return async (signal) => {
    await limiter.take(bucket, perSecond, signal);
  };
}
