import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssetSession, type AssetSession } from './shared/asset-session.js';

describe('Apply Tags to Asset against the emulator', () => {
  let session: AssetSession;
  let assetId: string;

  beforeAll(async () => {
    session = await openAssetSession();
    assetId = (await session.assets(1))[0]?.id ?? '';
  });

  afterAll(async () => {
    await session.emu.stop();
  });

  const customTags = async () =>
    (await session.run('Get Asset Details', { 'Asset ID': assetId })).keyFields?.['Custom Tags'];

  it('creates a tag, applies it, shows it in the asset details and removes it again', async () => {
    const created = await session.run('Create Tag', { 'Tag Name': 'e2e-review' });
    const applied = await session.run('Apply Tags to Asset', {
      'Asset ID': assetId,
      Tags: 'e2e-review, e2e-owner:soc',
    });
    const afterApply = await customTags();
    const removed = await session.run('Remove Tags From Asset', {
      'Asset ID': assetId,
      Tags: '["e2e-review"]',
    });
    const afterRemove = await customTags();

    expect(created.returnData).toBe('Successful');
    expect(applied.keyFields).toEqual({
      'Asset ID': assetId,
      'Tags Added': ['e2e-review', 'e2e-owner:soc'],
      Complete: true,
      'Task IDs': [],
    });
    expect(afterApply).toEqual(expect.arrayContaining(['e2e-review', 'e2e-owner:soc']));
    expect(removed.keyFields).toMatchObject({ 'Tags Removed': ['e2e-review'], Complete: true });
    expect(afterRemove).toContain('e2e-owner:soc');
    expect(afterRemove).not.toContain('e2e-review');
  });

  it('creates a tag the project lacks, so Get Tags lists it afterwards', async () => {
    await session.run('Apply Tags to Asset', { 'Asset ID': assetId, Tags: 'e2e-fresh' });

    const titles = (await session.run('Get Tags', {})).keyFields?.['Tag Titles'];

    expect(titles).toContain('e2e-fresh');
  });

  it('fails with the API message for an unknown asset', async () => {
    const envelope = await session.run('Apply Tags to Asset', {
      'Asset ID': 'domain.com',
      Tags: 'e2e-review',
    });

    expect(envelope.error).toMatchObject({
      failureIndicator: 'Apply Tags to Asset failed.',
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Asset not found: domain.com',
    });
  });
});

describe('Apply Tags to Asset against an emulator that tags after a delay', () => {
  let session: AssetSession;
  let assetId: string;
  let now = Date.parse('2025-07-01T00:00:00Z');

  beforeAll(async () => {
    session = await openAssetSession({ taggingDelayMs: 5_000, clock: { now: () => now } });
    assetId = (await session.assets(1))[0]?.id ?? '';
  });

  afterAll(async () => {
    await session.emu.stop();
  });

  it('reports the pending change with its task id, and the tag shows once the delay passed', async () => {
    const applied = await session.run('Apply Tags to Asset', {
      'Asset ID': assetId,
      Tags: 'e2e-later',
    });
    const taskIds = applied.keyFields?.['Task IDs'] as string[];
    const before = await session.run('Get Asset Details', { 'Asset ID': assetId });
    now += 5_000;
    const after = await session.run('Get Asset Details', { 'Asset ID': assetId });

    expect(applied.keyFields).toMatchObject({ Complete: false });
    expect(taskIds).toHaveLength(1);
    expect(applied.warnings).toEqual([
      expect.stringContaining(
        `GET /v2/projects/${session.projectId}/tags/_task_status/{task_id} for task ${taskIds[0]}`,
      ),
    ]);
    expect(before.keyFields?.['Custom Tags']).not.toContain('e2e-later');
    expect(after.keyFields?.['Custom Tags']).toContain('e2e-later');
  });
});
