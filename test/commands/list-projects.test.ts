import { existsSync, readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection, connector, fastOptions } from '../helpers/connector.js';

const RECORDED = new URL('../../../shared/recorded/psengine-asi/', import.meta.url);

async function run(overrides = {}) {
  return (await connector()).execute('List Projects', {}, connection(overrides), fastOptions());
}

describe('List Projects', () => {
  it('returns the projects with their ids and titles in the key fields', async () => {
    const body = {
      data: [
        { id: 'p-1', title: 'Acme External', scanning_enabled: true },
        { id: 'p-2', title: 'Acme Labs', scanning_enabled: false },
      ],
      meta: { counts: { returned: 2, total: 2 }, request_id: 'abc' },
    };
    nock(API).get('/v2/projects').reply(200, body);

    expect(await run()).toEqual({
      command: 'List Projects',
      returnData: 'Successful',
      rawData: body,
      keyFields: {
        'Total Projects': 2,
        'Project IDs': ['p-1', 'p-2'],
        'Project Titles': ['Acme External', 'Acme Labs'],
      },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('fails before any request on a v1 connection, telling to set API Version v2', async () => {
    const envelope = await run({ apiVersion: 'v1' });

    expect(envelope.error).toMatchObject({
      failureIndicator: 'List Projects failed.',
      statusCode: null,
      code: 'API_VERSION_MISMATCH',
      message: expect.stringContaining('Set API Version to v2'),
    });
  });

  it('surfaces 401 with the vendor message', async () => {
    nock(API).get('/v2/projects').reply(401, { message: 'Please check user credentials.' });

    expect((await run()).error).toMatchObject({
      failureIndicator: 'List Projects failed.',
      statusCode: 401,
      message: 'Please check user credentials.',
      code: 'AUTH_FAILED',
      class: 'configuration',
      retryable: false,
    });
  });

  it('retries 502 and 504 and then succeeds', async () => {
    nock(API).get('/v2/projects').reply(502);
    nock(API).get('/v2/projects').reply(504);
    nock(API).get('/v2/projects').reply(200, { data: [] });

    expect((await run()).keyFields).toMatchObject({ 'Total Projects': 0 });
  });

  describe.skipIf(!existsSync(RECORDED))('with the recorded psengine response', () => {
    it('reads every project, including one without last_scanned_at', async () => {
      const recorded = JSON.parse(readFileSync(new URL('asi_projects.json', RECORDED), 'utf8'));
      nock(API).get('/v2/projects').reply(200, recorded);

      const envelope = await run();

      expect(envelope.rawData).toEqual(recorded);
      expect(envelope.keyFields?.['Total Projects']).toBe(recorded.data.length);
    });
  });
});
