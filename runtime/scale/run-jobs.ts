import type { Job } from 'bullmq';
import { HealthScheduler } from '../health/scheduler.js';
import type { CheckResult } from '../health/types.js';
import { runIntake, type IntakeRun } from '../intake/intake.js';
import type { Envelope } from '../types.js';
import { RedisHealthHistory, RedisOutcomeStore } from './health-store.js';
import type { ExecutionJob, FetchRunJob, HealthCheckJob } from './jobs.js';
import { RedisIntakeOutput } from './output.js';
import { RedisStateStore } from './state-store.js';
import { connectionOf, throttled, type WorkContext } from './work-context.js';

/** What a scheduled job returns when it had nothing to do; kept with the job in Redis. */
export interface Skipped {
  skipped: string;
}

/** One command, as `connector.execute` runs it; the envelope is the job's result. */
export async function runExecution(
  job: Job<ExecutionJob>,
  context: WorkContext,
  signal?: AbortSignal,
): Promise<Envelope> {
  const { command, inputs, connection } = job.data;
  const target = connectionOf(connection, context);
  const options = await throttled(target, context, signal);
  return context.connector.execute(command, inputs, target.connection, {
    ...options,
    logger: context.logger,
  });
}

/**
 * One Test Connection of a scheduled connection. A check of the same connection still running
 * elsewhere (a slow check overrunning its interval) makes this tick skip, as the embedded
 * scheduler does: a connection is never checked twice at once.
 */
export async function runHealthCheck(
  job: Job<HealthCheckJob>,
  context: WorkContext,
  signal?: AbortSignal,
): Promise<CheckResult | Skipped> {
  const target = context.connections.get(job.data.connection);
  if (target === undefined || !target.active) {
    return { skipped: `no active connection named "${job.data.connection}" in this worker's file` };
  }
  const lock = await context.locks.acquire(`health:${target.name}`, job.id ?? '');
  if (lock === undefined) return { skipped: 'the previous check is still running' };

  try {
    const options = await throttled(connectionOf({ name: target.name }, context), context, signal);
    const history = new RedisHealthHistory(context.redis).tagged({
      ...(job.id !== undefined && { jobId: job.id }),
      worker: context.worker,
    });
    const scheduler = new HealthScheduler({
      connector: context.connector,
      targets: [target],
      store: new RedisOutcomeStore(context.redis),
      history,
      notifiers: context.notifiers,
      logger: context.logger,
      executeOptions: options,
    });
    return (await scheduler.check(target)) ?? { skipped: 'the previous check is still running' };
  } finally {
    await lock.release();
  }
}

/**
 * One Fetch Incident run of a project: state from Redis, lines to the project's stream. The
 * project lock keeps a second run of the project from starting meanwhile; the lock's token is
 * the job id, so the same job retried after its worker died goes ahead at once.
 */
export async function runFetch(
  job: Job<FetchRunJob>,
  context: WorkContext,
  signal?: AbortSignal,
): Promise<IntakeRun | Skipped> {
  const { project, connection: name } = job.data;
  const target = context.connections.get(name);
  if (target === undefined || !target.active) {
    return { skipped: `no active connection named "${name}" in this worker's file` };
  }
  const lock = await context.locks.acquire(`fetch:${project}`, job.id ?? '');
  if (lock === undefined) return { skipped: `project ${project} is being fetched by another run` };

  try {
    const options = await throttled(connectionOf({ name }, context), context, signal);
    const startTime = target.fetch?.project === project ? target.fetch.startTime : undefined;
    return await runIntake({
      connector: context.connector,
      connection: target.connection,
      projectId: project,
      store: new RedisStateStore(context.redis),
      output: new RedisIntakeOutput(context.redis, project),
      logger: context.logger,
      executeOptions: { ...options, logger: context.logger },
      ...(startTime !== undefined && { startTime }),
    });
  } finally {
    await lock.release();
  }
}
