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

const COMMAND = 'List Asset Exposures';
const ASSET = 'vpn.example.com';
const PATH = `/v2/projects/${PROJECT}/assets/${ASSET}/exposures`;
const inputs = { 'Project ID': PROJECT, 'Asset ID': ASSET };

async function run(given: Record<string, unknown> = inputs, overrides = {}) {
  return runCounted(COMMAND, given, connection(overrides));
}

function exposure(id: string, severity: string, port = 443) {
  return {
    asset_id: ASSET,
    instances: [{ port_number: port, url: `https://${ASSET}/`, details: { version: '9.1.2' } }],
    details: { target: `${ASSET}:${port}` },
    signature: { id, name: id.toUpperCase(), severity, added_at: '2024-04-13T00:00:00Z' },
  };
}

describe('List Asset Exposures', () => {
  it('lists the exposures with their count, signature ids and highest severity', async () => {
    const body = {
      data: [
        exposure('weak-tls-protocol', 'moderate'),
        exposure('cve-2024-3400', 'critical'),
        exposure('weak-tls-protocol', 'moderate', 8443),
        exposure('spf-record-detected', 'informational'),
      ],
      meta: { counts: { returned: 4, total: 4 } },
    };
    nock(API).get(PATH).query({}).reply(200, body);

    const { envelope, requests } = await run();

    expect(requests).toBe(1);
    expect(envelope).toEqual({
      command: COMMAND,
      returnData: 'Successful',
      rawData: body,
      keyFields: {
        'Exposure Count': 4,
        'Signature IDs': ['weak-tls-protocol', 'cve-2024-3400', 'spf-record-detected'],
        'Highest Severity': 'critical',
      },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('reports no exposures with a null highest severity', async () => {
    nock(API)
      .get(PATH)
      .reply(200, { data: [], meta: { counts: { returned: 0, total: 0 } } });

    const { envelope } = await run();

    expect(envelope.keyFields).toEqual({
      'Exposure Count': 0,
      'Signature IDs': [],
      'Highest Severity': null,
    });
    expect(envelope.warnings).toBeUndefined();
  });

  it('accepts a single exposure object as data', async () => {
    nock(API)
      .get(PATH)
      .reply(200, { data: exposure('cve-2024-3400', 'critical') });

    const { envelope } = await run();

    expect(envelope.rawData).toEqual({ data: [exposure('cve-2024-3400', 'critical')] });
    expect(envelope.keyFields).toMatchObject({ 'Exposure Count': 1 });
  });

  it('reads the exposures of an asset object returned as data', async () => {
    const embedded = [
      { id: 'open-rdp', detection_id: 'd-1', severity: 'moderate', instances: [] },
      { id: 'expired-certificate', detection_id: 'd-2', severity: 'informational' },
    ];
    nock(API)
      .get(PATH)
      .reply(200, {
        data: { id: ASSET, type: 'domain', exposures: embedded },
        meta: { counts: { returned: 1, total: 1 } },
      });

    const { envelope } = await run();

    expect(envelope.keyFields).toEqual({
      'Exposure Count': 2,
      'Signature IDs': ['open-rdp', 'expired-certificate'],
      'Highest Severity': 'moderate',
    });
    expect(envelope.warnings).toBeUndefined();
  });

  it('follows next_cursor and stops when the reported total is reached', async () => {
    nock(API)
      .get(PATH)
      .reply(200, {
        data: [exposure('a', 'unknown')],
        meta: { pagination: { next_cursor: '1', total: 2 } },
      });
    nock(API)
      .get(PATH)
      .query({ cursor: '1' })
      .reply(200, {
        data: [exposure('b', 'informational')],
        meta: { pagination: { next_cursor: '2', total: 2 } },
      });

    const { envelope, requests } = await run();

    expect(requests).toBe(2);
    expect(envelope.keyFields).toEqual({
      'Exposure Count': 2,
      'Signature IDs': ['a', 'b'],
      'Highest Severity': 'informational',
    });
    expect(envelope.rawData).toMatchObject({
      data: [exposure('a', 'unknown'), exposure('b', 'informational')],
    });
  });

  it('stops and warns when the API repeats a cursor short of its reported total', async () => {
    const page = {
      data: [exposure('a', 'moderate')],
      meta: { pagination: { next_cursor: 'same', total: 5 } },
    };
    nock(API).get(PATH).reply(200, page);
    nock(API).get(PATH).query({ cursor: 'same' }).reply(200, page);

    const { envelope, requests } = await run();

    expect(requests).toBe(2);
    expect(envelope.warnings).toEqual([
      'SecurityTrails reported 5 exposures but returned 2; the list may be incomplete. ' +
        'Run the command again to check.',
    ]);
  });

  it('ranks an unknown severity word below every documented one', async () => {
    nock(API)
      .get(PATH)
      .reply(200, { data: [exposure('a', 'weird'), exposure('b', 'unknown')] });

    const { envelope } = await run();

    expect(envelope.keyFields).toMatchObject({ 'Highest Severity': 'unknown' });
  });

  itSurfacesVendorErrors(
    { command: COMMAND, inputs },
    [...VENDOR_ERRORS, ASSET_NOT_FOUND],
    (errorCase) => {
      nock(API).get(PATH).reply(errorCase.status, errorCase.body);
    },
  );

  it('keeps an Asset ID such as ../x inside its path segment', async () => {
    nock(API).get(`/v2/projects/${PROJECT}/assets/..%2Fx/exposures`).reply(200, { data: [] });

    const { envelope } = await run({ ...inputs, 'Asset ID': '../x' });

    expect(envelope.returnData).toBe('Successful');
  });

  itRefusesBeforeAnyRequest({ command: COMMAND, inputs }, [
    ['Project ID is missing', { 'Asset ID': ASSET }, 'Project ID is required'],
    ['Asset ID is missing', { 'Project ID': PROJECT }, 'Asset ID is required'],
    ['Asset ID has a space', { ...inputs, 'Asset ID': 'a b' }, 'Asset ID must match'],
    ['Project ID is a dot segment', { ...inputs, 'Project ID': '.' }, "cannot be '.'"],
  ]);

  it('returns exactly the key fields the manifest lists, from its sample output', async () => {
    const sample = await manifestSample(COMMAND);
    nock(API).get(PATH).reply(200, sample);

    const { envelope } = await run();

    expect(envelope.rawData).toEqual(sample);
    expect(Object.keys(envelope.keyFields ?? {}).sort()).toEqual(await manifestKeyFields(COMMAND));
  });
});
