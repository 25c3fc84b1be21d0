import { describe, expect, it } from 'vitest';
import { useEmulator } from './harness.js';
import type { Json } from './harness.js';

const DAY_MS = 86_400_000;
const parse = (snapshot: string) => Date.parse(`${snapshot.replace(' ', 'T')}Z`);

describe('snapshot advance', () => {
  const api = useEmulator();
  const project = () => api.emulator.projectIds[0] ?? '';

  it('creates a scan one day after the previous one that history and current issues reflect', async () => {
    const before = (await api.get(`/v1/asi/rules/${project()}/recent/issues`)).body.meta.snapshot;
    const info = api.emulator.advanceSnapshot();
    expect(parse(info.snapshot) - parse(before)).toBe(DAY_MS);
    expect(info.time).toBe(parse(info.snapshot));

    const mine = info.projects.find((p) => p.projectId === project());
    expect(mine).toBeDefined();
    expect((mine?.addedRules.length ?? 0) + (mine?.removedRules.length ?? 0)).toBeGreaterThan(0);

    const current = (await api.get(`/v1/asi/rules/${project()}/recent/issues`)).body;
    expect(current.meta.snapshot).toBe(info.snapshot);
    const ids = current.data.map((i: Json) => i.id);
    mine?.addedRules.forEach((id) => expect(ids).toContain(id));
    mine?.removedRules.forEach((id) => expect(ids).not.toContain(id));

    const history = (await api.get(`/v1/asi/rules/history/${project()}/activity`)).body.data;
    const last = history[history.length - 1];
    expect(last).toMatchObject({
      snapshot: info.snapshot,
      previous_snapshot: before,
      risk_score: mine?.riskScore,
    });
    expect(last.added_rules.map((r: Json) => r.id).sort()).toEqual(
      [...(mine?.addedRules ?? [])].sort(),
    );
  });

  it('advances through POST /__emulator/snapshots without an API key', async () => {
    const before = api.emulator.usage().current;
    const response = await fetch(`${api.emulator.url}/__emulator/snapshots`, { method: 'POST' });
    expect(response.status).toBe(201);
    const info = (await response.json()) as Json;
    expect(info.snapshot).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const projects = (await api.get('/v2/projects')).body.data;
    const scanned = projects.find((p: Json) => p.id === project());
    expect(scanned.last_scanned_at).toBe(`${info.snapshot.replace(' ', 'T')}Z`);
    expect(api.emulator.usage().current).toBe(before + 1);
  });

  it('gives a never-scanned project its first snapshot, which finds nothing on its unscanned assets', async () => {
    const unscanned = api.emulator.projectIds[2] ?? '';
    const latest = (await api.get(`/v1/asi/rules/${project()}/recent/issues`)).body.meta.snapshot;
    const issues = (await api.get(`/v1/asi/rules/${unscanned}/recent/issues`)).body;
    expect(issues.meta.snapshot).toBe(latest);
    expect(issues.data).toEqual([]);
    const listed = (await api.get('/v2/projects')).body.data.find((p: Json) => p.id === unscanned);
    expect(listed.last_scanned_at).toBe(`${latest.replace(' ', 'T')}Z`);
  });

  it('reports snapshots, usage and request counts on GET /__emulator/state', async () => {
    const response = await fetch(`${api.emulator.url}/__emulator/state`);
    const state = (await response.json()) as Json;
    expect(state.snapshots).toHaveLength(8);
    expect(state.usage).toEqual(api.emulator.usage());
    expect(state.requests).toBe(api.emulator.requests());
    expect(state.projects.map((p: Json) => p.id)).toEqual(api.emulator.projectIds);
  });

  it('answers unknown control routes with 404', async () => {
    const response = await fetch(`${api.emulator.url}/__emulator/nothing`);
    expect(response.status).toBe(404);
  });
});
