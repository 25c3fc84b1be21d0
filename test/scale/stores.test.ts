import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IntakeLine } from '../../runtime/intake/output.js';
import { redisKeys } from '../../runtime/scale/keys.js';
import { RedisLocks } from '../../runtime/scale/lock.js';
import { readIntake, RedisIntakeOutput } from '../../runtime/scale/output.js';
import { RedisStateStore, StateConflictError } from '../../runtime/scale/state-store.js';
import { HAS_REDIS, startRedis, type TestRedis } from './support/redis-server.js';

let redis: TestRedis;

beforeAll(async () => {
  if (HAS_REDIS) redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

beforeEach(async () => {
  await redis?.client.flushall();
});

function line(type: IntakeLine['type'], key: string | null): IntakeLine {
  return { type, unique_key: key, fields: { title: `issue ${key ?? 'without key'}` } };
}

describe.skipIf(!HAS_REDIS)('the fetch state in Redis', () => {
  it('keeps a saved state for the next run to load', async () => {
    await new RedisStateStore(redis.client).save('fetch-incident:p1', { fetchState: { a: 1 } });
    expect(await new RedisStateStore(redis.client).load('fetch-incident:p1')).toEqual({
      fetchState: { a: 1 },
    });
    expect(await new RedisStateStore(redis.client).load('fetch-incident:p2')).toBeUndefined();
  });

  it('refuses the save of a run whose state another run advanced since it loaded', async () => {
    const first = new RedisStateStore(redis.client);
    const second = new RedisStateStore(redis.client);
    await first.load('fetch-incident:p1');
    await second.load('fetch-incident:p1');

    await first.save('fetch-incident:p1', { fetchState: 'from the first run' });
    await expect(second.save('fetch-incident:p1', { fetchState: 'stale' })).rejects.toBeInstanceOf(
      StateConflictError,
    );
    expect(await first.load('fetch-incident:p1')).toEqual({ fetchState: 'from the first run' });
  });

  it('lets a run save twice in a row after its own load', async () => {
    const store = new RedisStateStore(redis.client);
    await store.load('fetch-incident:p1');
    await store.save('fetch-incident:p1', { fetchState: 1 });
    await store.save('fetch-incident:p1', { fetchState: 2 });
    expect(await store.load('fetch-incident:p1')).toEqual({ fetchState: 2 });
  });

  it('fails with STATE_INVALID on a state that is not JSON, and leaves it as it is', async () => {
    await redis.client.hset(redisKeys.state('fetch-incident:p1'), 'value', '{oops', 'version', 3);
    await expect(new RedisStateStore(redis.client).load('fetch-incident:p1')).rejects.toMatchObject(
      { code: 'STATE_INVALID' },
    );
    expect(await redis.client.hget(redisKeys.state('fetch-incident:p1'), 'value')).toBe('{oops');
  });
});

describe.skipIf(!HAS_REDIS)('project locks in Redis', () => {
  it('refuses a second owner and admits the same owner again, as a retried job', async () => {
    const locks = new RedisLocks(redis.client, 10_000);
    const held = await locks.acquire('fetch:p1', 'job-1');
    expect(held).toBeDefined();
    expect(await locks.acquire('fetch:p1', 'job-2')).toBeUndefined();
    expect(await locks.acquire('fetch:p1', 'job-1')).toBeDefined();

    await held?.release();
    expect(await locks.acquire('fetch:p1', 'job-2')).toBeDefined();
  });

  it('frees the lock of an owner that died without releasing it once its expiry passes', async () => {
    await redis.client.set(redisKeys.lock('fetch:p1'), 'dead-job', 'PX', 50);
    const locks = new RedisLocks(redis.client, 10_000);
    expect(await locks.acquire('fetch:p1', 'job-2')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await locks.acquire('fetch:p1', 'job-2')).toBeDefined();
  });

  it('does not release a lock that another owner holds', async () => {
    const locks = new RedisLocks(redis.client, 10_000);
    const held = await locks.acquire('health:a', 'job-1');
    await redis.client.set(redisKeys.lock('health:a'), 'job-2');
    await held?.release();
    expect(await redis.client.get(redisKeys.lock('health:a'))).toBe('job-2');
  });
});

describe.skipIf(!HAS_REDIS)('the intake stream in Redis', () => {
  it('delivers each unique key once, whichever writer and however often it is written', async () => {
    const one = new RedisIntakeOutput(redis.client, 'p1');
    const other = new RedisIntakeOutput(redis.client, 'p1');
    await one.write([line('event', 'a'), line('event', 'b'), line('incident', 'a')]);
    await other.write([line('event', 'b'), line('event', 'c')]);
    await one.write([line('event', 'a'), line('incident', 'a')]);

    const delivered = (await readIntake(redis.client, 'p1')).map(
      (entry) => `${entry.type}:${entry.unique_key}`,
    );
    expect(delivered).toEqual(['event:a', 'event:b', 'incident:a', 'event:c']);
  });

  it('always delivers lines without a unique key, which cannot be recognised again', async () => {
    const output = new RedisIntakeOutput(redis.client, 'p1');
    await output.write([line('event', null)]);
    await output.write([line('event', null)]);
    expect(await readIntake(redis.client, 'p1')).toHaveLength(2);
  });

  it('keeps projects apart', async () => {
    await new RedisIntakeOutput(redis.client, 'p1').write([line('event', 'a')]);
    await new RedisIntakeOutput(redis.client, 'p2').write([line('event', 'a')]);
    expect(await readIntake(redis.client, 'p2')).toHaveLength(1);
  });

  it('delivers a key again once it is older than the remembered window', async () => {
    const output = new RedisIntakeOutput(redis.client, 'p1', { rememberMs: 1 });
    await output.write([line('event', 'a')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await output.write([line('event', 'b')]);
    await output.write([line('event', 'a')]);
    expect(await readIntake(redis.client, 'p1')).toHaveLength(3);
  });
});
