import type { Redis } from 'ioredis';
import type { HealthHistory } from '../health/history.js';
import type { OutcomeStore } from '../health/outcome-store.js';
import type { CheckOutcome, CheckResult } from '../health/types.js';
import { redisKeys } from './keys.js';

/** A history line as kept in Redis: the check, and which job and worker ran it. */
export type RecordedCheck = CheckResult & { jobId?: string; worker?: string };

/** The last outcome per connection in one Redis hash, shared by every worker. */
export class RedisOutcomeStore implements OutcomeStore {
  constructor(private readonly redis: Redis) {}

  async get(connection: string): Promise<CheckOutcome | undefined> {
    const outcome = await this.redis.hget(redisKeys.outcomes, connection);
    return outcome === 'Passed' || outcome === 'Failed' ? outcome : undefined;
  }

  async set(connection: string, outcome: CheckOutcome): Promise<void> {
    await this.redis.hset(redisKeys.outcomes, connection, outcome);
  }
}

/**
 * The health history as a Redis stream, capped near `maxLength` entries (about 100 000 by
 * default: two weeks of 200 connections checked every hour). `tags` are added to every line.
 */
export class RedisHealthHistory implements HealthHistory {
  constructor(
    private readonly redis: Redis,
    private readonly tags: { jobId?: string; worker?: string } = {},
    private readonly maxLength = 100_000,
  ) {}

  /** The same history, each line tagged with the job and worker that ran the check. */
  tagged(tags: { jobId?: string; worker?: string }): RedisHealthHistory {
    return new RedisHealthHistory(this.redis, { ...this.tags, ...tags }, this.maxLength);
  }

  async append(result: CheckResult): Promise<void> {
    const line: RecordedCheck = { ...result, ...this.tags };
    await this.redis.xadd(
      redisKeys.history,
      'MAXLEN',
      '~',
      String(this.maxLength),
      '*',
      'check',
      JSON.stringify(line),
    );
  }
}

/** Every check in the Redis history, oldest first. */
export async function readHealthHistory(redis: Redis): Promise<RecordedCheck[]> {
  const entries = await redis.xrange(redisKeys.history, '-', '+');
  return entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as RecordedCheck);
}

/** Several histories at once: Redis for the fleet and a local file for the operator. */
export function bothHistories(histories: HealthHistory[]): HealthHistory {
  return {
    append: async (result) => {
      await Promise.all(histories.map((history) => history.append(result)));
    },
  };
}
