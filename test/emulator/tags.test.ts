import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { clientFor, useEmulator } from './harness.js';
import type { Client } from './harness.js';

async function firstAsset(api: Client, projectId: string): Promise<string> {
  const reply = await api.get(
    `/v2/projects/${projectId}/assets?limit=1&sort_by=asset_id&sort_direction=asc`,
  );
  return reply.body.data[0].id as string;
}

async function tagsOf(api: Client, projectId: string, assetId: string): Promise<string[]> {
  return (await api.get(`/v2/projects/${projectId}/assets/${encodeURIComponent(assetId)}`)).body
    .data.custom_tags;
}

describe('tags', () => {
  const api = useEmulator();
  const project = () => api.emulator.projectIds[0] ?? '';

  it('lists the project tags as titles with counts', async () => {
    const reply = await api.get(`/v2/projects/${project()}/tags`);
    expect(reply.status).toBe(200);
    expect(reply.body.data.length).toBeGreaterThan(0);
    expect(Object.keys(reply.body.data[0])).toEqual(['title']);
    expect(reply.body.meta.counts.total).toBe(reply.body.data.length);
  });

  it('creates a tag idempotently and returns it as data.title', async () => {
    const first = await api.call('POST', `/v2/projects/${project()}/tags/internet%20facing`);
    const again = await api.call('POST', `/v2/projects/${project()}/tags/internet%20facing`);
    expect(first.body).toEqual({ data: { title: 'internet facing' } });
    expect(again.status).toBe(200);
    const titles = (await api.get(`/v2/projects/${project()}/tags`)).body.data.map(
      (t: { title: string }) => t.title,
    );
    expect(titles.filter((t: string) => t === 'internet facing')).toHaveLength(1);
  });

  it('applies a tag with PUT and removes it with DELETE, reporting complete tagging', async () => {
    const asset = await firstAsset(api, project());
    const put = await api.call('PUT', `/v2/projects/${project()}/assets/${asset}/tags/pci`);
    expect(put.body).toEqual({
      data: {
        add_tags: ['pci'],
        remove_tags: null,
        assets: [asset],
        complete: true,
        task_ids: null,
      },
    });
    expect(await tagsOf(api, project(), asset)).toContain('pci');
    const del = await api.call('DELETE', `/v2/projects/${project()}/assets/${asset}/tags/pci`);
    expect(del.body.data).toMatchObject({ add_tags: null, remove_tags: ['pci'], complete: true });
    expect(await tagsOf(api, project(), asset)).not.toContain('pci');
  });

  it('adds and removes several tags in one POST, creating unknown tags', async () => {
    const asset = await firstAsset(api, project());
    const reply = await api.call('POST', `/v2/projects/${project()}/assets/${asset}/tags`, {
      body: { add_tags: ['brand-new', 'dmz'], remove_tags: ['never-there'] },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({
      add_tags: ['brand-new', 'dmz'],
      remove_tags: ['never-there'],
      complete: true,
    });
    expect(await tagsOf(api, project(), asset)).toEqual(
      expect.arrayContaining(['brand-new', 'dmz']),
    );
    const titles = (await api.get(`/v2/projects/${project()}/tags`)).body.data.map(
      (t: { title: string }) => t.title,
    );
    expect(titles).toContain('brand-new');
  });

  it('treats removing a tag the asset does not carry as a success', async () => {
    const asset = await firstAsset(api, project());
    const reply = await api.call(
      'DELETE',
      `/v2/projects/${project()}/assets/${asset}/tags/absent-tag`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data.complete).toBe(true);
  });

  it('returns 404 "Asset not found" for an unknown asset and "Unknown Project." for an unknown project', async () => {
    const asset = await api.call(
      'PUT',
      `/v2/projects/${project()}/assets/missing.example/tags/pci`,
    );
    expect(asset).toMatchObject({
      status: 404,
      body: { detail: 'Asset not found: missing.example' },
    });
    const unknown = await api.call(
      'PUT',
      '/v2/projects/00000000-0000-4000-8000-000000000000/assets/a/tags/pci',
    );
    expect(unknown).toMatchObject({ status: 404, body: { detail: 'Unknown Project.' } });
  });

  it('refuses a body without any tag and a body whose lists hold non-strings with 422', async () => {
    const asset = await firstAsset(api, project());
    const empty = await api.call('POST', `/v2/projects/${project()}/assets/${asset}/tags`, {
      body: {},
    });
    expect(empty.status).toBe(422);
    expect(empty.body.detail[0].loc).toEqual(['body']);
    const wrong = await api.call('POST', `/v2/projects/${project()}/assets/${asset}/tags`, {
      body: { add_tags: [1] },
    });
    expect(wrong.body.detail[0]).toMatchObject({ loc: ['body', 'add_tags'], type: 'list_type' });
  });
});

describe('asynchronous tagging', () => {
  it('answers complete false with a task id and applies the change once the delay has passed', async () => {
    let now = 1_750_000_000_000;
    const emulator = await startEmulator({
      taggingDelayMs: 2000,
      clock: { now: () => now },
      ratePerSecond: 0,
    });
    const api = clientFor(emulator);
    const project = emulator.projectIds[0] ?? '';
    try {
      const asset = await firstAsset(api, project);
      const reply = await api.call('PUT', `/v2/projects/${project}/assets/${asset}/tags/later`);
      expect(reply.body.data.complete).toBe(false);
      const [taskId] = reply.body.data.task_ids as string[];
      expect(taskId).toMatch(/^[0-9a-f-]{36}$/);

      const pending = await api.get(`/v2/projects/${project}/tags/_task_status/${taskId}`);
      expect(pending.body.data).toMatchObject({
        complete: false,
        task_ids: [taskId],
        assets: [asset],
      });
      expect(await tagsOf(api, project, asset)).not.toContain('later');

      now += 2000;
      const done = await api.get(`/v2/projects/${project}/tags/_task_status/${taskId}`);
      expect(done.body.data.complete).toBe(true);
      expect(await tagsOf(api, project, asset)).toContain('later');
    } finally {
      await emulator.stop();
    }
  });

  it('returns 404 for an unknown task id', async () => {
    const emulator = await startEmulator({ taggingDelayMs: 10 });
    try {
      const reply = await clientFor(emulator).get(
        `/v2/projects/${emulator.projectIds[0]}/tags/_task_status/nope`,
      );
      expect(reply).toMatchObject({ status: 404, body: { detail: 'Task not found: nope' } });
    } finally {
      await emulator.stop();
    }
  });
});
