import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection } from '../helpers/connector.js';
import {
  itRefusesBeforeAnyRequest,
  itSurfacesVendorErrors,
  manifestKeyFields,
  manifestSample,
  PROJECT,
  runCounted,
  VENDOR_ERRORS,
} from './shared/vendor-errors.js';

const COMMAND = 'Create Tag';
const PATH = `/v2/projects/${PROJECT}/tags/Blacklist`;

async function run(inputs: Record<string, unknown>, overrides = {}) {
  return runCounted(COMMAND, inputs, connection(overrides));
}

const inputs = { 'Project ID': PROJECT, 'Tag Name': 'Blacklist' };

describe('Create Tag', () => {
  it('posts to the tag path without a body and reports a 201 as a created tag', async () => {
    const sent: unknown[] = [];
    nock(API)
      .post(PATH)
      .reply(201, (_uri, body) => {
        sent.push(body);
        return { data: { title: 'Blacklist' } };
      });

    const { envelope } = await run(inputs);

    expect(sent).toEqual(['']);
    expect(envelope).toEqual({
      command: COMMAND,
      returnData: 'Successful',
      rawData: { data: { title: 'Blacklist' } },
      keyFields: { 'Tag Name': 'Blacklist', 'Tag Status': 'Created' },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('leaves open whether the tag is new when the API answers a plain 200', async () => {
    nock(API)
      .post(PATH)
      .reply(200, { data: { title: 'Blacklist' } });

    const { envelope } = await run(inputs);

    expect(envelope.keyFields).toEqual({
      'Tag Name': 'Blacklist',
      'Tag Status': 'Created or Already Existed',
    });
  });

  it('reads the tagging task shape, taking the title from add_tags', async () => {
    const body = {
      data: {
        add_tags: ['Blacklist'],
        remove_tags: null,
        assets: [],
        complete: true,
        task_ids: null,
      },
    };
    nock(API).post(PATH).reply(200, body);

    const { envelope } = await run(inputs);

    expect(envelope.rawData).toEqual(body);
    expect(envelope.keyFields).toMatchObject({ 'Tag Name': 'Blacklist' });
  });

  it('returns the tag when the API answers with an empty body', async () => {
    nock(API).post(PATH).reply(204);

    const { envelope } = await run(inputs);

    expect(envelope.rawData).toEqual({ data: { title: 'Blacklist' } });
  });

  it.each([
    ['a 409', 409, { detail: 'Conflict' }],
    ['a 422 saying it already exists', 422, { detail: 'Tag Blacklist already exists.' }],
    ['a 400 saying it already exists', 400, { message: 'Tag already exists' }],
  ])('treats %s as success returning the existing tag', async (_name, status, body) => {
    nock(API).post(PATH).reply(status, body);

    const { envelope } = await run(inputs);

    expect(envelope).toMatchObject({
      returnData: 'Successful',
      rawData: { data: { title: 'Blacklist' } },
      keyFields: { 'Tag Name': 'Blacklist', 'Tag Status': 'Already Existed' },
    });
  });

  it('reports an existing tag when a 200 says it already exists', async () => {
    const body = { message: 'Tag already exists', data: { title: 'Blacklist' } };
    nock(API).post(PATH).reply(200, body);

    const { envelope } = await run(inputs);

    expect(envelope.rawData).toEqual(body);
    expect(envelope.keyFields).toMatchObject({ 'Tag Status': 'Already Existed' });
  });

  it('still fails on a 422 that is not about an existing tag', async () => {
    nock(API).post(PATH).reply(422, { detail: 'Tag name contains invalid characters.' });

    const { envelope } = await run(inputs);

    expect(envelope.error).toMatchObject({
      code: 'REQUEST_REJECTED',
      statusCode: 422,
      message: 'Tag name contains invalid characters.',
    });
  });

  itSurfacesVendorErrors({ command: COMMAND, inputs }, VENDOR_ERRORS, (errorCase) => {
    nock(API).post(PATH).reply(errorCase.status, errorCase.body);
  });

  it('encodes a tag name with a slash and spaces as one path segment', async () => {
    nock(API)
      .post(`/v2/projects/${PROJECT}/tags/internet%20facing%2Fdmz`)
      .reply(201, { data: { title: 'internet facing/dmz' } });

    const { envelope } = await run({ ...inputs, 'Tag Name': 'internet facing/dmz' });

    expect(envelope.keyFields).toMatchObject({ 'Tag Name': 'internet facing/dmz' });
  });

  itRefusesBeforeAnyRequest({ command: COMMAND, inputs }, [
    ['Project ID is missing', { 'Tag Name': 'Blacklist' }, 'Project ID is required'],
    ['Tag Name is missing', { 'Project ID': PROJECT }, 'Tag Name is required'],
    ['Tag Name is blank', { ...inputs, 'Tag Name': '   ' }, 'Tag Name is required'],
    [
      'Tag Name is over 100 characters',
      { ...inputs, 'Tag Name': 'x'.repeat(101) },
      'Tag Name must be at most 100 characters long',
    ],
    ['Tag Name is a dot segment', { ...inputs, 'Tag Name': '..' }, "cannot be '..'"],
  ]);

  it('returns exactly the key fields the manifest lists, from its sample output', async () => {
    nock(API)
      .post(PATH)
      .reply(201, await manifestSample(COMMAND));

    const { envelope } = await run(inputs);

    expect(Object.keys(envelope.keyFields ?? {}).sort()).toEqual(await manifestKeyFields(COMMAND));
  });
});
