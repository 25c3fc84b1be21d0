import type { Redis } from 'ioredis';
import { ConnectorError } from '../errors/connector-error.js';
import type { StateStore } from '../intake/state-store.js';
import { redisKeys } from './keys.js';

/** Saves the value only when the version is still the one the caller loaded. */
const COMPARE_AND_SET = `
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if current ~= tonumber(ARGV[1]) then return -1 end
redis.call('HSET', KEYS[1], 'value', ARGV[2], 'version', current + 1)
return current + 1
`;

/** Another process saved the state between this run's load and its save. */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(
      `The state of ${key} was saved by another run while this one was working; this run's ` +
        'result was not saved and the next run starts from the newer state.',
    );
    this.name = 'StateConflictError';
  }
}

/**
 * The intake's state in Redis, one hash per key with a version number. A save is a
 * compare-and-set against the version the same store loaded, so of two runs that started from
 * the same state only the first to finish advances it; the other fails with StateConflictError
 * and its lines are dropped on replay by the output's delivered set.
 */
export class RedisStateStore implements StateStore {
  private readonly loaded = new Map<string, number>();

  constructor(private readonly redis: Redis) {}

  async load(key: string): Promise<unknown> {
    const [value, version] = await this.redis.hmget(redisKeys.state(key), 'value', 'version');
    this.loaded.set(key, Number(version ?? 0));
    if (value === null || value === undefined) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch (error) {
      throw new ConnectorError(
        'STATE_INVALID',
        `The state of ${key} in Redis is not valid JSON (${(error as Error).message}); it was ` +
          `left as it is. Repair it, or delete ${redisKeys.state(key)} to start again from Start Time.`,
        { details: { key } },
      );
    }
  }

  /** A save with no load before it (a repair tool) compares against the current version. */
  async save(key: string, state: unknown): Promise<void> {
    const redisKey = redisKeys.state(key);
    const expected =
      this.loaded.get(key) ?? Number((await this.redis.hget(redisKey, 'version')) ?? 0);
    const saved = (await this.redis.eval(
      COMPARE_AND_SET,
      1,
      redisKey,
      String(expected),
      JSON.stringify(state),
    )) as number;
    if (saved < 0) throw new StateConflictError(key);
    this.loaded.set(key, saved);
  }
}
