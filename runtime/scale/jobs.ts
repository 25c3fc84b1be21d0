import { randomUUID } from 'node:crypto';
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
  refuseLiteralKey(job);
  return queue.add('execute', job);
}

/**
 * Submits executions and waits for their envelopes, in the order given. A job that failed
 * instead of returning an envelope (a connection name the workers do not know) rejects.
 */
export async function runExecutions(redis: Redis, jobs: ExecutionJob[]): Promise<Envelope[]> {
  jobs.forEach(refuseLiteralKey);
  // Waiting for events is a blocking read: it needs a connection of its own.
  const listener = redis.duplicate({ maxRetriesPerRequest: null });
  const queue = queueOf(redis, QUEUES.executions);
  // Events are read from the stream's current end on, so a job that finishes before the
  // listener's first read is still seen.
  const [last] = await redis.xrevrange(
    `${PREFIX}:${QUEUES.executions}:events`,
    '+',
    '-',
    'COUNT',
    1,
  );
  const events = new QueueEvents(QUEUES.executions, {
    connection: listener,
    prefix: PREFIX,
    lastEventId: last?.[0] ?? '0-0',
  });
  const waiting = new Map<
    string,
    { resolve: (envelope: Envelope) => void; reject: (error: Error) => void }
  >();
  events.on('completed', ({ jobId, returnvalue }) =>
    waiting.get(jobId)?.resolve(returnvalue as unknown as Envelope),
  );
  events.on('failed', ({ jobId, failedReason }) =>
    waiting.get(jobId)?.reject(new Error(`execution job ${jobId} failed: ${failedReason}`)),
  );
  try {
    await events.waitUntilReady();
    const submitted = jobs.map((data) => ({
      name: 'execute',
      data,
      opts: { jobId: randomUUID() },
    }));
    const envelopes = submitted.map(
      ({ opts }) =>
        new Promise<Envelope>((resolve, reject) => waiting.set(opts.jobId, { resolve, reject })),
    );
    await queue.addBulk(submitted);
    return await Promise.all(envelopes);
  } finally {
    await events.close();
    await queue.close();
    listener.disconnect();
  }
}

function refuseLiteralKey(job: ExecutionJob): void {
  if ('connection' in job.connection && !isVaultReference(job.connection.connection.apiKey)) {
    throw new LiteralKeyError();
  }
}
