import type { AssetTable } from './asset-table.js';
import { rngFor } from './prng.js';

export interface TagChange {
  assets: number[];
  add: string[];
  remove: string[];
}

/**
 * Custom tags of one project: the project's tag list and a sparse map from asset to its tags
 * (most assets carry none). `version` changes whenever any asset's tags change, so cached
 * filter results can tell they are stale.
 */
export class ProjectTags {
  private readonly titles = new Set<string>();
  private readonly byAsset = new Map<number, string[]>();
  version = 0;

  constructor(seed: number, projectIndex: number, table: AssetTable, initial: readonly string[]) {
    initial.forEach((title) => this.titles.add(title));
    if (initial.length === 0) return;
    for (let i = 0; i < table.count; i += 1) {
      const rng = rngFor(seed, projectIndex, i, 0x7a6);
      if (rng() >= 0.12) continue;
      const first = initial[Math.floor(rng() * initial.length)] ?? '';
      const second = initial[Math.floor(rng() * initial.length)] ?? first;
      this.byAsset.set(i, [...new Set([first, second])]);
    }
  }

  list(): string[] {
    return [...this.titles].sort();
  }

  has(title: string): boolean {
    return this.titles.has(title);
  }

  define(title: string): void {
    this.titles.add(title);
  }

  of(i: number): string[] {
    return this.byAsset.get(i) ?? [];
  }

  /** Applies a change; unknown tags are created, removing a tag an asset lacks is a no-op. */
  apply(change: TagChange): void {
    change.add.forEach((title) => this.define(title));
    for (const i of change.assets) {
      const next = new Set(this.of(i));
      change.add.forEach((title) => next.add(title));
      change.remove.forEach((title) => next.delete(title));
      if (next.size === 0) this.byAsset.delete(i);
      else this.byAsset.set(i, [...next].sort());
    }
    this.version += 1;
  }
}
