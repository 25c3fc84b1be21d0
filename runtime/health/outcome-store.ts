import type { CheckOutcome } from './types.js';

/**
 * The last outcome of each connection, which decides whether a check is a first failure or a
 * recovery. Asynchronous so that a shared store (Redis) can replace the in-memory one when
 * several schedulers check the same connections.
 */
export interface OutcomeStore {
  get(connection: string): Promise<CheckOutcome | undefined>;
  set(connection: string, outcome: CheckOutcome): Promise<void>;
}

export class MemoryOutcomeStore implements OutcomeStore {
  private readonly outcomes: Map<string, CheckOutcome>;

  /** `initial` seeds the store, e.g. from the history file, so a restart does not re-notify. */
  constructor(initial: Iterable<[string, CheckOutcome]> = []) {
    this.outcomes = new Map(initial);
  }

  async get(connection: string): Promise<CheckOutcome | undefined> {
    return this.outcomes.get(connection);
  }

  async set(connection: string, outcome: CheckOutcome): Promise<void> {
    this.outcomes.set(connection, outcome);
  }
}
