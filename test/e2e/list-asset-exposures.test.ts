import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssetSession, type AssetSession } from './shared/asset-session.js';

const RANK = ['unknown', 'informational', 'moderate', 'critical'];

let session: AssetSession;

beforeAll(async () => {
  session = await openAssetSession();
});

afterAll(async () => {
  await session.emu.stop();
});

describe('List Asset Exposures against the emulator', () => {
  it('lists the exposures the asset carries, with their signatures and highest severity', async () => {
    const assets = await session.assets(50);
    const exposed = assets.reduce((most, asset) =>
      asset.exposures.length > most.exposures.length ? asset : most,
    );
    const severities = exposed.exposures.map((exposure) => exposure.severity);
    const highest = severities.sort((a, b) => RANK.indexOf(b) - RANK.indexOf(a))[0];

    const envelope = await session.run('List Asset Exposures', { 'Asset ID': exposed.id });

    expect(exposed.exposures.length).toBeGreaterThan(1);
    const signatureIds = envelope.keyFields?.['Signature IDs'] as string[];

    expect(envelope.keyFields).toMatchObject({
      'Exposure Count': exposed.exposures.length,
      'Highest Severity': highest,
    });
    expect([...signatureIds].sort()).toEqual(
      [...new Set(exposed.exposures.map((exposure) => exposure.id))].sort(),
    );
    expect(envelope.rawData).toMatchObject({
      data: expect.arrayContaining([expect.objectContaining({ asset_id: exposed.id })]),
    });
    expect(envelope.warnings).toBeUndefined();
  });

  it('returns no exposures for an asset without any', async () => {
    const clean = (await session.assets(300)).find((asset) => asset.exposures.length === 0);

    const envelope = await session.run('List Asset Exposures', { 'Asset ID': clean?.id });

    expect(clean).toBeDefined();
    expect(envelope.keyFields).toEqual({
      'Exposure Count': 0,
      'Signature IDs': [],
      'Highest Severity': null,
    });
  });

  it('fails with the API message for an unknown asset', async () => {
    const envelope = await session.run('List Asset Exposures', { 'Asset ID': 'domain.com' });

    expect(envelope.error).toMatchObject({
      failureIndicator: 'List Asset Exposures failed.',
      statusCode: 404,
      message: 'Asset not found: domain.com',
    });
  });
});
