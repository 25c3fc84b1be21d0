import { describe, expect, it } from 'vitest';
import { hasRecorded, keysOf, recorded, useEmulator } from './harness.js';
import type { Client, Json, Reply } from './harness.js';

const ALL_FIELDS =
  'custom_tags,dns_records,whois,ip_metadata,open_tcp_ports,open_udp_ports,web_technologies,' +
  'certificates,certificate_chain,defenses,exposures,exposure_instance_details';

async function walk(api: Client, path: string): Promise<{ pages: Json[]; ids: string[] }> {
  const pages: Json[] = [];
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const sep = path.includes('?') ? '&' : '?';
    const reply: Reply = await api.get(
      cursor === null ? path : `${path}${sep}cursor=${encodeURIComponent(cursor)}`,
    );
    expect(reply.status).toBe(200);
    pages.push(reply.body);
    ids.push(...reply.body.data.map((a: { id: string }) => a.id));
    cursor = reply.body.meta.pagination.next_cursor;
    if (cursor === null) break;
  }
  return { pages, ids };
}

describe('Find Assets', () => {
  const api = useEmulator();
  const big = () => api.emulator.projectIds[0] ?? '';
  const small = () => api.emulator.projectIds[1] ?? '';

  it('returns 50 assets by default, sorted by exposure score descending', async () => {
    const reply = await api.get(`/v2/projects/${big()}/assets`);
    expect(reply.status).toBe(200);
    expect(reply.body.data).toHaveLength(50);
    expect(reply.body.meta.counts).toEqual({ returned: 50, total: 1430 });
    expect(reply.body.meta.pagination).toMatchObject({
      limit: 50,
      total: 1430,
      sort: [['exposure_score', 'desc']],
    });
    expect(reply.body.meta.params).toEqual({ asset_properties: {} });
    expect(reply.body.data[0]).toMatchObject({ project_id: big(), custom_tags: expect.any(Array) });
  });

  it('returns every asset exactly once when following cursors', async () => {
    const { ids } = await walk(api, `/v2/projects/${small()}/assets?limit=50`);
    expect(ids).toHaveLength(240);
    expect(new Set(ids).size).toBe(240);
  });

  it('keeps a next_cursor on the short last page, and following it gives an empty page', async () => {
    const { pages } = await walk(api, `/v2/projects/${small()}/assets?limit=50`);
    const lastFull = pages[pages.length - 2];
    const empty = pages[pages.length - 1];
    expect(lastFull.data).toHaveLength(40);
    expect(lastFull.meta.pagination.next_cursor).toEqual(expect.any(String));
    expect(empty.data).toEqual([]);
    expect(empty.meta.pagination.next_cursor).toBeNull();
    expect(empty.meta.counts).toEqual({ returned: 0, total: 240 });
  });

  it('issues base64 search_after cursors with the sort value and asset id', async () => {
    const reply = await api.get(`/v2/projects/${small()}/assets?limit=1&sort_by=discovered_at`);
    const decoded = JSON.parse(
      Buffer.from(reply.body.meta.pagination.next_cursor, 'base64').toString('utf8'),
    );
    expect(decoded).toEqual({
      type: 'search_after',
      sort: [expect.any(Number), reply.body.data[0].id],
    });
  });

  it.each([
    ['discovered_at', 'discovered_at'],
    ['added_to_project_at', 'added_to_project_at'],
    ['last_scanned_at', 'last_scanned_at'],
    ['exposure_score', 'exposure_score'],
    ['asset_id', 'id'],
    ['apex_domain', 'apex_domain'],
  ])('sorts by %s in both directions with missing values last', async (sortBy, field) => {
    for (const direction of ['asc', 'desc']) {
      const reply = await api.get(
        `/v2/projects/${small()}/assets?limit=1000&sort_by=${sortBy}&sort_direction=${direction}`,
      );
      const values = reply.body.data.map((a: Record<string, unknown>) => a[field] ?? null);
      const present = values.filter((v: unknown) => v !== null);
      const sorted = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(present).toEqual(direction === 'asc' ? sorted : sorted.reverse());
      expect(values.slice(present.length).every((v: unknown) => v === null)).toBe(true);
      expect(reply.body.meta.pagination.sort).toEqual([[sortBy, direction]]);
    }
  });

  it('refuses limit above 1000 with the FastAPI validation body', async () => {
    const reply = await api.get(`/v2/projects/${big()}/assets?limit=1001`);
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({
      detail: [
        {
          type: 'less_than_equal',
          loc: ['query', 'limit'],
          msg: 'Input should be less than or equal to 1000',
          input: '1001',
          ctx: { le: 1000 },
        },
      ],
    });
  });

  it.each([
    ['limit=0', ['query', 'limit']],
    ['limit=ten', ['query', 'limit']],
    ['sort_by=name', ['query', 'sort_by']],
    ['sort_direction=up', ['query', 'sort_direction']],
    ['additional_fields=whois,everything', ['query', 'additional_fields', 1]],
    ['asset_type=server', ['query', 'asset_type']],
    ['cursor=not-a-cursor!', ['query', 'cursor']],
  ])('refuses %s with 422 at %j', async (query, loc) => {
    const reply = await api.get(`/v2/projects/${big()}/assets?${query}`);
    expect(reply.status).toBe(422);
    expect(reply.body.detail.map((d: { loc: unknown }) => d.loc)).toContainEqual(loc);
  });

  it('adds only the additional fields asked for, repeated or comma-separated', async () => {
    const plain = await api.get(`/v2/projects/${big()}/assets?limit=5&additional_fields=whois`);
    expect(plain.body.data[0]).not.toHaveProperty('custom_tags');
    expect(plain.body.data[0]).not.toHaveProperty('dns_records');
    const many = await api.get(
      `/v2/projects/${big()}/assets?limit=5&additional_fields=dns_records&additional_fields=certificates,defenses`,
    );
    expect(many.body.data[0]).toHaveProperty('dns_records');
    expect(many.body.data[0]).toHaveProperty('certificates');
    expect(many.body.data[0]).toHaveProperty('defenses');
  });

  it('returns "Unknown Project." for an unknown project', async () => {
    const reply = await api.get('/v2/projects/3f1f0c57-0000-4000-8000-000000000000/assets');
    expect(reply).toMatchObject({ status: 404, body: { detail: 'Unknown Project.' } });
  });

  describe.skipIf(!hasRecorded)('against recorded responses', () => {
    it('uses the field names of psengine asi_assets.json / asi_search.json', async () => {
      const mine = (await api.get(`/v2/projects/${big()}/assets?limit=200`)).body;
      const list = recorded<{ data: object[]; meta: object }>('psengine-asi/asi_assets.json');
      const search = recorded<{ data: object[] }>('psengine-asi/asi_search.json');
      const base = keysOf(list.data);
      expect(keysOf(mine.data)).toEqual(expect.arrayContaining(base));
      expect(keysOf(mine.data).filter((k) => !base.includes(k))).toEqual([
        'exposure_score',
        'last_scanned_at',
      ]);
      expect(keysOf(search.data)).toEqual(expect.arrayContaining(keysOf(mine.data)));
      expect(keysOf([mine.meta])).toEqual(keysOf([list.meta]));
      expect(keysOf([mine.meta.pagination])).toEqual(keysOf([(list.meta as Json).pagination]));
    });
  });
});

