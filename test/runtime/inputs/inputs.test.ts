import { describe, expect, it } from 'vitest';
import nock from 'nock';
import { API, connection, connector, fastOptions } from '../../helpers/connector.js';

const PROJECT = 'c797-dc4f';

async function findAssets(inputs: Record<string, unknown>, options = fastOptions()) {
  return (await connector()).execute('Find Assets', inputs, connection(), options);
}

/** The request Find Assets sends for the given inputs, with one page of nothing. */
async function queryFor(inputs: Record<string, unknown>, options = fastOptions()) {
  let seen: Record<string, string> = {};
  nock(API)
    .get(`/v2/projects/${PROJECT}/assets`)
    .query((query) => {
      seen = query as Record<string, string>;
      return true;
    })
    .reply(200, { data: [], meta: { pagination: { next_cursor: null, total: 0 } } });
  const envelope = await findAssets({ 'Project ID': PROJECT, ...inputs }, options);
  expect(envelope.error).toBeUndefined();
  return seen;
}

describe('input coercion', () => {
  it('turns a number sent as a string into a number', async () => {
    expect((await queryFor({ Limit: '50' })).limit).toBe('50');
  });

  it('accepts a comma-separated list and a JSON array alike', async () => {
    const fromList = await queryFor({ 'Additional Fields': 'custom_tags, whois ,dns_records' });
    const fromJson = await queryFor({
      'Additional Fields': '["custom_tags","whois","dns_records"]',
    });

    expect(fromList.additional_fields).toBe('custom_tags,whois,dns_records');
    expect(fromJson.additional_fields).toBe(fromList.additional_fields);
  });

  it('parses a JSON object sent as a string, with numbers and booleans typed', async () => {
    const query = await queryFor({
      'Other Filters': '{"asn": 16509, "geo_country_iso": "US", "waf_detected": true}',
    });

    expect(query).toMatchObject({ asn: '16509', geo_country_iso: 'US', waf_detected: 'true' });
  });

  it('reads the usual date formats into Y-m-d', async () => {
    const query = await queryFor({
      'Start Time': '03/01/2025 12:00 AM',
      'End Time': '2025-06-26T10:00:00Z',
    });

    expect(query).toMatchObject({
      added_to_project_after: '2025-03-01',
      added_to_project_before: '2025-06-27',
    });
  });

  it('uses the form date order option for ambiguous dates', async () => {
    const query = await queryFor(
      { 'Start Time': '03/01/2025', 'End Time': '04/01/2025' },
      fastOptions({ dateOrder: 'DMY' }),
    );

    expect(query).toMatchObject({
      added_to_project_after: '2025-01-03',
      added_to_project_before: '2025-01-05',
    });
  });

  it('treats blank optional fields as absent', async () => {
    const query = await queryFor({ Limit: '', Sort: '  ', Tags: '' });

    expect(query.sort_by).toBe('exposure_score');
  });
});

describe('invalid input', () => {
  it.each([
    [{}, 'Project ID is required; give a value.'],
    [{ 'Project ID': PROJECT, Limit: '1001' }, "Limit must be <= 1000; got the string '1001'."],
    [{ 'Project ID': PROJECT, Limit: '0' }, "Limit must be >= 1; got the string '0'."],
    [{ 'Project ID': PROJECT, Limit: 'abc' }, "Limit must be an integer; got the string 'abc'."],
    [{ 'Project ID': PROJECT, Limit: 2.5 }, 'Limit must be an integer; got the number 2.5.'],
    [
      { 'Project ID': PROJECT, Sort: 'Size' },
      'Sort must be one of "Discovered At", "Added To Project At", "Last Scanned At", "Exposure Score", "Asset ID"; got the string \'Size\'.',
    ],
    [{ 'Project ID': PROJECT, Colour: 'red' }, 'Colour is not a parameter of this command.'],
    [
      { 'Project ID': PROJECT, 'Start Time': 'last week' },
      "Start Time must be a date (Y-m-d): expected a date-time such as 2024-07-01 00:00, 03/01/2023 12:00 AM, 2025-03-01 or 2025-03-01T00:00:00Z; got the string 'last week'.",
    ],
    [
      { 'Project ID': PROJECT, 'Other Filters': '{"asn": 1' },
      'Other Filters must be a JSON object: the text is not valid JSON',
    ],
    [
      { 'Project ID': PROJECT, 'Other Filters': '{"colour": "red"}' },
      "Other Filters does not accept the key 'colour'; allowed keys: discovered_before",
    ],
    [
      { 'Project ID': PROJECT, 'Other Filters': '{"asn": "many"}' },
      "Other Filters (asn) must be an integer; got the string 'many'.",
    ],
    [
      { 'Project ID': PROJECT, 'Additional Fields': 'custom_tags,colour' },
      'Additional Fields (1) must be one of',
    ],
  ])('fails before any request for %j', async (inputs, message) => {
    const envelope = await findAssets(inputs);

    expect(envelope).toMatchObject({
      returnData: 'Failed',
      error: {
        failureIndicator: 'Find Assets failed.',
        statusCode: null,
        code: 'INPUT_INVALID',
        class: 'input',
        message: expect.stringContaining(message),
      },
    });
  });

  it('keeps ajv keyword, path and params as data next to the sentence', async () => {
    const envelope = await findAssets({ 'Project ID': PROJECT, Limit: 5000 });

    expect(envelope.error?.details).toMatchObject({
      parameter: 'Limit',
      errors: [{ instancePath: '/Limit', keyword: 'maximum', params: { limit: 1000 } }],
    });
  });

  it('refuses inputs that are not an object', async () => {
    const envelope = await (
      await connector()
    ).execute(
      'Get Tags',
      ['Project ID'] as unknown as Record<string, unknown>,
      connection(),
      fastOptions(),
    );

    expect(envelope.error?.message).toBe(
      'Inputs must be an object keyed by parameter name; got a list of 1 items.',
    );
  });

  it('names an unknown command and suggests the closest one', async () => {
    const envelope = await (
      await connector()
    ).execute('Find Asset', {}, connection(), fastOptions());

    expect(envelope.error).toMatchObject({
      code: 'COMMAND_UNKNOWN',
      message: 'There is no command "Find Asset". Did you mean "Find Assets"?',
    });
  });
});
