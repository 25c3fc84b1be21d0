import { describe, expect, it } from 'vitest';
import { hasRecorded, keysOf, recorded, useEmulator } from './harness.js';
import type { Json } from './harness.js';

const RANK: Record<string, number> = { unknown: 0, informational: 1, moderate: 2, critical: 3 };

describe('List Exposures', () => {
  const api = useEmulator();
  const project = () => api.emulator.projectIds[0] ?? '';
  const list = async (query = '') =>
    (await api.get(`/v2/projects/${project()}/exposures?${query}`)).body;

  it('lists signatures with asset counts, most severe and most widespread first', async () => {
    const body = await list();
    expect(body.data.length).toBeGreaterThan(5);
    const ranks = body.data.map((e: Json) => RANK[e.signature.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(body.meta).toMatchObject({
      params: { filter: {} },
      pagination: { limit: 100, next_cursor: null },
    });
  });

  it('pages with a plain offset cursor', async () => {
    const all = await list();
    const first = await list('limit=3');
    expect(first.meta.pagination.next_cursor).toBe('3');
    const second = await list('limit=3&cursor=3');
    const ids = (b: Json) => b.data.map((e: Json) => e.signature.id);
    expect([...ids(first), ...ids(second)]).toEqual(ids(all).slice(0, 6));
    const last = await list(`limit=3&cursor=${all.data.length - 2}`);
    expect(last.data).toHaveLength(2);
    expect(last.meta.pagination.next_cursor).toBeNull();
  });

  it.each([
    ['filter_severity_min=moderate', (s: string) => RANK[s]! >= 2],
    ['filter_severity=moderate', (s: string) => RANK[s]! >= 2],
    ['filter_severity_exact=informational', (s: string) => s === 'informational'],
  ])('filters by severity with %s', async (query, check) => {
    const body = await list(query);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((e: Json) => check(e.signature.severity))).toBe(true);
  });

  it('refuses filter_severity_min together with filter_severity_exact', async () => {
    const reply = await api.get(
      `/v2/projects/${project()}/exposures?filter_severity_min=moderate&filter_severity_exact=critical`,
    );
    expect(reply.status).toBe(422);
    expect(reply.body.detail[0]).toMatchObject({
      loc: ['query', 'filter_severity_exact'],
      type: 'value_error',
    });
  });

  it('filters by CVE id, CWE id (with or without the prefix) and CVSS range', async () => {
    const cve = await list('filter_cve_id=CVE-2016-6329');
    expect(cve.data.map((e: Json) => e.signature.id)).toEqual(['sweet32-vulnerability']);
    const cwe = await list('filter_cwe_id=22');
    expect(cwe.data.map((e: Json) => e.signature.id)).toEqual(['CVE-2021-41773']);
    const range = await list('filter_cvss_score_gte=9&filter_cvss_score_lte=10');
    expect(range.data.length).toBeGreaterThan(0);
    for (const e of range.data) {
      expect(
        e.signature.vulnerabilities.some((v: Json) => v.cvss_score >= 9 && v.cvss_score <= 10),
      ).toBe(true);
    }
    expect(range.meta.params.filter).toEqual({ cvss_score_gte: '9', cvss_score_lte: '10' });
  });

  it.each([
    'limit=0',
    'limit=1001',
    'cursor=abc',
    'filter_severity_min=high',
    'filter_cvss_score_gte=x',
  ])('refuses %s with 422', async (query) => {
    expect((await api.get(`/v2/projects/${project()}/exposures?${query}`)).status).toBe(422);
  });

  describe.skipIf(!hasRecorded)('against recorded responses', () => {
    it('uses the field names of psengine asi_exposures.json', async () => {
      const mine = await list();
      const theirs = recorded<Json>('psengine-asi/asi_exposures.json');
      expect(keysOf(mine.data)).toEqual(keysOf(theirs.data));
      const signatures = (b: Json) => b.data.map((e: Json) => e.signature);
      expect(keysOf(signatures(mine))).toEqual(keysOf(signatures(theirs)));
      const vulns = (b: Json) => signatures(b).flatMap((s: Json) => s.vulnerabilities);
      expect(keysOf(vulns(mine))).toEqual(keysOf(vulns(theirs)));
      expect(keysOf([mine.meta])).toEqual(keysOf([theirs.meta]));
      expect(keysOf([mine.meta.pagination])).toEqual(keysOf([theirs.meta.pagination]));
    });
  });
});

describe('Get Exposure Assets', () => {
  const api = useEmulator();
  const project = () => api.emulator.projectIds[0] ?? '';

  it('returns the signature and its assets by exposure score, highest first', async () => {
    const reply = await api.get(`/v2/projects/${project()}/exposures/git-config`);
    expect(reply.status).toBe(200);
    expect(reply.body.data.signature.id).toBe('git-config');
    expect(reply.body.data.asset_exposures.length).toBe(reply.body.meta.pagination.total);
    expect(reply.body.meta).toMatchObject({
      params: { signature_id: 'git-config' },
      pagination: { sort: [['exposure_score', 'desc']] },
    });
    expect(reply.body.meta).not.toHaveProperty('counts');
  });

  it('keeps a cursor on the last page and returns an empty page when it is followed', async () => {
    const first = await api.get(`/v2/projects/${project()}/exposures/git-config?limit=1000`);
    const cursor = first.body.meta.pagination.next_cursor;
    expect(cursor).toEqual(expect.any(String));
    const after = await api.get(
      `/v2/projects/${project()}/exposures/git-config?cursor=${encodeURIComponent(cursor)}`,
    );
    expect(after.body.data.asset_exposures).toEqual([]);
    expect(after.body.meta.pagination.next_cursor).toBeNull();
  });

  it('walks every asset of a signature once with small pages', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    for (let guard = 0; guard < 100; guard += 1) {
      const suffix: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const reply = await api.get(
        `/v2/projects/${project()}/exposures/weak-tls-protocol?limit=7${suffix}`,
      );
      total = reply.body.meta.pagination.total;
      if (reply.body.data.asset_exposures.length === 0) break;
      ids.push(...reply.body.data.asset_exposures.map((e: Json) => e.asset_id));
      cursor = reply.body.meta.pagination.next_cursor;
    }
    expect(total).toBeGreaterThan(7);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('returns 404 "Signature <id> not found." for an unknown signature', async () => {
    const reply = await api.get(`/v2/projects/${project()}/exposures/no-such-signature`);
    expect(reply).toMatchObject({
      status: 404,
      body: { detail: 'Signature no-such-signature not found.' },
    });
  });

  it('refuses a limit outside 1..1000 with 422', async () => {
    expect((await api.get(`/v2/projects/${project()}/exposures/git-config?limit=0`)).status).toBe(
      422,
    );
  });

  describe.skipIf(!hasRecorded)('against recorded responses', () => {
    it('uses the field names of psengine asi_exposure_signature.json', async () => {
      const mine = (await api.get(`/v2/projects/${project()}/exposures/CVE-2022-2551`)).body;
      const theirs = recorded<Json>('psengine-asi/asi_exposure_signature.json');
      expect(keysOf([mine.data])).toEqual(keysOf([theirs.data]));
      expect(keysOf([mine.data.signature])).toEqual(keysOf([theirs.data.signature]));
      expect(keysOf(mine.data.asset_exposures)).toEqual(keysOf(theirs.data.asset_exposures));
      expect(keysOf(mine.data.asset_exposures.map((e: Json) => e.details))).toEqual(
        keysOf(theirs.data.asset_exposures.map((e: Json) => e.details)),
      );
      expect(keysOf([mine.meta])).toEqual(keysOf([theirs.meta]));
      expect(keysOf([mine.meta.pagination])).toEqual(keysOf([theirs.meta.pagination]));
    });
  });
});
