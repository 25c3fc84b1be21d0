import { describe, expect, it } from 'vitest';
import { hasRecorded, keysOf, recorded, useEmulator } from './harness.js';

describe('GET /v2/projects', () => {
  const api = useEmulator({ projects: 4 });

  it('lists every project with counts and a request id', async () => {
    const reply = await api.get('/v2/projects');
    expect(reply.status).toBe(200);
    expect(reply.body.data.map((p: { id: string }) => p.id).sort()).toEqual(
      [...api.emulator.projectIds].sort(),
    );
    expect(reply.body.meta.counts).toEqual({ returned: 4, total: 4 });
    expect(reply.body.meta.request_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('leaves last_scanned_at and max_exposure_score out for the never-scanned project', async () => {
    const { body } = await api.get('/v2/projects');
    const unscanned = body.data.filter((p: object) => !('last_scanned_at' in p));
    expect(unscanned).toHaveLength(1);
    expect(unscanned[0]).not.toHaveProperty('max_exposure_score');
    expect(body.data[0].inserted_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(body.data[0].last_scanned_at).toMatch(/Z$/);
  });

  it('orders by creation time, oldest first unless sort_direction is desc', async () => {
    const asc = (await api.get('/v2/projects')).body.data.map((p: { id: string }) => p.id);
    const desc = (await api.get('/v2/projects?sort_direction=desc')).body.data.map(
      (p: { id: string }) => p.id,
    );
    expect(desc).toEqual([...asc].reverse());
  });

  it('refuses an unknown sort_direction with a FastAPI validation body', async () => {
    const reply = await api.get('/v2/projects?sort_direction=up');
    expect(reply.status).toBe(422);
    expect(reply.body.detail[0]).toMatchObject({
      loc: ['query', 'sort_direction'],
      type: 'enum',
      input: 'up',
    });
  });

  describe.skipIf(!hasRecorded)('against recorded responses', () => {
    it('uses the field names of psengine asi_projects.json', async () => {
      const mine = (await api.get('/v2/projects')).body;
      const theirs = recorded<{ data: object[]; meta: object }>('psengine-asi/asi_projects.json');
      expect(keysOf(mine.data)).toEqual(keysOf(theirs.data));
      expect(keysOf([mine.meta])).toEqual(keysOf([theirs.meta]));
    });
  });
});
