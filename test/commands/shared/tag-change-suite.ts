import nock from 'nock';
import { expect, it } from 'vitest';
import { API, connection } from '../../helpers/connector.js';
import {
  ASSET_NOT_FOUND,
  itRefusesBeforeAnyRequest,
  itSurfacesVendorErrors,
  manifestKeyFields,
  manifestSample,
  PROJECT,
  runCounted,
  VENDOR_ERRORS,
} from './vendor-errors.js';

export interface TagChangeCommand {
  command: 'Apply Tags to Asset' | 'Remove Tags From Asset';
  /** The request body field that carries the tags. */
  field: 'add_tags' | 'remove_tags';
  /** The key field that lists the tags. */
  tagsKey: 'Tags Added' | 'Tags Removed';
}

export const ASSET = 'foo.example.com';
export const PATH = `/v2/projects/${PROJECT}/assets/${ASSET}/tags`;
export const TASK = 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f';

export function tagResponse(field: string, tags: string[], complete: boolean, taskIds: string[]) {
  const other = field === 'add_tags' ? 'remove_tags' : 'add_tags';
  return {
    data: {
      [field]: tags,
      [other]: null,
      assets: [ASSET],
      complete,
      task_ids: taskIds.length === 0 ? null : taskIds,
    },
  };
}

/** The behaviour Apply Tags to Asset and Remove Tags From Asset share. */
export function itChangesAssetTags({ command, field, tagsKey }: TagChangeCommand): void {
  const inputs = { 'Project ID': PROJECT, 'Asset ID': ASSET, Tags: ['test', 'dmz'] };
  const run = (given: Record<string, unknown> = inputs, overrides = {}) =>
    runCounted(command, given, connection(overrides));

  it(`sends every tag in one POST with ${field} and reports a finished change`, async () => {
    const body = tagResponse(field, ['test', 'dmz'], true, []);
    nock(API)
      .post(PATH, { [field]: ['test', 'dmz'] })
      .reply(200, body);

    const { envelope, requests } = await run();

    expect(requests).toBe(1);
    expect(envelope).toEqual({
      command,
      returnData: 'Successful',
      rawData: body,
      keyFields: { 'Asset ID': ASSET, [tagsKey]: ['test', 'dmz'], Complete: true, 'Task IDs': [] },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('accepts the tags as a comma-separated list', async () => {
    nock(API)
      .post(PATH, { [field]: ['test', 'dmz'] })
      .reply(200, tagResponse(field, ['test', 'dmz'], true, []));

    const { envelope } = await run({ ...inputs, Tags: ' test, dmz ' });

    expect(envelope.returnData).toBe('Successful');
  });

  it('warns with the task ids and how to check them when the change is not complete', async () => {
    nock(API)
      .post(PATH, { [field]: ['test', 'dmz'] })
      .reply(200, tagResponse(field, ['test', 'dmz'], false, [TASK]));

    const { envelope } = await run();

    expect(envelope.keyFields).toMatchObject({ Complete: false, 'Task IDs': [TASK] });
    expect(envelope.warnings).toEqual([
      'SecurityTrails accepted the tag change but had not finished it when it answered; the ' +
        'tags apply after a short delay. Check progress with GET ' +
        `/v2/projects/${PROJECT}/tags/_task_status/{task_id} for task ${TASK}, ` +
        'or run Get Asset Details later.',
    ]);
  });

  it('warns that the change is pending when complete is absent and no task id came', async () => {
    nock(API)
      .post(PATH)
      .reply(200, { data: { assets: [ASSET] } });

    const { envelope } = await run();

    expect(envelope.keyFields).toEqual({
      'Asset ID': ASSET,
      [tagsKey]: ['test', 'dmz'],
      Complete: false,
      'Task IDs': [],
    });
    expect(envelope.warnings?.[0]).toContain('No task id was returned');
  });

  itSurfacesVendorErrors({ command, inputs }, [...VENDOR_ERRORS, ASSET_NOT_FOUND], (errorCase) => {
    nock(API).post(PATH).reply(errorCase.status, errorCase.body);
  });

  it.each([
    ['../x', '..%2Fx'],
    ['a?b#c', 'a%3Fb%23c'],
    ['a/b', 'a%2Fb'],
  ])('keeps the Asset ID %s inside its path segment', async (assetId, encoded) => {
    nock(API)
      .post(`/v2/projects/${PROJECT}/assets/${encoded}/tags`, { [field]: ['test'] })
      .reply(200, { data: { complete: true } });

    const { envelope } = await run({ ...inputs, 'Asset ID': assetId, Tags: ['test'] });

    expect(envelope.keyFields).toMatchObject({ 'Asset ID': assetId });
  });

  itRefusesBeforeAnyRequest({ command, inputs }, [
    ['Project ID is missing', { 'Asset ID': ASSET, Tags: ['a'] }, 'Project ID is required'],
    ['Asset ID is missing', { 'Project ID': PROJECT, Tags: ['a'] }, 'Asset ID is required'],
    ['Asset ID has a space', { ...inputs, 'Asset ID': 'a b' }, 'Asset ID must match'],
    ['Asset ID is a dot segment', { ...inputs, 'Asset ID': '..' }, "cannot be '..'"],
    ['Tags is missing', { 'Project ID': PROJECT, 'Asset ID': ASSET }, 'Tags is required'],
    ['Tags is blank', { ...inputs, Tags: '' }, 'Tags is required'],
    ['Tags is an empty array', { ...inputs, Tags: [] }, 'Tags must have at least 1 items'],
    ['Tags holds only commas', { ...inputs, Tags: ' , ,' }, 'Tags must have at least 1 items'],
    ['Tags is not JSON', { ...inputs, Tags: '["a",' }, 'Tags must be a JSON array'],
    ['Tags repeats a tag', { ...inputs, Tags: 'a,a' }, 'Tags must not repeat an item'],
  ]);

  it('returns exactly the key fields the manifest lists, from its sample output', async () => {
    nock(API)
      .post(PATH)
      .reply(200, await manifestSample(command));

    const { envelope } = await run();

    expect(Object.keys(envelope.keyFields ?? {}).sort()).toEqual(await manifestKeyFields(command));
  });
}
