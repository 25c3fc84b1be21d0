import { describe, expect, it } from 'vitest';
import { hasRecorded, keysOf, recorded, useEmulator } from './harness.js';
import type { Json } from './harness.js';

const SNAPSHOT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const toUnix = (snapshot: string) => Date.parse(`${snapshot.replace(' ', 'T')}Z`) / 1000;

describe('Get Current Issues', () => {
  const api = useEmulator();
  const project = () => api.emulator.projectIds[0] ?? '';

  it('returns the latest snapshot issues with counts per classification', async () => {
    const reply = await api.get(`/v1/asi/rules/${project()}/recent/issues`);
    expect(reply.status).toBe(200);
    const { data, meta } = reply.body;
    expect(data.length).toBeGreaterThan(0);
    expect(meta.snapshot).toMatch(SNAPSHOT);
    expect(meta.project_id).toBe(project());
    for (const level of ['high', 'moderate', 'informational']) {
      expect(meta.counts[level]).toBe(data.filter((i: Json) => i.classification === level).length);
    }
  });

  it('serves an older snapshot by its YYYY-MM-DD HH:MM:SS text', async () => {
    const history = (await api.get(`/v1/asi/rules/history/${project()}/activity`)).body.data;
    const older = history[1].snapshot as string;
    const reply = await api.get(`/v1/asi/rules/${project()}/${encodeURIComponent(older)}/issues`);
    expect(reply.status).toBe(200);
    expect(reply.body.meta.snapshot).toBe(older);
  });

  it('answers 404 for a snapshot that does not exist and 400 for one that does not parse', async () => {
    const missing = await api.get(
      `/v1/asi/rules/${project()}/${encodeURIComponent('2001-01-01 00:00:00')}/issues`,
    );
    expect(missing).toMatchObject({ status: 404, body: { message: 'Snapshot Not Found.' } });
    expect((await api.get(`/v1/asi/rules/${project()}/yesterday/issues`)).status).toBe(400);
  });

  it('answers 404 "Project ID Not Found." for an unknown project', async () => {
    const reply = await api.get('/v1/asi/rules/not-a-project/recent/issues');
    expect(reply).toMatchObject({ status: 404, body: { message: 'Project ID Not Found.' } });
  });

  it('returns no issues and a null snapshot for a project that was never scanned', async () => {
    const projects = (await api.get('/v2/projects')).body.data;
    const unscanned = projects.find((p: Json) => !('last_scanned_at' in p)).id;
    const reply = await api.get(`/v1/asi/rules/${unscanned}/recent/issues`);
    expect(reply.body.data).toEqual([]);
    expect(reply.body.meta.snapshot).toBeNull();
  });

  describe.skipIf(!hasRecorded)('against recorded responses', () => {
    it('uses the field names of xsoar current-issues.json', async () => {
      const mine = (await api.get(`/v1/asi/rules/${project()}/recent/issues`)).body;
      const theirs = recorded<Json>('xsoar-rf-asi/current-issues.json');
      expect(keysOf(mine.data)).toEqual(keysOf(theirs.data));
      expect(keysOf([mine.meta])).toEqual(keysOf([theirs.meta]));
      expect(keysOf([mine.meta.counts])).toEqual(keysOf([theirs.meta.counts]));
      const examples = (b: Json) =>
        b.data.flatMap((i: Json) => Object.values(i.example_entities).flat() as Json[]);
      expect(keysOf(examples(theirs))).toEqual(expect.arrayContaining(keysOf(examples(mine))));
      const metadata = (b: Json) => b.data.map((i: Json) => i.rule_metadata);
      expect(keysOf(metadata(theirs))).toEqual(expect.arrayContaining(keysOf(metadata(mine))));
      expect(keysOf(mine.data.map((i: Json) => i.rule_metadata.entity_counts))).toEqual([
        'domains',
        'ips',
      ]);
    });
  });
});

