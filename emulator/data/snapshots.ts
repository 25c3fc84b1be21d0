import { hash32, rngFor } from './prng.js';
import { DAY_S } from './time.js';

/**
 * Scan times shared by all projects: weekly going back from the seed's base time, then one per
 * advance, a day after the previous one.
 */
export class Timeline {
  readonly times: number[] = [];

  constructor(seed: number, base: number, initial: number) {
    for (let k = 0; k < initial; k += 1) {
      const weeksBack = initial - 1 - k;
      const jitter = weeksBack === 0 ? 0 : (hash32(seed, k, 0x5a) % 3600) - 1800;
      this.times.push(base - weeksBack * 7 * DAY_S + jitter);
    }
  }

  get latest(): number {
    return this.times.length - 1;
  }

  advance(fallback: number): number {
    const last = this.times[this.times.length - 1];
    this.times.push(last === undefined ? fallback : last + DAY_S);
    return this.latest;
  }
}

/**
 * Which rules are active in each snapshot of one project. The first scan activates a share of the
 * candidate rules; each later scan removes one or two and adds one or two, all decided by
 * (seed, project, snapshot index), so history is the same on every run.
 */
export class ProjectHistory {
  private readonly active: number[][] = [];

  constructor(
    private readonly seed: number,
    private readonly projectIndex: number,
    private readonly candidates: readonly number[],
    readonly firstSnapshot: number,
  ) {}

  rulesAt(k: number): number[] | undefined {
    if (k < this.firstSnapshot || k < 0) return undefined;
    while (this.active.length <= k - this.firstSnapshot) this.extend();
    return this.active[k - this.firstSnapshot];
  }

  private extend(): void {
    const k = this.firstSnapshot + this.active.length;
    const rng = rngFor(this.seed, this.projectIndex, k, 0x155);
    const previous = this.active[this.active.length - 1];
    if (previous === undefined) {
      const first = this.candidates.filter(() => rng() < 0.6);
      if (first.length === 0 && this.candidates.length > 0) first.push(this.candidates[0] ?? 0);
      this.active.push(first);
      return;
    }
    const next = new Set(previous);
    const removable = [...previous];
    const removals = Math.min(removable.length - 1, 1 + Math.floor(rng() * 2));
    for (let r = 0; r < removals; r += 1) {
      const [gone] = removable.splice(Math.floor(rng() * removable.length), 1);
      if (gone !== undefined) next.delete(gone);
    }
    const addable = this.candidates.filter((c) => !previous.includes(c));
    const additions = Math.min(addable.length, 1 + Math.floor(rng() * 2));
    for (let a = 0; a < additions; a += 1) {
      const [added] = addable.splice(Math.floor(rng() * addable.length), 1);
      if (added !== undefined) next.add(added);
    }
    this.active.push([...next].sort((a, b) => a - b));
  }
}
