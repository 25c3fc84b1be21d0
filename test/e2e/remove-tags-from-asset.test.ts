import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssetSession, type AssetSession } from './shared/asset-session.js';

let session: AssetSession;

beforeAll(async () => {
  session = await openAssetSession();
});

afterAll(async () => {
  await session.emu.stop();
});

describe('Remove Tags From Asset against the emulator', () => {
  it('removes every named tag in one command and keeps the others', async () => {
    const [asset] = await session.assets(1);
    const assetId = asset?.id ?? '';
    await session.run('Apply Tags to Asset', { 'Asset ID': assetId, Tags: 'e2e-a,e2e-b,e2e-c' });

    const removed = await session.run('Remove Tags From Asset', {
      'Asset ID': assetId,
      Tags: 'e2e-a,e2e-c',
    });
    const details = await session.run('Get Asset Details', { 'Asset ID': assetId });
    const tags = details.keyFields?.['Custom Tags'] as string[];

    expect(removed.keyFields).toMatchObject({ 'Tags Removed': ['e2e-a', 'e2e-c'], Complete: true });
    expect(tags).toContain('e2e-b');
    expect(tags).not.toEqual(expect.arrayContaining(['e2e-a']));
    expect(tags).not.toEqual(expect.arrayContaining(['e2e-c']));
  });

  it('succeeds for a tag the asset does not carry and leaves its tags as they were', async () => {
    const [, asset] = await session.assets(2);
    const assetId = asset?.id ?? '';
    const before = await session.run('Get Asset Details', { 'Asset ID': assetId });

    const removed = await session.run('Remove Tags From Asset', {
      'Asset ID': assetId,
      Tags: 'never-applied',
    });
    const after = await session.run('Get Asset Details', { 'Asset ID': assetId });

    expect(removed).toMatchObject({ returnData: 'Successful', keyFields: { Complete: true } });
    expect(removed.warnings).toBeUndefined();
    expect(after.keyFields?.['Custom Tags']).toEqual(before.keyFields?.['Custom Tags']);
  });

  it('fails with the API message for an unknown asset', async () => {
    const envelope = await session.run('Remove Tags From Asset', {
      'Asset ID': 'domain.com',
      Tags: 'e2e-a',
    });

    expect(envelope.error).toMatchObject({
      failureIndicator: 'Remove Tags From Asset failed.',
      statusCode: 404,
      message: 'Asset not found: domain.com',
    });
  });
});
