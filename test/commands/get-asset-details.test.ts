import { existsSync, readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection } from '../helpers/connector.js';
import {
  ASSET_NOT_FOUND,
  itRefusesBeforeAnyRequest,
  itSurfacesVendorErrors,
  manifestKeyFields,
  manifestSample,
  PROJECT,
  runCounted,
  VENDOR_ERRORS,
} from './shared/vendor-errors.js';

const COMMAND = 'Get Asset Details';
const ASSET = 'foo.example.com';
const PATH = `/v2/projects/${PROJECT}/assets/${ASSET}`;
const RECORDED = new URL('../../../shared/recorded/psengine-asi/', import.meta.url);
const inputs = { 'Project ID': PROJECT, 'Asset ID': ASSET };

async function run(given: Record<string, unknown> = inputs, overrides = {}) {
  return runCounted(COMMAND, given, connection(overrides));
}

const asset = {
  project_id: PROJECT,
  id: ASSET,
  name: ASSET,
  type: 'domain',
  apex_domain: 'example.com',
  last_scanned_at: '2025-06-25T02:55:19Z',
  exposure_score: 48,
  is_static_asset: false,
  custom_tags: ['test'],
  resolved_ips: ['203.0.113.24', '203.0.113.25'],
};

describe('Get Asset Details', () => {
  it('asks for custom_tags by default and returns the asset with its key fields', async () => {
    const body = { data: asset, meta: { counts: { returned: 1, total: 1 } } };
    nock(API).get(PATH).query({ additional_fields: 'custom_tags' }).reply(200, body);

    const { envelope } = await run();

    expect(envelope).toEqual({
      command: COMMAND,
      returnData: 'Successful',
      rawData: body,
      keyFields: {
        'Asset ID': ASSET,
        'Asset Type': 'domain',
        'Apex Domain': 'example.com',
        'Exposure Score': 48,
        'Custom Tags': ['test'],
        'Resolved IP Count': 2,
        'Last Scanned At': '2025-06-25T02:55:19Z',
      },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it.each([
    ['a comma-separated list', ' whois, dns_records ,custom_tags'],
    ['a JSON array', '["whois","dns_records","custom_tags"]'],
    ['an array', ['whois', 'dns_records', 'custom_tags']],
  ])('sends Additional Fields given as %s comma-joined', async (_name, fields) => {
    nock(API)
      .get(PATH)
      .query({ additional_fields: 'whois,dns_records,custom_tags' })
      .reply(200, { data: asset });

    const { envelope } = await run({ ...inputs, 'Additional Fields': fields });

    expect(envelope.returnData).toBe('Successful');
  });

  it('gives null, not an empty list, for Custom Tags when custom_tags was not asked for', async () => {
    const { custom_tags: _omitted, exposure_score: _score, ...bare } = asset;
    nock(API)
      .get(PATH)
      .query({ additional_fields: 'whois' })
      .reply(200, { data: { ...bare, resolved_ips: null } });

    const { envelope } = await run({ ...inputs, 'Additional Fields': 'whois' });

    expect(envelope.keyFields).toMatchObject({
      'Custom Tags': null,
      'Exposure Score': null,
      'Resolved IP Count': 0,
    });
  });

  it('fails with RESPONSE_INVALID when the answer holds no asset', async () => {
    nock(API).get(PATH).query(true).reply(200, { meta: {} });

    const { envelope } = await run();

    expect(envelope.error).toMatchObject({ code: 'RESPONSE_INVALID', statusCode: 200 });
  });

  it('renders a 422 about additional_fields readably', async () => {
    nock(API)
      .get(PATH)
      .query(true)
      .reply(422, {
        detail: [
          {
            loc: ['query', 'additional_fields', 0],
            msg: "value is not a valid enumeration member; permitted: 'custom_tags', 'whois'",
            type: 'type_error.enum',
          },
        ],
      });

    const { envelope } = await run();

    expect(envelope.error).toMatchObject({
      code: 'REQUEST_REJECTED',
      statusCode: 422,
      message:
        "additional_fields.0 (query): value is not a valid enumeration member; permitted: 'custom_tags', 'whois'",
    });
  });

  it('surfaces the documented 422 message with the validation errors it points at', async () => {
    nock(API)
      .get(PATH)
      .query(true)
      .reply(422, {
        message: "Validation errors, see 'validation_errors'.",
        validation_errors: [{ field: 'additional_fields', message: 'Unknown field' }],
      });

    const { envelope } = await run();

    expect(envelope.error).toMatchObject({
      failureIndicator: 'Get Asset Details failed.',
      statusCode: 422,
      message: "Validation errors, see 'validation_errors'. additional_fields: Unknown field",
      code: 'REQUEST_REJECTED',
    });
  });

  itSurfacesVendorErrors(
    { command: COMMAND, inputs },
    [...VENDOR_ERRORS, ASSET_NOT_FOUND],
    (errorCase) => {
      nock(API).get(PATH).query(true).reply(errorCase.status, errorCase.body);
    },
  );

  it('keeps an Asset ID such as ../x inside its path segment', async () => {
    nock(API)
      .get(`/v2/projects/${PROJECT}/assets/..%2Fx`)
      .query({ additional_fields: 'custom_tags' })
      .reply(200, { data: { id: '../x' } });

    const { envelope } = await run({ ...inputs, 'Asset ID': '../x' });

    expect(envelope.keyFields).toMatchObject({ 'Asset ID': '../x' });
  });

  itRefusesBeforeAnyRequest({ command: COMMAND, inputs }, [
    ['Project ID is missing', { 'Asset ID': ASSET }, 'Project ID is required'],
    ['Asset ID is missing', { 'Project ID': PROJECT }, 'Asset ID is required'],
    ['Asset ID has a space', { ...inputs, 'Asset ID': 'a b' }, 'Asset ID must match'],
    [
      'Additional Fields names an unknown field',
      { ...inputs, 'Additional Fields': 'custom_tags,registrar' },
      'Additional Fields (1) must be one of',
    ],
    [
      'Additional Fields repeats a field',
      { ...inputs, 'Additional Fields': 'whois,whois' },
      'Additional Fields must not repeat an item',
    ],
  ]);

  it('returns exactly the key fields the manifest lists, from its sample output', async () => {
    nock(API)
      .get(PATH)
      .query(true)
      .reply(200, await manifestSample(COMMAND));

    const { envelope } = await run();

    expect(Object.keys(envelope.keyFields ?? {}).sort()).toEqual(await manifestKeyFields(COMMAND));
  });

  describe.skipIf(!existsSync(RECORDED))('with the recorded psengine response', () => {
    it('reads an asset without exposure score or scan time', async () => {
      const recorded = JSON.parse(readFileSync(new URL('asi_asset.json', RECORDED), 'utf8'));
      const id = recorded.data.id as string;
      nock(API)
        .get(`/v2/projects/${PROJECT}/assets/${id}`)
        .query({ additional_fields: 'custom_tags,dns_records,whois' })
        .reply(200, recorded);

      const { envelope } = await run({
        'Project ID': PROJECT,
        'Asset ID': id,
        'Additional Fields': 'custom_tags,dns_records,whois',
      });

      expect(envelope.rawData).toEqual(recorded);
      expect(envelope.keyFields).toEqual({
        'Asset ID': 'zzzezzzacosmetics.zendesk.com',
        'Asset Type': 'domain',
        'Apex Domain': 'zendesk.com',
        'Exposure Score': null,
        'Custom Tags': [],
        'Resolved IP Count': 2,
        'Last Scanned At': null,
      });
    });
  });
});
