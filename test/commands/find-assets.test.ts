import { existsSync, readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection, connector, fastOptions } from '../helpers/connector.js';
import { assets, listPage } from '../helpers/v2-pages.js';
import {
  expectVendorFailure,
  LISTING_WORDINGS,
  queryRejected,
  VENDOR_ERRORS,
} from './shared/vendor-errors.js';

const RECORDED = new URL('../../../shared/recorded/psengine-asi/', import.meta.url);
const NOW = Date.parse('2025-06-26T15:00:00Z');
const PATH = '/v2/projects/p-1/assets';

/** The query Find Assets sends with only Project ID given, on a clock at 2025-06-26. */
const DEFAULT_QUERY = {
  sort_by: 'exposure_score',
  sort_direction: 'desc',
  added_to_project_after: '2025-06-25',
  added_to_project_before: '2025-06-27',
  additional_fields: 'custom_tags',
  limit: '1000',
};

async function run(inputs: Record<string, unknown> = {}, overrides = {}) {
  return (await connector()).execute(
    'Find Assets',
    { 'Project ID': 'p-1', ...inputs },
    connection(overrides),
    fastOptions({ now: () => NOW }),
  );
}

describe('Find Assets', () => {
  it('asks for the assets added since yesterday by default, with key fields', async () => {
    const page = listPage(assets(1, 2), null, 2, {
      pagination: { limit: 2, next_cursor: null, sort: [['exposure_score', 'desc']], total: 2 },
      params: { asset_properties: {} },
    });
    nock(API).get(PATH).query(DEFAULT_QUERY).reply(200, page);

    expect(await run()).toEqual({
      command: 'Find Assets',
      returnData: 'Successful',
      rawData: {
        data: page.data,
        meta: {
          counts: { returned: 2, total: 2 },
          pagination: { total: 2, pages: 1 },
          params: { asset_properties: {} },
          sort: [['exposure_score', 'desc']],
        },
      },
      keyFields: {
        'Total Assets': 2,
        'Returned Assets': 2,
        Pages: 1,
        'Asset IDs': ['host-1.example.com', 'host-2.example.com'],
      },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('sends every input as its query parameter', async () => {
    nock(API)
      .get(PATH)
      .query({
        limit: '50',
        sort_by: 'last_scanned_at',
        sort_direction: 'desc',
        asset_type: 'ip',
        custom_tags: 'Blacklist,dmz',
        added_to_project_after: '2025-03-01',
        added_to_project_before: '2025-06-27',
        additional_fields: 'whois,dns_records',
        asn: '16509',
        dns_resolves: 'false',
        geo_country_iso: 'US',
        exposure_severity: 'critical',
      })
      .reply(200, listPage([], null, 0));

    const envelope = await run({
      Limit: '50',
      Sort: 'Last Scanned At',
      'Asset Type': 'IP',
      Tags: 'Blacklist, dmz',
      'Start Time': '2025-03-01',
      'End Time': '2025-06-26',
      'Additional Fields': 'whois,dns_records',
      'Other Filters':
        '{"asn": 16509, "dns_resolves": false, "geo_country_iso": "US", ' +
        '"exposure_severity": "critical"}',
    });

    expect(envelope.keyFields).toEqual({
      'Total Assets': 0,
      'Returned Assets': 0,
      Pages: 1,
      'Asset IDs': [],
    });
  });

  it.each([
    ['Discovered At', 'discovered_at'],
    ['Added To Project At', 'added_to_project_at'],
    ['Exposure Score', 'exposure_score'],
    ['Asset ID', 'asset_id'],
  ])('sorts by %s as sort_by=%s, descending', async (sort, sortBy) => {
    nock(API)
      .get(PATH)
      .query({ ...DEFAULT_QUERY, sort_by: sortBy })
      .reply(200, listPage([], null, 0));

    expect((await run({ Sort: sort })).returnData).toBe('Successful');
  });

  it.each([
    [{ 'Start Time': '2025-03-01' }, '2025-03-01', '2025-06-27'],
    [{ 'End Time': '2025-03-01' }, '2025-02-28', '2025-03-02'],
    [{ 'End Time': '2024-03-01' }, '2024-02-29', '2024-03-02'],
  ])('fills the missing end of the window from %j', async (inputs, after, before) => {
    nock(API)
      .get(PATH)
      .query({ ...DEFAULT_QUERY, added_to_project_after: after, added_to_project_before: before })
      .reply(200, listPage([], null, 0));

    expect((await run(inputs)).returnData).toBe('Successful');
  });

  it('refuses a Start Time after the End Time before any request', async () => {
    const envelope = await run({ 'Start Time': '2025-07-01' });

    expect(envelope.error).toMatchObject({
      code: 'INPUT_INVALID',
      statusCode: null,
      message:
        'Start Time must be on or before End Time; got Start Time 2025-07-01 and End Time ' +
        '2025-06-26, the default: today in UTC. Give a Start Time on or before the End Time.',
    });
  });

  it('encodes the Project ID as one path segment', async () => {
    nock(API)
      .get('/v2/projects/a%2Fb/assets')
      .query(DEFAULT_QUERY)
      .reply(200, listPage([], null, 0));

    expect((await run({ 'Project ID': 'a/b' })).returnData).toBe('Successful');
  });

  it('fails before any request on a v1 connection', async () => {
    expect((await run({}, { apiVersion: 'v1' })).error).toMatchObject({
      code: 'API_VERSION_MISMATCH',
      failureIndicator: 'Find Assets failed.',
    });
  });

  describe('API errors', () => {
    it.each([
      ...VENDOR_ERRORS,
      ...LISTING_WORDINGS,
      queryRejected('custom_tags', 'Unknown tag: Blacklist'),
    ])('surfaces $name', async (errorCase) => {
      nock(API).get(PATH).query(DEFAULT_QUERY).reply(errorCase.status, errorCase.body);

      expectVendorFailure(await run(), 'Find Assets', errorCase);
    });
  });

  describe('input errors', () => {
    it.each([
      [{ Limit: 0 }, 'Limit must be >= 1; got the number 0.'],
      [{ Limit: 1001 }, 'Limit must be <= 1000; got the number 1001.'],
      [{ Limit: 'abc' }, "Limit must be an integer; got the string 'abc'."],
      [{ Sort: 'exposure_score' }, 'Sort must be one of "Discovered At"'],
      [
        { 'Asset Type': 'Host' },
        `Asset Type must be one of "Domain", "IP"; got the string 'Host'.`,
      ],
      [
        { 'Other Filters': '{"asn": "16509"}' },
        "Other Filters (asn) must be an integer; got the string '16509'.",
      ],
      [
        { 'Other Filters': '{"asn": 16509' },
        'Other Filters must be a JSON object: the text is not valid JSON',
      ],
      [{ 'Start Time': '2025-02-30' }, 'Start Time must be a date (Y-m-d)'],
    ])('refuses %j before any request', async (inputs, message) => {
      const envelope = await run(inputs);

      expect(envelope.error?.code).toBe('INPUT_INVALID');
      expect(envelope.error?.message).toContain(message);
    });

    it('names an unknown Other Filters key and lists the allowed ones', async () => {
      const envelope = await run({ 'Other Filters': { country: 'US' } });

      expect(envelope.error?.code).toBe('INPUT_INVALID');
      expect(envelope.error?.message).toMatch(
        new RegExp(
          "^Other Filters does not accept the key 'country'; allowed keys: discovered_before, " +
            '.*, geo_country_iso, .*, exposure_id, is_responsive\\.$',
        ),
      );
    });
  });

  it('returns exactly the Asset IDs and key fields the manifest declares', async () => {
    nock(API)
      .get(PATH)
      .query(DEFAULT_QUERY)
      .reply(200, listPage(assets(1, 1), null, 1));

    const envelope = await run();
    const declared = (await connector()).command('Find Assets')?.keyFields ?? [];

    expect(Object.keys(envelope.keyFields ?? {}).sort()).toEqual([...declared].sort());
  });

  describe.skipIf(!existsSync(RECORDED))('with the recorded psengine page', () => {
    it('reads the first 50 of 1711 assets with Limit 50 in one request', async () => {
      const recorded = JSON.parse(readFileSync(new URL('asi_assets.json', RECORDED), 'utf8'));
      nock(API)
        .get(PATH)
        .query({ ...DEFAULT_QUERY, limit: '50' })
        .reply(200, recorded);

      const envelope = await run({ Limit: 50 });

      expect(envelope.warnings).toBeUndefined();
      expect(envelope.rawData).toEqual({
        data: recorded.data,
        meta: {
          counts: { returned: 50, total: 1711 },
          pagination: { total: 1711, pages: 1 },
          params: { asset_properties: {} },
          sort: [['exposure_score', 'desc']],
        },
      });
      expect(envelope.keyFields).toMatchObject({ 'Total Assets': 1711, 'Returned Assets': 50 });
    });
  });
});
