import { Queue, QueueEvents, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Envelope } from '../types.js';
import { isVaultReference } from './connections.js';
import { PREFIX, QUEUES, type QueueName } from './keys.js';

/**
 * Which connection a job uses: a name in the workers' connections file, or a connection object
 * whose API Key is a vault reference (env:NAME, file:PATH) that each worker resolves. A literal
 * key is never put in a job: jobs sit in Redis, readable by anyone who can read the queue.
 */
export type ConnectionRef = { name: string } | { connection: Record<string, unknown> };

export interface ExecutionJob {
  command: string;
  inputs: Record<string, unknown>;
  connection: ConnectionRef;
}

export interface HealthCheckJob {
  connection: string;
}

export interface FetchRunJob {
  connection: string;
  project: string;
}

/**
 * Executions run once: the envelope already says whether to retry. A fetch run that threw (a
 * state conflict, Redis away) is tried again later; a Failed envelope is not, the next tick
 * fetches the same window anyway. Finished jobs are kept a while for whoever waits on them.
 */
export const JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  [QUEUES.executions]: {
    attempts: 1,
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 24 * 3600 },
  },
  [QUEUES.healthChecks]: {
    attempts: 1,
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 1000 },
  },
  [QUEUES.fetchRuns]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 1000 },
  },
};

export class LiteralKeyError extends Error {
  constructor() {
    super(
      "An execution job must not carry a literal API Key: name a connection of the workers' " +
        'connections file, or give the key as a vault reference (env:NAME or file:PATH).',
    );
    this.name = 'LiteralKeyError';
  }
}

export function queueOf(redis: Redis, name: QueueName): Queue {
  return new Queue(name, {
    connection: redis,
    prefix: PREFIX,
    defaultJobOptions: JOB_OPTIONS[name],
  });
}

/** Puts one execution on the queue; refuses a connection that holds a literal API Key. */
export async function submitExecution(queue: Queue, job: ExecutionJob): Promise<Job> {
  if ('connection' in job.connection && !isVaultReference(job.connection.connection.apiKey)) {
    throw new LiteralKeyError();
  }
  return queue.add('execute', job);
}

/** Submits executions and waits for their envelopes, in the order given. */
export async function runExecutions(redis: Redis, jobs: ExecutionJob[]): Promise<Envelope[]> {
  // Waiting for events is a blocking read: it needs a connection of its own.
  const listener = redis.duplicate();
  const queue = queueOf(redis, QUEUES.executions);
  const events = new QueueEvents(QUEUES.executions, { connection: listener, prefix: PREFIX });
  try {
    await events.waitUntilReady();
    const added = await Promise.all(jobs.map((job) => submitExecution(queue, job)));
    return (await Promise.all(added.map((job) => job.waitUntilFinished(events)))) as Envelope[];
  } finally {
    await events.close();
    await queue.close();
    listener.disconnect();
  }
}
