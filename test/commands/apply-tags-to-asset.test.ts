import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection } from '../helpers/connector.js';
import { PROJECT, runCounted } from './shared/vendor-errors.js';
import { ASSET, itChangesAssetTags, PATH, tagResponse } from './shared/tag-change-suite.js';

describe('Apply Tags to Asset', () => {
  itChangesAssetTags({ command: 'Apply Tags to Asset', field: 'add_tags', tagsKey: 'Tags Added' });

  it('lists the tags the API echoes, not only those asked for', async () => {
    nock(API)
      .post(PATH, { add_tags: ['New Tag'] })
      .reply(200, tagResponse('add_tags', ['new tag'], true, []));

    const { envelope } = await runCounted(
      'Apply Tags to Asset',
      { 'Project ID': PROJECT, 'Asset ID': ASSET, Tags: '["New Tag"]' },
      connection(),
    );

    expect(envelope.keyFields).toMatchObject({ 'Tags Added': ['new tag'] });
  });
});
