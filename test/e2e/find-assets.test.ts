import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { connection, connector, fastOptions } from '../helpers/connector.js';

const ASSETS = 3217;
const EVERY_DATE = { 'Start Time': '2000-01-01', 'End Time': '2099-12-31' };

type Asset = Record<string, unknown> & { id: string };

let emu: RunningEmulator;
let projectId: string;
let everyAsset: Asset[];

async function run(inputs: Record<string, unknown>, now?: number) {
  const envelope = await (
    await connector()
  ).execute(
    'Find Assets',
    { 'Project ID': projectId, ...inputs },
    connection({ serverUrl: emu.url, apiKey: emu.apiKey }),
    fastOptions(now === undefined ? {} : { now: () => now }),
  );
  const assets = ((envelope.rawData as { data?: Asset[] } | null)?.data ?? []) as Asset[];
  return { envelope, assets, ids: assets.map((asset) => asset.id) };
}

beforeAll(async () => {
  emu = await startEmulator({ projects: 2, assetsPerProject: [ASSETS, 40], ratePerSecond: 0 });
  projectId = emu.projectIds[0] ?? '';
  everyAsset = (await run(EVERY_DATE)).assets;
});

afterAll(async () => {
  await emu.stop();
});

describe('Find Assets against the emulator', () => {
  it('returns every one of 3217 assets exactly once over four pages', async () => {
    const { envelope, ids } = await run(EVERY_DATE);

    expect(envelope.returnData).toBe('Successful');
    expect(ids).toHaveLength(ASSETS);
    expect(new Set(ids).size).toBe(ASSETS);
    expect(envelope.keyFields).toMatchObject({
      'Total Assets': ASSETS,
      'Returned Assets': ASSETS,
      Pages: 4,
    });
    expect(envelope.warnings).toBeUndefined();
  });

  it('sorts by Asset ID, descending, and still returns every asset once', async () => {
    const { ids } = await run({ ...EVERY_DATE, Sort: 'Asset ID' });

    expect(ids).toEqual([...ids].sort().reverse());
    expect(new Set(ids)).toEqual(new Set(everyAsset.map((asset) => asset.id)));
  });

  it('returns exactly Limit assets, the first ones of the full listing', async () => {
    const { envelope, ids } = await run({ ...EVERY_DATE, Limit: 150 });

    expect(ids).toEqual(everyAsset.slice(0, 150).map((asset) => asset.id));
    expect(envelope.keyFields).toMatchObject({ 'Total Assets': ASSETS, Pages: 1 });
  });

  it('narrows to IP assets with Asset Type IP', async () => {
    const { ids } = await run({ ...EVERY_DATE, 'Asset Type': 'IP' });
    const expected = everyAsset.filter((asset) => asset.type === 'ip').map((asset) => asset.id);

    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });

  it('keeps the assets carrying any of the Tags', async () => {
    const { ids } = await run({ ...EVERY_DATE, Tags: 'pci, dmz' });
    const expected = everyAsset
      .filter((asset) =>
        (asset.custom_tags as string[]).some((tag) => ['pci', 'dmz'].includes(tag)),
      )
      .map((asset) => asset.id);

    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });

  it('applies Other Filters as query parameters', async () => {
    const { ids } = await run({ ...EVERY_DATE, 'Other Filters': '{"exposure_score_gte": 70}' });
    const expected = everyAsset
      .filter((asset) => typeof asset.exposure_score === 'number' && asset.exposure_score >= 70)
      .map((asset) => asset.id);

    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });

  it('lists only the assets added yesterday or today when no dates are given', async () => {
    const days = everyAsset.map((asset) => String(asset.added_to_project_at).slice(0, 10));
    const latest = days.reduce((a, b) => (a > b ? a : b));
    const dayAfter = Date.parse(`${latest}T12:00:00Z`) + 86_400_000;

    const { ids } = await run({}, dayAfter);
    const expected = everyAsset.filter((_, index) => days[index] === latest).map((a) => a.id);

    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });

  it('includes the assets added on the End Time date ("on or before")', async () => {
    const days = everyAsset.map((asset) => String(asset.added_to_project_at).slice(0, 10));
    const [day] = [...days].sort(
      (a, b) => days.filter((d) => d === b).length - days.filter((d) => d === a).length,
    );
    const expected = everyAsset.filter((_, index) => days[index] === day).map((a) => a.id);

    const { ids } = await run({ 'Start Time': day, 'End Time': day });

    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });

  it('fails with the API message for an unknown project', async () => {
    const { envelope } = await run({ 'Project ID': 'no-such-project' });

    expect(envelope.error).toMatchObject({
      failureIndicator: 'Find Assets failed.',
      statusCode: 404,
      message: 'Unknown Project.',
      code: 'NOT_FOUND',
    });
  });
});
