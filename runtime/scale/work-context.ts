import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Connector } from '../connector.js';
import type { Notifier } from '../health/types.js';
import type { ExecuteOptions } from '../types.js';
import type { ScaleConnection } from './connections.js';
import type { ConnectionRef } from './jobs.js';
import type { Locks } from './lock.js';
import { throttleFor, type RateLimiter } from './rate-limiter.js';

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

/** Execute options that make every request of the execution wait for the API key's turn. */
export async function throttled(
  target: JobConnection,
  context: WorkContext,
  signal: AbortSignal | undefined,
): Promise<ExecuteOptions> {
  const base: ExecuteOptions = signal === undefined ? {} : { signal };
  const beforeRequest = await throttleFor(context.limiter, target.connection, target.ratePerSecond);
  return beforeRequest === undefined ? base : { ...base, beforeRequest };
}
