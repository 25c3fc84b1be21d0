import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssetSession, type AssetSession } from './shared/asset-session.js';

let session: AssetSession;

beforeAll(async () => {
  session = await openAssetSession();
});

afterAll(async () => {
  await session.emu.stop();
});

describe('Create Tag against the emulator', () => {
  it('creates a tag that Get Tags then lists', async () => {
    const created = await session.run('Create Tag', { 'Tag Name': 'internet facing/dmz' });
    const listed = await session.run('Get Tags', {});

    expect(created).toMatchObject({
      returnData: 'Successful',
      rawData: { data: { title: 'internet facing/dmz' } },
      keyFields: { 'Tag Name': 'internet facing/dmz' },
    });
    expect(listed.keyFields?.['Tag Titles']).toContain('internet facing/dmz');
  });

  it('succeeds again for a tag that already exists, without duplicating it', async () => {
    await session.run('Create Tag', { 'Tag Name': 'Blacklist' });
    const again = await session.run('Create Tag', { 'Tag Name': 'Blacklist' });
    const titles = (await session.run('Get Tags', {})).keyFields?.['Tag Titles'] as string[];

    expect(again.returnData).toBe('Successful');
    expect(titles.filter((title) => title === 'Blacklist')).toHaveLength(1);
  });

  it('fails with the API message for an unknown project', async () => {
    const envelope = await session.run('Create Tag', {
      'Project ID': '00000000-0000-4000-8000-000000000000',
      'Tag Name': 'Blacklist',
    });

    expect(envelope.error).toMatchObject({
      failureIndicator: 'Create Tag failed.',
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Unknown Project.',
    });
  });
});
