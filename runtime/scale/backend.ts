import { JsonLinesHistory, lastOutcomes, type HealthHistory } from '../health/history.js';
import { MemoryOutcomeStore, type OutcomeStore } from '../health/outcome-store.js';
import { FileStateStore, type StateStore } from '../intake/state-store.js';
import { MemoryLocks, type HeldLock } from './lock.js';
import type { RequestThrottle } from './rate-limiter.js';

/**
 * Where the CLI keeps what outlives one run: the Fetch Incident state, the project locks, the
 * health outcomes and history. The embedded backend (the default) keeps them in files and in
 * the process; the Redis backend shares them between every process and machine using the same
 * Redis. Commands ask the backend and never check which one they have.
 */
export interface Backend {
  /** "files on this machine" or "Redis at redis://host:port", for messages. */
  readonly description: string;
  /** `stateFile` is where the embedded backend keeps the state; Redis ignores it. */
  fetchState(stateFile: string): StateStore;
  /** Held while a project is fetched; undefined when another process is fetching it. */
  lockProject(projectId: string, owner: string): Promise<HeldLock | undefined>;
  /** Seeded from the history file when the embedded backend has one. */
  healthOutcomes(historyFile: string | undefined): Promise<OutcomeStore>;
  healthHistory(historyFile: string | undefined): HealthHistory | undefined;
  /**
   * What makes every request with this connection wait for its API key's turn, shared with the
   * workers at `ratePerSecond` (0 for no limit). Undefined from the embedded backend: one
   * process has no one to share the key's limit with.
   */
  requestThrottle(
    connection: Record<string, unknown>,
    ratePerSecond: number,
  ): Promise<RequestThrottle | undefined>;
  close(): Promise<void>;
}

/** The Redis backend when a URL is given, else the embedded one. */
export async function openBackend(redisUrl: string | undefined): Promise<Backend> {
  if (redisUrl === undefined) return embeddedBackend();
  // Loaded on demand: commands that keep their state in files never pay for the Redis client.
  const { openRedisBackend } = await import('./redis-backend.js');
  return openRedisBackend(redisUrl);
}

export function embeddedBackend(): Backend {
  const locks = new MemoryLocks();
  return {
    description: 'files on this machine',
    fetchState: (stateFile) => new FileStateStore(stateFile),
    lockProject: (projectId, owner) => locks.acquire(`fetch:${projectId}`, owner),
    healthOutcomes: async (historyFile) =>
      new MemoryOutcomeStore(historyFile === undefined ? [] : await lastOutcomes(historyFile)),
    healthHistory: (historyFile) =>
      historyFile === undefined ? undefined : new JsonLinesHistory(historyFile),
    requestThrottle: async () => undefined,
    close: async () => {},
  };
}