describe('Get Asset Details and List Asset Exposures', () => {
  const api = useEmulator();
  const project = () => api.emulator.projectIds[0] ?? '';

  async function exposedDomain(): Promise<Json> {
    const reply = await api.get(
      `/v2/projects/${project()}/assets?limit=200&asset_type=domain&has_dns_record_type=A&open_port_number=443&web_technology_name=jQuery&exposure_severity=moderate`,
    );
    return reply.body.data[0];
  }

  it('returns one asset with the requested enrichments and meta.params.asset_id', async () => {
    const asset = await exposedDomain();
    const reply = await api.get(
      `/v2/projects/${project()}/assets/${asset.id}?additional_fields=${ALL_FIELDS}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({ id: asset.id, name: asset.id, type: 'domain' });
    expect(reply.body.meta).toMatchObject({
      counts: { returned: 1, total: 1 },
      params: { asset_id: asset.id },
    });
    const data = reply.body.data;
    expect(data.dns_records[0]).toHaveProperty('record_type');
    expect(data.certificates[0].certificate).toHaveProperty('chain');
    expect(data.scanned_ips[0].open_ports[0].instances[0]).toHaveProperty('technology');
    expect(data.exposures[0]).toHaveProperty('details');
  });

  it('returns 404 "Asset not found: <id>" for an unknown asset', async () => {
    const reply = await api.get(`/v2/projects/${project()}/assets/nowhere.example.org`);
    expect(reply).toMatchObject({
      status: 404,
      body: { detail: 'Asset not found: nowhere.example.org' },
    });
  });

  it('lists an asset exposures with their signatures', async () => {
    const asset = await exposedDomain();
    const reply = await api.get(`/v2/projects/${project()}/assets/${asset.id}/exposures`);
    expect(reply.status).toBe(200);
    expect(reply.body.data.length).toBe(asset.exposures.length);
    expect(keysOf(reply.body.data)).toEqual(['asset_id', 'details', 'instances', 'signature']);
    expect(reply.body.data[0].signature).toHaveProperty('severity');
  });

  describe.skipIf(!hasRecorded)('against recorded responses', () => {
    it('uses the field names of psengine asi_asset.json down to nested records', async () => {
      const asset = await exposedDomain();
      const mine = (
        await api.get(
          `/v2/projects/${project()}/assets/${asset.id}?additional_fields=${ALL_FIELDS}`,
        )
      ).body;
      const theirs = recorded<Json>('psengine-asi/asi_asset.json');
      expect(keysOf([mine.data])).toEqual(expect.arrayContaining(keysOf([theirs.data])));
      expect(keysOf([mine.meta])).toEqual(keysOf([theirs.meta]));
      expect(keysOf(mine.data.dns_records)).toEqual(keysOf(theirs.data.dns_records));
      expect(keysOf(mine.data.dns_records[0].value)).toEqual(
        keysOf(theirs.data.dns_records[0].value),
      );
      expect(keysOf([mine.data.whois])).toEqual(
        expect.arrayContaining(keysOf([theirs.data.whois])),
      );
      expect(keysOf(mine.data.whois.contacts)).toEqual(
        expect.arrayContaining(keysOf(theirs.data.whois.contacts)),
      );
      expect(keysOf(mine.data.scanned_ips)).toEqual(
        expect.arrayContaining(keysOf(theirs.data.scanned_ips)),
      );
      const metadata = (ips: Json[]) => ips.map((ip) => ip.metadata);
      expect(keysOf(metadata(mine.data.scanned_ips))).toEqual(
        keysOf(metadata(theirs.data.scanned_ips)),
      );
      const geo = (ips: Json[]) => ips.map((ip) => ip.metadata.owner_geo);
      expect(keysOf(geo(mine.data.scanned_ips))).toEqual(
        expect.arrayContaining(keysOf(geo(theirs.data.scanned_ips))),
      );
    });
  });
});
