import { describe, expect, it } from 'vitest';
import { connection, connector, fastOptions } from '../helpers/connector.js';
import { assets, listPage, scriptPages } from '../helpers/v2-pages.js';

const NOW = Date.parse('2025-06-26T15:00:00Z');
const PATH = '/v2/projects/p-1/assets';
const BASE = {
  sort_by: 'exposure_score',
  sort_direction: 'desc',
  added_to_project_after: '2025-06-25',
  added_to_project_before: '2025-06-27',
  additional_fields: 'custom_tags',
};

async function run(inputs: Record<string, unknown> = {}) {
  const progress: number[][] = [];
  const envelope = await (
    await connector()
  ).execute(
    'Find Assets',
    { 'Project ID': 'p-1', ...inputs },
    connection(),
    fastOptions({ now: () => NOW, onProgress: (p) => progress.push([p.pages, p.records]) }),
  );
  return { envelope, progress };
}

function ids(from: number, count: number): string[] {
  return assets(from, count).map((asset) => String(asset.id));
}

describe('Find Assets pagination', () => {
  it('merges 4,321 assets over five pages of 1000 without loss or duplicates', async () => {
    scriptPages(PATH, BASE, [
      { query: { limit: '1000' }, body: listPage(assets(0, 1000), 'c1', 4321) },
      { query: { limit: '1000', cursor: 'c1' }, body: listPage(assets(1000, 1000), 'c2', 4321) },
      { query: { limit: '1000', cursor: 'c2' }, body: listPage(assets(2000, 1000), 'c3', 4321) },
      { query: { limit: '1000', cursor: 'c3' }, body: listPage(assets(3000, 1000), 'c4', 4321) },
      { query: { limit: '1000', cursor: 'c4' }, body: listPage(assets(4000, 321), null, 4321) },
    ]);

    const { envelope, progress } = await run();
    const assetIds = envelope.keyFields?.['Asset IDs'] as string[];

    expect(assetIds).toEqual(ids(0, 4321));
    expect(new Set(assetIds).size).toBe(4321);
    expect(envelope.keyFields).toMatchObject({
      'Total Assets': 4321,
      'Returned Assets': 4321,
      Pages: 5,
    });
    expect(envelope.rawData).toMatchObject({
      meta: { counts: { returned: 4321, total: 4321 }, pagination: { total: 4321, pages: 5 } },
    });
    expect(envelope.warnings).toBeUndefined();
    expect(progress).toEqual([
      [1, 1000],
      [2, 2000],
      [3, 3000],
      [4, 4000],
      [5, 4321],
    ]);
  });

  it('keeps reading past a short page while the reported total says more remain', async () => {
    scriptPages(PATH, BASE, [
      { query: { limit: '1000' }, body: listPage(assets(0, 1000), 'c1', 2400) },
      { query: { limit: '1000', cursor: 'c1' }, body: listPage(assets(1000, 400), 'c2', 2400) },
      { query: { limit: '1000', cursor: 'c2' }, body: listPage(assets(1400, 1000), null, 2400) },
    ]);

    const { envelope } = await run();

    expect(envelope.keyFields?.['Asset IDs']).toEqual(ids(0, 2400));
    expect(envelope.warnings).toBeUndefined();
  });

  it('stops without another request when the last page still carries a cursor', async () => {
    scriptPages(PATH, BASE, [
      { query: { limit: '1000' }, body: listPage(assets(0, 1000), 'c1', 1005) },
      { query: { limit: '1000', cursor: 'c1' }, body: listPage(assets(1000, 5), 'stale', 1005) },
    ]);

    const { envelope } = await run();

    expect(envelope.keyFields).toMatchObject({ 'Returned Assets': 1005, Pages: 2 });
    expect(envelope.warnings).toBeUndefined();
  });

  it('stops when the server repeats a cursor and warns that assets are missing', async () => {
    scriptPages(PATH, BASE, [
      { query: { limit: '1000' }, body: listPage(assets(0, 1000), 'c1', 3000) },
      { query: { limit: '1000', cursor: 'c1' }, body: listPage(assets(1000, 1000), 'c1', 3000) },
    ]);

    const { envelope } = await run();

    expect(envelope.returnData).toBe('Successful');
    expect(envelope.keyFields).toMatchObject({ 'Total Assets': 3000, 'Returned Assets': 2000 });
    expect(envelope.warnings).toEqual([
      'The API reported 3000 assets but only 2000 came back: the API repeated a page cursor ' +
        'after 2 pages. The result is incomplete; run the command again.',
    ]);
  });

  it('warns when the cursor runs out before the reported total', async () => {
    scriptPages(PATH, BASE, [
      { query: { limit: '1000' }, body: listPage(assets(0, 1000), null, 1711) },
    ]);

    const { envelope } = await run();

    expect(envelope.keyFields).toMatchObject({ 'Total Assets': 1711, 'Returned Assets': 1000 });
    expect(envelope.warnings).toEqual([
      'The API reported 1711 assets but only 1000 came back: the API sent no next cursor ' +
        'after 1 page. The result is incomplete; run the command again.',
    ]);
  });

  it('returns exactly Limit assets, asking only for what is still missing', async () => {
    scriptPages(PATH, BASE, [
      { query: { limit: '120' }, body: listPage(assets(0, 50), 'c1', 4321) },
      { query: { limit: '70', cursor: 'c1' }, body: listPage(assets(50, 50), 'c2', 4321) },
      { query: { limit: '20', cursor: 'c2' }, body: listPage(assets(100, 20), 'c3', 4321) },
    ]);

    const { envelope } = await run({ Limit: 120 });

    expect(envelope.keyFields).toMatchObject({
      'Total Assets': 4321,
      'Returned Assets': 120,
      Pages: 3,
      'Asset IDs': ids(0, 120),
    });
    expect(envelope.warnings).toBeUndefined();
  });

  it('cuts a page that brings more than Limit assets', async () => {
    scriptPages(PATH, BASE, [
      { query: { limit: '10' }, body: listPage(assets(0, 25), 'c1', 4321) },
    ]);

    const { envelope } = await run({ Limit: 10 });

    expect(envelope.keyFields?.['Asset IDs']).toEqual(ids(0, 10));
  });
});
