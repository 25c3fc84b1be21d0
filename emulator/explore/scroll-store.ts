import { createHash } from 'node:crypto';
import type { Clock } from '../types.js';

interface Entry<T> {
  owner: string;
  state: T;
  lastUsed: number;
}

/**
 * Scroll cursors by opaque id. Each id stands for one page, so fetching the same id again
 * (a retried request) returns the same page; ids expire `ttlMs` after their last use by the
 * injected clock, and belong to the API key that opened them.
 */
export class ScrollStore<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private issued = 0;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    /** Makes ids differ between stores and seeds; ids stay deterministic within one run. */
    private readonly namespace: string,
  ) {}

  open(owner: string, state: T): string {
    this.prune();
    this.issued += 1;
    const id = createHash('sha256')
      .update(`${this.namespace}:${this.issued}`)
      .digest('hex')
      .slice(0, 32);
    this.entries.set(id, { owner, state, lastUsed: this.clock.now() });
    return id;
  }

  /** The cursor's state, with its lifetime renewed; undefined when expired or unknown. */
  resume(owner: string, id: string): T | undefined {
    this.prune();
    const entry = this.entries.get(id);
    if (entry === undefined || entry.owner !== owner) return undefined;

    entry.lastUsed = this.clock.now();
    return entry.state;
  }

  get size(): number {
    this.prune();
    return this.entries.size;
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [id, entry] of this.entries) {
      if (now - entry.lastUsed >= this.ttlMs) this.entries.delete(id);
    }
  }
}
