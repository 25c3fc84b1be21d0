import { existsSync, readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection, connector, fastOptions } from '../helpers/connector.js';
import { listPage, scriptPages } from '../helpers/v2-pages.js';
import {
  expectVendorFailure,
  LISTING_WORDINGS,
  queryRejected,
  VENDOR_ERRORS,
} from './shared/vendor-errors.js';

const RECORDED = new URL('../../../shared/recorded/', import.meta.url);
const PATH = '/v2/projects/p-1/exposures';
const SEVERITIES = ['critical', 'moderate', 'informational', 'unknown'];

function exposures(from: number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, offset) => {
    const n = from + offset;
    return {
      asset_count: (n % 7) + 1,
      signature: { id: `sig-${n}`, name: `Signature ${n}`, severity: SEVERITIES[n % 4] },
    };
  });
}

function recorded(path: string) {
  return JSON.parse(readFileSync(new URL(path, RECORDED), 'utf8'));
}

async function run(inputs: Record<string, unknown> = {}, overrides = {}) {
  return (await connector()).execute(
    'List Exposures',
    { 'Project ID': 'p-1', ...inputs },
    connection(overrides),
    fastOptions(),
  );
}

describe('List Exposures', () => {
  it('reads the exposures 1000 per page and counts them by severity', async () => {
    const page = listPage(exposures(0, 3), null, 3, { params: { filter: {} } });
    nock(API).get(PATH).query({ limit: '1000' }).reply(200, page);

    expect(await run()).toEqual({
      command: 'List Exposures',
      returnData: 'Successful',
      rawData: {
        data: page.data,
        meta: {
          counts: { returned: 3, total: 3 },
          pagination: { total: 3, pages: 1 },
          params: { filter: {} },
        },
      },
      keyFields: {
        'Total Exposures': 3,
        'Signature IDs': ['sig-0', 'sig-1', 'sig-2'],
        'Critical Exposures': 1,
        'Moderate Exposures': 1,
        'Informational Exposures': 1,
        'Unknown Severity Exposures': 0,
      },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('filters by CVE and minimum severity', async () => {
    nock(API)
      .get(PATH)
      .query({ limit: '1000', filter_cve_id: 'CVE-2024-6387', filter_severity_min: 'moderate' })
      .reply(200, listPage([], null, 0));

    const envelope = await run({ CVE: 'cve-2024-6387', Severity: 'Moderate' });

    expect(envelope.keyFields).toMatchObject({ 'Total Exposures': 0, 'Signature IDs': [] });
  });

  it('follows the plain offset cursor over 2,345 exposures', async () => {
    scriptPages(PATH, {}, [
      { query: { limit: '1000' }, body: listPage(exposures(0, 1000), '1000', 2345) },
      {
        query: { limit: '1000', cursor: '1000' },
        body: listPage(exposures(1000, 1000), '2000', 2345),
      },
      {
        query: { limit: '1000', cursor: '2000' },
        body: listPage(exposures(2000, 345), null, 2345),
      },
    ]);

    const envelope = await run();
    const ids = envelope.keyFields?.['Signature IDs'] as string[];

    expect(ids).toEqual(Array.from({ length: 2345 }, (_, n) => `sig-${n}`));
    expect(envelope.keyFields).toMatchObject({
      'Total Exposures': 2345,
      'Critical Exposures': 587,
      'Moderate Exposures': 586,
      'Informational Exposures': 586,
      'Unknown Severity Exposures': 586,
    });
    expect(envelope.rawData).toMatchObject({ meta: { pagination: { total: 2345, pages: 3 } } });
  });

  it('counts a signature without severity as unknown', async () => {
    const page = listPage([{ asset_count: 1, signature: { id: 'sig-x' } }], null, 1);
    nock(API).get(PATH).query({ limit: '1000' }).reply(200, page);

    expect((await run()).keyFields).toMatchObject({ 'Unknown Severity Exposures': 1 });
  });

  it('returns exactly the key fields the manifest declares', async () => {
    nock(API)
      .get(PATH)
      .query({ limit: '1000' })
      .reply(200, listPage(exposures(0, 1), null, 1));

    const envelope = await run();
    const declared = (await connector()).command('List Exposures')?.keyFields ?? [];

    expect(Object.keys(envelope.keyFields ?? {}).sort()).toEqual([...declared].sort());
  });

  it.each([
    ...VENDOR_ERRORS,
    ...LISTING_WORDINGS,
    queryRejected('filter_cve_id', 'string does not match regex'),
  ])('surfaces $name', async (errorCase) => {
    nock(API).get(PATH).query({ limit: '1000' }).reply(errorCase.status, errorCase.body);

    expectVendorFailure(await run(), 'List Exposures', errorCase);
  });

  it.each([
    [
      { Severity: 'High' },
      'Severity must be one of "Unknown", "Informational", "Moderate", "Critical"',
    ],
    [
      { CVE: 'CVE-24-1' },
      "CVE must match the pattern ^[Cc][Vv][Ee]-\\d{4}-\\d{4,}$; got the string 'CVE-24-1'.",
    ],
    [{ 'Project ID': '   ' }, 'Project ID is required'],
  ])('refuses %j before any request', async (inputs, message) => {
    const envelope = await run(inputs);

    expect(envelope.error?.code).toBe('INPUT_INVALID');
    expect(envelope.error?.message).toContain(message);
  });

  it('fails before any request on a v1 connection', async () => {
    expect((await run({}, { apiVersion: 'v1' })).error?.code).toBe('API_VERSION_MISMATCH');
  });

  describe.skipIf(!existsSync(RECORDED))('with recorded responses', () => {
    it('continues after the recorded first page of 100 with its cursor "100"', async () => {
      const first = recorded('psengine-asi/asi_exposures.json');
      const rest = listPage(exposures(100, 187), null, 287);
      scriptPages(PATH, {}, [
        { query: { limit: '1000' }, body: first },
        { query: { limit: '1000', cursor: '100' }, body: rest },
      ]);

      const envelope = await run();

      expect(envelope.rawData).toEqual({
        data: [...first.data, ...rest.data],
        meta: {
          counts: { returned: 287, total: 287 },
          pagination: { total: 287, pages: 2 },
          params: { filter: {} },
        },
      });
      expect(envelope.keyFields?.['Signature IDs']).toContain('CVE-2022-2551');
      expect(envelope.warnings).toBeUndefined();
    });

    it('stops on the OpenCTI last page whose pagination is empty', async () => {
      const first = recorded('opencti-rf-asi/exposures_list_page.json');
      const last = recorded('opencti-rf-asi/exposures_list_page_last.json');
      scriptPages(PATH, {}, [
        { query: { limit: '1000' }, body: first },
        { query: { limit: '1000', cursor: 'cursor-page-2' }, body: last },
      ]);

      const envelope = await run();

      expect(envelope.keyFields).toEqual({
        'Total Exposures': 3,
        'Signature IDs': ['sig-001', 'sig-002', 'sig-003'],
        'Critical Exposures': 1,
        'Moderate Exposures': 1,
        'Informational Exposures': 1,
        'Unknown Severity Exposures': 0,
      });
      expect(envelope.rawData).toMatchObject({
        meta: { counts: { returned: 3, total: 3 }, pagination: { total: 3, pages: 2 } },
      });
    });
  });
});
