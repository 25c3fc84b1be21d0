import { describe, expect, it } from 'vitest';
import { World } from '../../../emulator/data/world.js';
import { SIGNATURES } from '../../../emulator/data/signatures.js';

const options = {
  seed: 5,
  projects: 3,
  assetsPerProject: [400, 60, 10],
  snapshots: 4,
  taggingDelayMs: 0,
};

describe('World', () => {
  it('builds the same projects, assets and history from the same seed', () => {
    const a = new World(options);
    const b = new World(options);
    expect(a.projects.map((p) => p.profile.id)).toEqual(b.projects.map((p) => p.profile.id));
    expect(a.projects[0]?.table.names).toEqual(b.projects[0]?.table.names);
    expect(Array.from(a.projects[0]?.table.score ?? [])).toEqual(
      Array.from(b.projects[0]?.table.score ?? []),
    );
    expect(a.timeline.times).toEqual(b.timeline.times);
    expect(a.projects[0]?.history.rulesAt(3)).toEqual(b.projects[0]?.history.rulesAt(3));
  });

  it('builds different data from another seed', () => {
    const a = new World(options);
    const b = new World({ ...options, seed: 6 });
    expect(a.projects[0]?.profile.id).not.toBe(b.projects[0]?.profile.id);
    expect(a.timeline.times).not.toEqual(b.timeline.times);
  });

  it('places snapshots a week apart before the base date and a day apart after each advance', () => {
    const world = new World(options);
    const [t0, t1, t2, t3] = world.timeline.times;
    expect(t3).toBe(world.base);
    expect(Math.round(((t1 ?? 0) - (t0 ?? 0)) / 86_400)).toBe(7);
    expect(Math.round(((t3 ?? 0) - (t2 ?? 0)) / 86_400)).toBe(7);
    const info = world.advanceSnapshot();
    expect(info.index).toBe(4);
    expect(info.time / 1000 - world.base).toBe(86_400);
  });

  it('gives every asset a unique name and holds at most one byte per exposure', () => {
    const world = new World({ ...options, assetsPerProject: [5000, 10, 10] });
    const table = world.projects[0]?.table;
    expect(new Set(table?.names).size).toBe(5000);
    expect(table?.exposureSignatures).toBeInstanceOf(Uint8Array);
    expect(SIGNATURES.length).toBeLessThan(256);
  });

  it('keeps the signature-to-asset index consistent with each asset exposures', () => {
    const project = new World(options).projects[0];
    if (project === undefined) throw new Error('no project');
    SIGNATURES.forEach((_, s) => {
      for (const i of project.signatureAssets[s] ?? []) {
        expect(project.table.signatureIndexes(i)).toContain(s);
      }
    });
  });

  it('never gives unscanned assets an exposure score or exposures', () => {
    const { table } = new World(options).projects[0] ?? { table: undefined };
    for (let i = 0; i < (table?.count ?? 0); i += 1) {
      if (table?.scanned[i] !== 0) continue;
      expect(table.scoreOf(i)).toBeNull();
      expect(table.signatureIndexes(i)).toEqual([]);
    }
  });
});
