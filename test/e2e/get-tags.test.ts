import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssetSession, type AssetSession } from './shared/asset-session.js';

let session: AssetSession;

beforeAll(async () => {
  session = await openAssetSession();
});

afterAll(async () => {
  await session.emu.stop();
});

describe('Get Tags against the emulator', () => {
  it('lists the project tags with a count that matches the titles', async () => {
    const envelope = await session.run('Get Tags', {});
    const titles = envelope.keyFields?.['Tag Titles'] as string[];

    expect(envelope.returnData).toBe('Successful');
    expect(titles.length).toBeGreaterThan(0);
    expect(envelope.keyFields?.['Tag Count']).toBe(titles.length);
    expect(envelope.rawData).toMatchObject({ data: titles.map((title) => ({ title })) });
    expect(envelope.warnings).toBeUndefined();
  });

  it('lists every tag carried by the first assets', async () => {
    const carried = (await session.assets(100)).flatMap((asset) => asset.custom_tags);
    const titles = (await session.run('Get Tags', {})).keyFields?.['Tag Titles'] as string[];

    expect(carried.length).toBeGreaterThan(0);
    expect(titles).toEqual(expect.arrayContaining([...new Set(carried)]));
  });

  it('fails with the API message for an unknown project', async () => {
    const envelope = await session.run('Get Tags', {
      'Project ID': '00000000-0000-4000-8000-000000000000',
    });

    expect(envelope.error).toMatchObject({ statusCode: 404, message: 'Unknown Project.' });
  });
});
