import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssetSession, type AssetSession } from './shared/asset-session.js';

let session: AssetSession;

beforeAll(async () => {
  session = await openAssetSession();
});

afterAll(async () => {
  await session.emu.stop();
});

describe('Get Asset Details against the emulator', () => {
  it('returns the asset with key fields that agree with its raw data', async () => {
    const [asset] = await session.assets(1);

    const envelope = await session.run('Get Asset Details', { 'Asset ID': asset?.id });
    const data = (envelope.rawData as { data: Record<string, unknown> }).data;

    expect(envelope.returnData).toBe('Successful');
    expect(envelope.keyFields).toEqual({
      'Asset ID': asset?.id,
      'Asset Type': asset?.type,
      'Apex Domain': data.apex_domain ?? null,
      'Exposure Score': asset?.exposure_score ?? null,
      'Custom Tags': asset?.custom_tags,
      'Resolved IP Count': (data.resolved_ips as unknown[] | undefined)?.length ?? 0,
      'Last Scanned At': data.last_scanned_at ?? null,
    });
  });

  it('adds the enrichments named in Additional Fields', async () => {
    const [asset] = await session.assets(1);

    const envelope = await session.run('Get Asset Details', {
      'Asset ID': asset?.id,
      'Additional Fields': 'custom_tags, whois, dns_records, exposures',
    });
    const data = (envelope.rawData as { data: Record<string, unknown> }).data;

    expect(data).toHaveProperty('dns_records');
    expect(data).toHaveProperty('exposures');
    expect(envelope.keyFields?.['Custom Tags']).toEqual(asset?.custom_tags);
  });

  it('reads an IP asset too', async () => {
    const ip = (await session.assets(300)).find((asset) => asset.type === 'ip');

    const envelope = await session.run('Get Asset Details', { 'Asset ID': ip?.id });

    expect(ip).toBeDefined();
    expect(envelope.keyFields).toMatchObject({ 'Asset ID': ip?.id, 'Asset Type': 'ip' });
  });

  it('fails with the API message for an unknown asset', async () => {
    const envelope = await session.run('Get Asset Details', { 'Asset ID': 'domain.com' });

    expect(envelope.error).toMatchObject({
      failureIndicator: 'Get Asset Details failed.',
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Asset not found: domain.com',
    });
  });
});
