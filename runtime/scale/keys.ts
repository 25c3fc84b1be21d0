/**
 * Names of everything the connector keeps in Redis. BullMQ's queues use the same prefix, so one
 * Redis (or one database of it) can be shared with other applications without collisions.
 */
export const PREFIX = 'soar';

/** One queue per kind of work, so that a backlog of one kind never delays the others. */
export const QUEUES = {
  executions: 'executions',
  healthChecks: 'health-checks',
  fetchRuns: 'fetch-runs',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const redisKeys = {
  /** Hash { value, version } per intake state key (e.g. fetch-incident:<project>). */
  state: (key: string) => `${PREFIX}:state:${key}`,
  lock: (name: string) => `${PREFIX}:lock:${name}`,
  /** Token bucket of one API key, named by a hash of the key: the key itself is never stored. */
  rate: (keyHash: string) => `${PREFIX}:rate:${keyHash}`,
  /** Sorted set of the unique keys delivered for a project, scored by delivery time. */
  delivered: (projectId: string) => `${PREFIX}:intake:${projectId}:delivered`,
  /** Stream of the intake lines of a project, in delivery order: what a SOAR platform reads. */
  intake: (projectId: string) => `${PREFIX}:intake:${projectId}`,
  outcomes: `${PREFIX}:health:outcomes`,
  history: `${PREFIX}:health:history`,
};
