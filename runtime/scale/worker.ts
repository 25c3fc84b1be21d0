import { Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Connector } from '../connector.js';
import type { Notifier } from '../health/types.js';
import type { ScaleConnection } from './connections.js';
import type { ExecutionJob, FetchRunJob, HealthCheckJob } from './jobs.js';
import { PREFIX, QUEUES, type QueueName } from './keys.js';
import { RedisLocks } from './lock.js';
import { RedisRateLimiter } from './rate-limiter.js';
import { openRedis } from './redis.js';
import { runExecution, runFetch, runHealthCheck } from './run-jobs.js';
import type { WorkContext } from './work-context.js';

export interface WorkerOptions {
  redisUrl: string;
  connector: Pick<Connector, 'execute'>;
  connections: ScaleConnection[];
  /** Jobs of each queue this process runs at once. */
  concurrency: number;
  /**
   * How long a job stays claimed by a worker that stopped answering before another worker takes
   * it over; BullMQ renews the claim every half of it while the job runs. 30 s by default.
   */
  lockMs?: number;
  /** Requests per second per API key across all workers, where a connection gives none. */
  ratePerSecond: number;
  name: string;
  logger: Logger;
  notifiers: Notifier[];
}

export interface RunningWorker {
  /** Stops taking jobs and waits for the running ones to finish. */
  close(): Promise<void>;
}

/** Consumes the three queues: executions, health checks and fetch runs. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const lockMs = options.lockMs ?? 30_000;
  const redis = await openRedis(options.redisUrl, 'worker');
  const logger = options.logger.child({ worker: options.name });
  const context: WorkContext = {
    connector: options.connector,
    redis,
    connections: new Map(options.connections.map((entry) => [entry.name, entry])),
    limiter: new RedisRateLimiter(redis),
    locks: new RedisLocks(redis, lockMs, (name) =>
      logger.warn({ lock: name }, 'lock lost while its job was running'),
    ),
    logger,
    notifiers: options.notifiers,
    worker: options.name,
    ratePerSecond: options.ratePerSecond,
  };

  const consume = (queue: QueueName, run: (job: Job, signal?: AbortSignal) => Promise<unknown>) => {
    const worker = new Worker(
      queue,
      async (job: Job, _token?: string, signal?: AbortSignal) => {
        const started = Date.now();
        const result = await run(job, signal);
        logger.info({ queue, jobId: job.id, durationMs: Date.now() - started }, 'job finished');
        return result;
      },
      {
        connection: redis,
        prefix: PREFIX,
        name: options.name,
        concurrency: options.concurrency,
        lockDuration: lockMs,
        stalledInterval: lockMs,
        // A job whose worker died is taken over twice at most before it is marked failed.
        maxStalledCount: 2,
      },
    );
    worker.on('failed', (job, error) =>
      logger.warn({ queue, jobId: job?.id, err: error }, 'job failed'),
    );
    worker.on('error', (error) => logger.error({ queue, err: error }, 'worker error'));
    return worker;
  };

  const workers = [
    consume(QUEUES.executions, (job, signal) =>
      runExecution(job as Job<ExecutionJob>, context, signal),
    ),
    consume(QUEUES.healthChecks, (job, signal) =>
      runHealthCheck(job as Job<HealthCheckJob>, context, signal),
    ),
    consume(QUEUES.fetchRuns, (job, signal) => runFetch(job as Job<FetchRunJob>, context, signal)),
  ];
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));

  return {
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
      await redis.quit();
    },
  };
}
