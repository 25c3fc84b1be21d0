import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Connector } from '../connector.js';
import type { Notifier } from '../health/types.js';
import { resolveSecret } from '../secrets.js';
import type { ExecuteOptions } from '../types.js';
import type { ScaleConnection } from './connections.js';
import type { ConnectionRef } from './jobs.js';
import type { Locks } from './lock.js';
import { apiKeyHash, type RateLimiter } from './rate-limiter.js';

/** What every job of a worker shares. */
export interface WorkContext {
  connector: Pick<Connector, 'execute'>;
  redis: Redis;
  /** The workers' connections file, by name. */
  connections: Map<string, ScaleConnection>;
  limiter: RateLimiter;
  locks: Locks;
  logger: Logger;
  notifiers: Notifier[];
  /** This worker's name, recorded with the jobs and checks it runs. */
  worker: string;
  /** Requests per second per API key where the connection gives none; 0 for no limit. */
  ratePerSecond: number;
}

export interface JobConnection {
  connection: Record<string, unknown>;
  ratePerSecond: number;
}

/** The connection a job names; a name the file does not have fails the job for good. */
export function connectionOf(ref: ConnectionRef, context: WorkContext): JobConnection {
  if ('connection' in ref)
    return { connection: ref.connection, ratePerSecond: context.ratePerSecond };
  const entry = context.connections.get(ref.name);
  if (entry === undefined) {
    throw new UnrecoverableError(
      `The workers' connections file has no connection named "${ref.name}".`,
    );
  }
  return {
    connection: entry.connection,
    ratePerSecond: entry.ratePerSecond ?? context.ratePerSecond,
  };
}

/**
 * Execute options that make every request of the execution wait for the API key's turn. The key
 * is resolved here only to name its bucket by a hash; a key that cannot be resolved gets no
 * limiter, and the execution then fails with SECRET_UNRESOLVED as it would anywhere.
 */
export async function throttled(
  target: JobConnection,
  context: WorkContext,
  signal: AbortSignal | undefined,
): Promise<ExecuteOptions> {
  const base: ExecuteOptions = signal === undefined ? {} : { signal };
  if (!(target.ratePerSecond > 0) || typeof target.connection.apiKey !== 'string') return base;

  let apiKey: string;
  try {
    apiKey = await resolveSecret(target.connection.apiKey, 'API Key');
  } catch {
    return base;
  }
  const bucket = apiKeyHash(apiKey);
  return {
    ...base,
    beforeRequest: async (requestSignal) => {
      await context.limiter.take(bucket, target.ratePerSecond, requestSignal);
    },
  };
}
