import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection } from '../helpers/connector.js';
import { PROJECT, runCounted } from './shared/vendor-errors.js';
import { ASSET, itChangesAssetTags, PATH, tagResponse } from './shared/tag-change-suite.js';

describe('Remove Tags From Asset', () => {
  itChangesAssetTags({
    command: 'Remove Tags From Asset',
    field: 'remove_tags',
    tagsKey: 'Tags Removed',
  });

  it('succeeds when the asset does not carry the tag', async () => {
    nock(API)
      .post(PATH, { remove_tags: ['never-applied'] })
      .reply(200, tagResponse('remove_tags', ['never-applied'], true, []));

    const { envelope } = await runCounted(
      'Remove Tags From Asset',
      { 'Project ID': PROJECT, 'Asset ID': ASSET, Tags: 'never-applied' },
      connection(),
    );

    expect(envelope).toMatchObject({
      returnData: 'Successful',
      keyFields: { 'Tags Removed': ['never-applied'], Complete: true },
    });
    expect(envelope.warnings).toBeUndefined();
  });
});
