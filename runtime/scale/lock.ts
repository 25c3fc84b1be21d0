import type { Redis } from 'ioredis';
import { redisKeys } from './keys.js';

/** Takes the lock when it is free or already held with the same token (a retried job). */
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;
const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])
`;
const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])
`;

export interface HeldLock {
  readonly name: string;
  release(): Promise<void>;
}

export interface Locks {
  /** The lock, or undefined while another owner holds it. */
  acquire(name: string, token: string): Promise<HeldLock | undefined>;
}

/**
 * Named locks in Redis with an expiry, renewed while held, so that a process that dies holding
 * one frees it after `ttlMs`. The token is the owner's: a BullMQ job id, so that the job retried
 * on another worker after its first worker died takes over its own lock at once.
 */
export class RedisLocks implements Locks {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
    private readonly onLost: (name: string) => void = () => {},
  ) {}

  async acquire(name: string, token: string): Promise<HeldLock | undefined> {
    const key = redisKeys.lock(name);
    const ttl = String(this.ttlMs);
    const taken = await this.redis.eval(ACQUIRE, 1, key, token, ttl);
    if (taken !== 1) return undefined;

    const renewal = setInterval(() => {
      this.redis.eval(RENEW, 1, key, token, ttl).then(
        (renewed) => renewed === 1 || this.onLost(name),
        () => this.onLost(name),
      );
    }, this.ttlMs / 3);
    renewal.unref();

    return {
      name,
      release: async () => {
        clearInterval(renewal);
        await this.redis.eval(RELEASE, 1, key, token);
      },
    };
  }
}

/** Locks of one process, for the embedded mode where one process does all the work. */
export class MemoryLocks implements Locks {
  private readonly held = new Map<string, string>();

  async acquire(name: string, token: string): Promise<HeldLock | undefined> {
    const holder = this.held.get(name);
    if (holder !== undefined && holder !== token) return undefined;
    this.held.set(name, token);
    return {
      name,
      release: async () => {
        if (this.held.get(name) === token) this.held.delete(name);
      },
    };
  }
}
