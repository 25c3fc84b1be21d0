import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHash, RedisRateLimiter } from '../../runtime/scale/rate-limiter.js';
import { HAS_REDIS, startRedis, type TestRedis } from './support/redis-server.js';

let redis: TestRedis;
let second: Redis;

beforeAll(async () => {
  if (!HAS_REDIS) return;
  redis = await startRedis();
  second = new Redis(redis.url);
  await second.ping();
});

afterAll(async () => {
  second?.disconnect();
  await redis?.stop();
});

/** A limiter that records each wait instead of sleeping, as a worker's would wait. */
function recordingLimiter(client: Redis): { limiter: RedisRateLimiter; waits: number[] } {
  const waits: number[] = [];
  const limiter = new RedisRateLimiter(client, async (ms) => {
    waits.push(ms);
  });
  return { limiter, waits };
}

describe.skipIf(!HAS_REDIS)('the per-API-key rate limiter', () => {
  it('spreads the requests of one key from two workers evenly at the rate', async () => {
    const key = apiKeyHash('key-shared-by-two-workers');
    const workers = [recordingLimiter(redis.client), recordingLimiter(second)];

    const waits = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (workers[index % 2] ?? workers[0])?.limiter.take(key, 5),
      ),
    );

    // Slot i is i * 200 ms after the first, less the time its call took to reach Redis; the
    // margin allows for a slow machine, while waits of zero (no limiter) still fail from slot 4.
    const sorted = waits.map(Number).sort((a, b) => a - b);
    sorted.forEach((wait, index) => {
      expect(wait).toBeLessThanOrEqual(index * 200);
      expect(wait).toBeGreaterThan(index * 200 - 600);
    });
  });

  it('gives every API key its own schedule', async () => {
    const { limiter } = recordingLimiter(redis.client);
    await limiter.take(apiKeyHash('busy-key'), 1);
    expect(await limiter.take(apiKeyHash('busy-key'), 1)).toBeGreaterThan(500);
    expect(await limiter.take(apiKeyHash('idle-key'), 1)).toBe(0);
  });

  it('does not limit a key whose rate is 0', async () => {
    const { limiter } = recordingLimiter(redis.client);
    for (let index = 0; index < 5; index += 1) {
      expect(await limiter.take(apiKeyHash('unlimited-key'), 0)).toBe(0);
    }
  });

  it('names buckets by a hash, so the API key never reaches Redis', async () => {
    const apiKey = 'sk-LEAKCHECK-rate-limiter-key';
    await recordingLimiter(redis.client).limiter.take(apiKeyHash(apiKey), 5);
    const keys = await redis.client.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain(apiKey);
    for (const name of keys) expect(await redis.client.get(name)).not.toContain(apiKey);
  });
});
