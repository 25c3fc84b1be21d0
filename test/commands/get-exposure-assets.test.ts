import { existsSync, readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection, connector, fastOptions } from '../helpers/connector.js';
import { scriptPages } from '../helpers/v2-pages.js';
import {
  expectVendorFailure,
  LISTING_WORDINGS,
  queryRejected,
  VENDOR_ERRORS,
  type VendorErrorCase,
} from './shared/vendor-errors.js';

const RECORDED = new URL('../../../shared/recorded/', import.meta.url);
const PATH = '/v2/projects/p-1/exposures/spf-record-detect';
const SIGNATURE = {
  id: 'spf-record-detect',
  name: 'SPF Record Detected',
  severity: 'informational',
};

const SIGNATURE_NOT_FOUND: VendorErrorCase = {
  name: '404 for an unknown signature',
  status: 404,
  body: { detail: 'Signature spf-record-detectt not found.' },
  expected: {
    code: 'NOT_FOUND',
    message: 'Signature spf-record-detectt not found.',
    class: 'input',
  },
};

function assetExposures(from: number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, offset) => ({
    asset_id: `mail-${from + offset}.example.com`,
    instances: [],
    details: { target: `mail-${from + offset}.example.com` },
  }));
}

/** A page of a signature's assets: `data` is an object, not a list. */
function page(items: unknown[], nextCursor: string | null, total: number) {
  return {
    data: { signature: SIGNATURE, asset_exposures: items },
    meta: {
      pagination: {
        limit: 1000,
        next_cursor: nextCursor,
        sort: [['exposure_score', 'desc']],
        total,
      },
      params: { signature_id: 'spf-record-detect' },
      request_id: '2b3c4d5e6f7a48b9c0d1e2f3a4b5c6d7',
    },
  };
}

function recorded(path: string) {
  return JSON.parse(readFileSync(new URL(path, RECORDED), 'utf8'));
}

async function run(inputs: Record<string, unknown> = {}, overrides = {}) {
  return (await connector()).execute(
    'Get Exposure Assets',
    { 'Project ID': 'p-1', 'Signature ID': 'spf-record-detect', ...inputs },
    connection(overrides),
    fastOptions(),
  );
}

describe('Get Exposure Assets', () => {
  it('returns the signature once with its affected assets', async () => {
    const body = page(assetExposures(1, 2), null, 2);
    nock(API).get(PATH).query({ limit: '1000' }).reply(200, body);

    expect(await run()).toEqual({
      command: 'Get Exposure Assets',
      returnData: 'Successful',
      rawData: {
        data: body.data,
        meta: {
          counts: { returned: 2, total: 2 },
          pagination: { total: 2, pages: 1 },
          params: { signature_id: 'spf-record-detect' },
          sort: [['exposure_score', 'desc']],
        },
      },
      keyFields: {
        'Signature ID': 'spf-record-detect',
        Severity: 'informational',
        'Asset Count': 2,
        'Asset IDs': ['mail-1.example.com', 'mail-2.example.com'],
      },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('merges 2,500 asset exposures over three pages and keeps the signature once', async () => {
    scriptPages(PATH, {}, [
      { query: { limit: '1000' }, body: page(assetExposures(0, 1000), 'a1', 2500) },
      {
        query: { limit: '1000', cursor: 'a1' },
        body: page(assetExposures(1000, 1000), 'a2', 2500),
      },
      { query: { limit: '1000', cursor: 'a2' }, body: page(assetExposures(2000, 500), null, 2500) },
    ]);

    const envelope = await run();
    const data = (envelope.rawData as { data: Record<string, unknown> }).data;

    expect(Object.keys(data)).toEqual(['signature', 'asset_exposures']);
    expect(data.signature).toEqual(SIGNATURE);
    expect(envelope.keyFields?.['Asset IDs']).toEqual(
      assetExposures(0, 2500).map((exposure) => exposure.asset_id),
    );
    expect(envelope.keyFields?.['Asset Count']).toBe(2500);
  });

  it('encodes a Signature ID with a slash and refuses one that is a dot segment', async () => {
    nock(API)
      .get('/v2/projects/p-1/exposures/cve-jQuery%20UI%2F1')
      .query({ limit: '1000' })
      .reply(200, page([], null, 0));

    expect((await run({ 'Signature ID': 'cve-jQuery UI/1' })).returnData).toBe('Successful');
    expect((await run({ 'Signature ID': '..' })).error).toMatchObject({
      code: 'INPUT_INVALID',
      message: "A path parameter cannot be '..'; give a real identifier.",
    });
  });

  it('returns exactly the key fields the manifest declares', async () => {
    nock(API)
      .get(PATH)
      .query({ limit: '1000' })
      .reply(200, page(assetExposures(0, 1), null, 1));

    const envelope = await run();
    const declared = (await connector()).command('Get Exposure Assets')?.keyFields ?? [];

    expect(Object.keys(envelope.keyFields ?? {}).sort()).toEqual([...declared].sort());
  });

  it.each([
    ...VENDOR_ERRORS,
    ...LISTING_WORDINGS,
    SIGNATURE_NOT_FOUND,
    queryRejected('limit', 'ensure this value is less than or equal to 1000'),
  ])('surfaces $name', async (errorCase) => {
    nock(API).get(PATH).query({ limit: '1000' }).reply(errorCase.status, errorCase.body);

    expectVendorFailure(await run(), 'Get Exposure Assets', errorCase);
  });

  it('requires a Signature ID', async () => {
    const envelope = await run({ 'Signature ID': '' });

    expect(envelope.error).toMatchObject({
      code: 'INPUT_INVALID',
      message: 'Signature ID is required; give a value.',
    });
  });

  describe.skipIf(!existsSync(RECORDED))('with recorded responses', () => {
    it('stops after the psengine page that reaches its total of 5 despite a cursor', async () => {
      const body = recorded('psengine-asi/asi_exposure_signature.json');
      const path = '/v2/projects/p-1/exposures/CVE-2022-2551';
      nock(API).get(path).query({ limit: '1000' }).reply(200, body);

      const envelope = await run({ 'Signature ID': 'CVE-2022-2551' });

      expect(body.meta.pagination.next_cursor).toEqual(expect.any(String));
      expect(envelope.rawData).toEqual({
        data: { signature: body.data.signature, asset_exposures: body.data.asset_exposures },
        meta: {
          counts: { returned: 5, total: 5 },
          pagination: { total: 5, pages: 1 },
          params: { signature_id: 'CVE-2022-2551' },
          sort: [['exposure_score', 'desc']],
        },
      });
      expect(envelope.keyFields).toMatchObject({
        'Signature ID': 'CVE-2022-2551',
        'Asset Count': 5,
      });
      expect(envelope.warnings).toBeUndefined();
    });

    it('merges the OpenCTI pages; Severity is null when the signature has none', async () => {
      const first = recorded('opencti-rf-asi/exposure_assets_page.json');
      const last = recorded('opencti-rf-asi/exposure_assets_page_last.json');
      scriptPages(PATH, {}, [
        { query: { limit: '1000' }, body: first },
        { query: { limit: '1000', cursor: 'assets-cursor-page-2' }, body: last },
      ]);

      const envelope = await run();

      expect(envelope.keyFields).toEqual({
        'Signature ID': 'sig-001',
        Severity: null,
        'Asset Count': 3,
        'Asset IDs': ['203.0.113.10', 'example.com', '2001:db8::1'],
      });
      expect(envelope.rawData).toMatchObject({
        data: { signature: first.data.signature },
        meta: { counts: { returned: 3, total: 3 }, pagination: { total: 3, pages: 2 } },
      });
    });
  });
});
