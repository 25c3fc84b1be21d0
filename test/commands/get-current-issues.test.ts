import { existsSync, readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection, connector, fastOptions } from '../helpers/connector.js';

const RECORDED = new URL('../../../shared/recorded/xsoar-rf-asi/', import.meta.url);
const PATH = '/v1/asi/rules/p-1/recent/issues';

async function run(inputs: Record<string, unknown> = { 'Project ID': 'p-1' }, overrides = {}) {
  return (await connector()).execute(
    'Get Current Issues',
    inputs,
    connection(overrides),
    fastOptions(),
  );
}

const issue = (id: string, classification: string) => ({
  id,
  name: `Rule ${id}`,
  description: `Description of ${id}`,
  classification,
  example_entities: { domains: [{ example: 'www.example.com', sort_value: 90 }] },
  rule_metadata: { entity_counts: { domains: 1, ips: 0 }, references: [] },
});

describe('Get Current Issues', () => {
  it('returns the issues of the latest snapshot with the counts per classification', async () => {
    const body = {
      data: [issue('CVE-2021-41773', 'high'), issue('git-config', 'moderate')],
      meta: {
        counts: { high: 1, moderate: 1, informational: 0 },
        project_id: 'p-1',
        project_title: 'Acme External',
        snapshot: '2025-05-19 06:08:33',
      },
    };
    nock(API).get(PATH).reply(200, body);

    expect(await run()).toEqual({
      command: 'Get Current Issues',
      returnData: 'Successful',
      rawData: body,
      keyFields: {
        Snapshot: '2025-05-19 06:08:33',
        'Project Title': 'Acme External',
        High: 1,
        Moderate: 1,
        Informational: 0,
        'Issue Count': 2,
      },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('counts the issues itself when meta.counts is missing', async () => {
    nock(API)
      .get(PATH)
      .reply(200, {
        data: [issue('a', 'high'), issue('b', 'high'), issue('c', 'informational')],
        meta: { project_id: 'p-1' },
      });

    expect((await run()).keyFields).toEqual({
      Snapshot: null,
      'Project Title': null,
      High: 2,
      Moderate: 0,
      Informational: 1,
      'Issue Count': 3,
    });
  });

  it('reports a project without a finished scan as no issues and no snapshot', async () => {
    nock(API)
      .get(PATH)
      .reply(200, {
        data: [],
        meta: { counts: { high: 0, moderate: 0, informational: 0 }, snapshot: null },
      });

    expect((await run()).keyFields).toMatchObject({ Snapshot: null, 'Issue Count': 0, High: 0 });
  });

  it('encodes the Project ID as one path segment', async () => {
    nock(API).get('/v1/asi/rules/a%20b%2Fc/recent/issues').reply(200, { data: [] });

    expect((await run({ 'Project ID': 'a b/c' })).returnData).toBe('Successful');
  });

  it('surfaces 404 "Project ID Not Found." as the documentation shows', async () => {
    nock(API).get(PATH).reply(404, { message: 'Project ID Not Found.' });

    expect(await run()).toEqual({
      command: 'Get Current Issues',
      returnData: 'Failed',
      rawData: null,
      error: {
        failureIndicator: 'Get Current Issues failed.',
        statusCode: 404,
        message: 'Project ID Not Found.',
        code: 'NOT_FOUND',
        class: 'input',
        retryable: false,
        details: { method: 'GET', path: PATH },
      },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it.each([
    [401, 'Invalid API key', 'AUTH_FAILED'],
    [403, 'Invalid authentication credentials', 'AUTH_FAILED'],
    [403, 'Forbidden', 'ACCESS_DENIED'],
    [429, "You've exceeded the usage limits for your account.", 'QUOTA_EXHAUSTED'],
  ])('surfaces %i "%s" with code %s', async (status, message, code) => {
    nock(API).get(PATH).reply(status, { message });

    expect((await run()).error).toMatchObject({ statusCode: status, message, code });
  });

  it('fails with INPUT_INVALID before any request when Project ID is missing', async () => {
    expect((await run({})).error).toMatchObject({
      code: 'INPUT_INVALID',
      statusCode: null,
      message: expect.stringContaining('Project ID'),
    });
  });

  it('runs on a v1 connection', async () => {
    nock(API).get(PATH).reply(200, { data: [] });

    expect((await run(undefined, { apiVersion: 'v1' })).returnData).toBe('Successful');
  });

  it('returns exactly the key fields the manifest declares', async () => {
    nock(API).get(PATH).reply(200, { data: [] });

    const declared = (await connector()).command('Get Current Issues')?.keyFields;
    expect(Object.keys((await run()).keyFields ?? {}).sort()).toEqual([...(declared ?? [])].sort());
  });

  describe.skipIf(!existsSync(RECORDED))('with the recorded XSOAR response', () => {
    it('reads the three issues, one per classification, and the zoneless snapshot', async () => {
      const recorded = JSON.parse(readFileSync(new URL('current-issues.json', RECORDED), 'utf8'));
      nock(API).get(PATH).reply(200, recorded);

      const envelope = await run();

      expect(envelope.rawData).toEqual(recorded);
      expect(envelope.keyFields).toEqual({
        Snapshot: '2022-07-07 06:08:33',
        'Project Title': '<projecttitle>',
        High: 1,
        Moderate: 1,
        Informational: 1,
        'Issue Count': 3,
      });
    });
  });
});