describe('Get Issue History', () => {
  const api = useEmulator();
  const project = () => api.emulator.projectIds[0] ?? '';
  const history = async (query = '') =>
    (await api.get(`/v1/asi/rules/history/${project()}/activity?${query}`)).body;

  it('returns one diff per snapshot, oldest first, the first without a previous snapshot', async () => {
    const { data, meta } = await history();
    expect(data).toHaveLength(6);
    expect(data[0].previous_snapshot).toBeNull();
    expect(data[0].previous_risk_score).toBe(0);
    for (let k = 1; k < data.length; k += 1) {
      expect(data[k].previous_snapshot).toBe(data[k - 1].snapshot);
      expect(data[k].previous_risk_score).toBe(data[k - 1].risk_score);
    }
    expect(meta.params).toEqual({
      classification: [],
      end: null,
      query: null,
      rule_action: null,
      start: null,
    });
  });

  it('replays to the current issues when every diff is applied in order', async () => {
    const active = new Set<string>();
    for (const entry of (await history()).data) {
      entry.added_rules.forEach((r: Json) => active.add(r.id));
      entry.removed_rules.forEach((r: Json) => active.delete(r.id));
      expect(entry.counts).toEqual({
        added_rules: entry.added_rules.length,
        removed_rules: entry.removed_rules.length,
      });
    }
    const current = (await api.get(`/v1/asi/rules/${project()}/recent/issues`)).body.data.map(
      (i: Json) => i.id,
    );
    expect([...active].sort()).toEqual([...current].sort());
  });

  it('keeps snapshots newer than start (Unix seconds or snapshot text) and not newer than end', async () => {
    const all = (await history()).data.map((e: Json) => e.snapshot as string);
    const byUnix = await history(`start=${toUnix(all[2])}`);
    expect(byUnix.data.map((e: Json) => e.snapshot)).toEqual(all.slice(3));
    expect(byUnix.meta.params.start).toBe(all[2]);
    const byText = await history(
      `start=${encodeURIComponent(all[2])}&end=${encodeURIComponent(all[4])}`,
    );
    expect(byText.data.map((e: Json) => e.snapshot)).toEqual(all.slice(3, 5));
  });

  it('narrows rules by rule_action, classification and free-text query', async () => {
    const added = await history('rule_action=added');
    expect(
      added.data.every((e: Json) => e.removed_rules.length === 0 && e.added_rules.length > 0),
    ).toBe(true);
    const removed = await history('rule_action=removed');
    expect(removed.data.every((e: Json) => e.added_rules.length === 0)).toBe(true);
    const high = await history('classification=high');
    const rules = high.data.flatMap((e: Json) => [...e.added_rules, ...e.removed_rules]);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r: Json) => r.classification === 'high')).toBe(true);
    const text = await history('query=tls');
    const matched = text.data.flatMap((e: Json) => [...e.added_rules, ...e.removed_rules]);
    expect(
      matched.every((r: Json) => `${r.name} ${r.description}`.toLowerCase().includes('tls')),
    ).toBe(true);
  });

  it('pages by snapshot with page and limit, reporting counts and total_pages', async () => {
    const first = await history('limit=4');
    expect(first.data).toHaveLength(4);
    expect(first.meta.counts).toEqual({ returned: 4, total: 6 });
    expect(first.meta.pagination).toEqual({ page: 1, total_pages: 2 });
    const second = await history('limit=4&page=2');
    expect(second.data).toHaveLength(2);
  });

  it.each(['start=soon', 'rule_action=changed', 'classification=critical', 'limit=0', 'page=x'])(
    'refuses %s with 400 and a message',
    async (query) => {
      const reply = await api.get(`/v1/asi/rules/history/${project()}/activity?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(/^Invalid value for/);
    },
  );

  describe.skipIf(!hasRecorded)('against recorded responses', () => {
    it('uses the field names of xsoar added-issues.json', async () => {
      const mine = await history('rule_action=added');
      const theirs = recorded<Json>('xsoar-rf-asi/added-issues.json');
      expect(keysOf(mine.data)).toEqual(keysOf(theirs.data));
      const rules = (b: Json) => b.data.flatMap((e: Json) => e.added_rules);
      expect(keysOf(rules(mine))).toEqual(keysOf(rules(theirs)));
      expect(keysOf([mine.meta.params])).toEqual(keysOf([theirs.meta.params]));
      expect(keysOf(rules(mine).map((r: Json) => r.example_entities))).toEqual(
        expect.arrayContaining(['domains', 'ips']),
      );
    });
  });
});

describe('Fetch Incident comparison by host', () => {
  const api = useEmulator();
  const project = () => api.emulator.projectIds[0] ?? '';
  const compare = async (query = '') =>
    (await api.get(`/v1/asi/rules/history/${project()}/activity/by_host/compare?${query}`)).body;

  it('lists changed hosts, highest risk first, truncated by limit with the full total', async () => {
    const body = await compare('limit=3');
    expect(body.data).toHaveLength(3);
    expect(body.meta.counts.hosts.returned).toBe(3);
    expect(body.meta.counts.hosts.total).toBeGreaterThan(3);
    const scores = body.data.map((h: Json) => h.risk_score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const host of body.data) {
      expect(host.counts).toEqual({
        added_rules: host.added_rules.length,
        removed_rules: host.removed_rules.length,
      });
    }
  });

  it('compares against the snapshot current at last_checked', async () => {
    const snapshots = (await api.get(`/v1/asi/rules/history/${project()}/activity`)).body.data.map(
      (e: Json) => e.snapshot,
    );
    const body = await compare(`last_checked=${toUnix(snapshots[2])}&limit=1`);
    expect(body.data[0].previous_snapshot).toBe(snapshots[2]);
    expect(body.data[0].snapshot).toBe(snapshots[snapshots.length - 1]);
  });

  it('returns no hosts once last_checked reaches the latest snapshot', async () => {
    const latest = (await api.get(`/v1/asi/rules/${project()}/recent/issues`)).body.meta.snapshot;
    const body = await compare(`last_checked=${toUnix(latest)}`);
    expect(body.data).toEqual([]);
    expect(body.meta.counts.hosts).toEqual({ returned: 0, total: 0 });
  });

  it('keeps only added rules with rule_action=added', async () => {
    const body = await compare('rule_action=added&limit=1000');
    expect(
      body.data.every((h: Json) => h.removed_rules.length === 0 && h.added_rules.length > 0),
    ).toBe(true);
    expect(body.meta.params.rule_action).toBe('added');
  });

  describe.skipIf(!hasRecorded)('against recorded responses', () => {
    it('uses the field names of xsoar by-host-issues.json', async () => {
      const mine = await compare('limit=50');
      const theirs = recorded<Json>('xsoar-rf-asi/by-host-issues.json');
      expect(keysOf(mine.data)).toEqual(keysOf(theirs.data));
      const rules = (b: Json) =>
        b.data.flatMap((h: Json) => [...h.added_rules, ...h.removed_rules]);
      expect(keysOf(rules(mine))).toEqual(keysOf(rules(theirs)));
      const metadata = (b: Json) => rules(b).map((r: Json) => r.rule_metadata);
      expect(keysOf(metadata(mine))).toEqual(expect.arrayContaining(['references']));
      expect(keysOf(metadata(theirs))).toEqual(expect.arrayContaining(keysOf(metadata(mine))));
      expect(keysOf([mine.meta])).toEqual(keysOf([theirs.meta]));
      expect(keysOf([mine.meta.params])).toEqual(keysOf([theirs.meta.params]));
    });
  });
});
