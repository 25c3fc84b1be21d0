import type { Queue } from 'bullmq';
import type { ScaleConnection } from './connections.js';
import { JOB_OPTIONS } from './jobs.js';
import { QUEUES } from './keys.js';

/** One repeating job: its stable scheduler id, its queue, how often, and what it carries. */
export interface PlannedJob {
  id: string;
  queue: typeof QUEUES.healthChecks | typeof QUEUES.fetchRuns;
  everyMs: number;
  data: { connection: string; project?: string };
}

export interface ScheduleSummary {
  healthChecks: number;
  fetchRuns: number;
  /** Schedulers of connections no longer in the file, or no longer active, that were removed. */
  removed: string[];
}

/** A health check per active connection, and a fetch run per active connection with `fetch`. */
export function planJobs(connections: ScaleConnection[]): PlannedJob[] {
  return connections
    .filter((entry) => entry.active)
    .flatMap((entry): PlannedJob[] => {
      const health: PlannedJob = {
        id: `health:${entry.name}`,
        queue: QUEUES.healthChecks,
        everyMs: Math.round(entry.intervalMinutes * 60_000),
        data: { connection: entry.name },
      };
      if (entry.fetch === undefined) return [health];
      const { project, everyMinutes } = entry.fetch;
      return [
        health,
        {
          id: `fetch:${entry.name}:${project}`,
          queue: QUEUES.fetchRuns,
          everyMs: Math.round(everyMinutes * 60_000),
          data: { connection: entry.name, project },
        },
      ];
    });
}

/**
 * Makes the queues' job schedulers match the plan. A scheduler's id is stable (health:NAME,
 * fetch:NAME:PROJECT) and BullMQ's upsert replaces one with the same id, so running this twice
 * registers each job once; schedulers that the plan no longer has are removed.
 */
export async function applySchedule(
  queues: { healthChecks: Queue; fetchRuns: Queue },
  planned: PlannedJob[],
): Promise<ScheduleSummary> {
  const wanted = new Set(planned.map((job) => job.id));
  for (const job of planned) {
    const queue = job.queue === QUEUES.healthChecks ? queues.healthChecks : queues.fetchRuns;
    const name = job.queue === QUEUES.healthChecks ? 'health-check' : 'fetch';
    await queue.upsertJobScheduler(
      job.id,
      { every: job.everyMs },
      { name, data: job.data, opts: JOB_OPTIONS[job.queue] },
    );
  }

  const removed: string[] = [];
  for (const queue of [queues.healthChecks, queues.fetchRuns]) {
    for (const scheduler of await queue.getJobSchedulers()) {
      if (wanted.has(scheduler.key)) continue;
      await queue.removeJobScheduler(scheduler.key);
      removed.push(scheduler.key);
    }
  }
  return {
    healthChecks: planned.filter((job) => job.queue === QUEUES.healthChecks).length,
    fetchRuns: planned.filter((job) => job.queue === QUEUES.fetchRuns).length,
    removed,
  };
}
