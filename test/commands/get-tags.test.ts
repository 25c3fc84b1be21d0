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

const COMMAND = 'Get Tags';
const PATH = `/v2/projects/${PROJECT}/tags`;
const inputs = { 'Project ID': PROJECT };

async function run(given: Record<string, unknown> = inputs, overrides = {}) {
  return runCounted(COMMAND, given, connection(overrides));
}

describe('Get Tags', () => {
  it('lists the tags with their count and titles', async () => {
    const body = {
      data: [{ title: 'Blacklist' }, { title: 'payment-systems' }],
      meta: { counts: { returned: 2, total: 2 }, request_id: '9b8a7c6d' },
    };
    nock(API).get(PATH).query({}).reply(200, body);

    const { envelope, requests } = await run();

    expect(requests).toBe(1);
    expect(envelope).toEqual({
      command: COMMAND,
      returnData: 'Successful',
      rawData: body,
      keyFields: { 'Tag Count': 2, 'Tag Titles': ['Blacklist', 'payment-systems'] },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('reads a list of plain strings as tag titles', async () => {
    nock(API)
      .get(PATH)
      .reply(200, { data: ['critical', 'internet-facing'] });

    const { envelope } = await run();

    expect(envelope.rawData).toEqual({
      data: [{ title: 'critical' }, { title: 'internet-facing' }],
    });
    expect(envelope.keyFields).toEqual({
      'Tag Count': 2,
      'Tag Titles': ['critical', 'internet-facing'],
    });
  });

  it.each([
    ['data is absent', { meta: { counts: { returned: 0, total: 0 } } }],
    ['data is null', { data: null }],
    ['the body is empty', ''],
  ])('returns no tags when %s', async (_name, body) => {
    nock(API).get(PATH).reply(200, body);

    const { envelope } = await run();

    expect(envelope).toMatchObject({
      returnData: 'Successful',
      rawData: { data: [] },
      keyFields: { 'Tag Count': 0, 'Tag Titles': [] },
    });
    expect(envelope.warnings).toBeUndefined();
  });

  it('follows next_cursor when the API pages the tags', async () => {
    nock(API)
      .get(PATH)
      .reply(200, {
        data: [{ title: 'a' }],
        meta: { pagination: { next_cursor: 'c2' }, counts: { total: 2 } },
      });
    nock(API)
      .get(PATH)
      .query({ cursor: 'c2' })
      .reply(200, { data: [{ title: 'b' }], meta: { pagination: { next_cursor: null } } });

    const { envelope, requests } = await run();

    expect(requests).toBe(2);
    expect(envelope.keyFields).toEqual({ 'Tag Count': 2, 'Tag Titles': ['a', 'b'] });
  });

  it('warns when the API reports more tags than it returned', async () => {
    nock(API)
      .get(PATH)
      .reply(200, { data: [{ title: 'a' }], meta: { counts: { returned: 1, total: 3 } } });

    const { envelope } = await run();

    expect(envelope.warnings).toEqual([
      'SecurityTrails reported 3 tags but returned 1; the list may be incomplete. ' +
        'Run the command again to check.',
    ]);
  });

  it('stops after 50 pages and warns when the cursor never ends', async () => {
    let served = 0;
    nock(API)
      .get(PATH)
      .query(true)
      .times(50)
      .reply(() => {
        served += 1;
        return [
          200,
          { data: [`tag-${served}`], meta: { pagination: { next_cursor: `c${served}` } } },
        ];
      });

    const { envelope, requests } = await run();

    expect(requests).toBe(50);
    expect(envelope.keyFields).toMatchObject({ 'Tag Count': 50 });
    expect(envelope.warnings).toEqual([
      'Stopped after 50 pages with 50 tags; more tags may exist. The list was not read to its end.',
    ]);
  });

  itSurfacesVendorErrors({ command: COMMAND, inputs }, VENDOR_ERRORS, (errorCase) => {
    nock(API).get(PATH).reply(errorCase.status, errorCase.body);
  });

  it('encodes a Project ID as one path segment', async () => {
    nock(API).get('/v2/projects/..%2Fprojects/tags').reply(200, { data: [] });

    const { envelope } = await run({ 'Project ID': '../projects' });

    expect(envelope.returnData).toBe('Successful');
  });

  itRefusesBeforeAnyRequest({ command: COMMAND, inputs }, [
    ['Project ID is missing', {}, 'Project ID is required'],
    ['Project ID is blank', { 'Project ID': '  ' }, 'Project ID is required'],
    ['an unknown parameter is given', { ...inputs, Limit: 10 }, 'Limit is not a parameter'],
  ]);

  it('returns exactly the key fields the manifest lists, from its sample output', async () => {
    const sample = await manifestSample(COMMAND);
    nock(API).get(PATH).reply(200, sample);

    const { envelope } = await run();

    expect(envelope.rawData).toEqual(sample);
    expect(Object.keys(envelope.keyFields ?? {}).sort()).toEqual(await manifestKeyFields(COMMAND));
  });
});
