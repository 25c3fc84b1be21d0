import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { HttpClient } from '../../../runtime/http/client.js';
import { apiPath } from '../../../runtime/http/api-path.js';
import { ConnectorError } from '../../../runtime/errors/connector-error.js';
import { API, SECRET_KEY, capturedLogger } from '../../helpers/connector.js';

function client(overrides: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  return new HttpClient({
    connection: {
      serverUrl: API,
      apiKey: SECRET_KEY,
      apiVersion: 'v2',
      timeoutSeconds: 5,
      proxyUrl: undefined,
      verifyTls: true,
    },
    logger: capturedLogger().logger,
    deadline: Date.now() + 60_000,
    sleep: async () => {},
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('HttpClient', () => {
  it('refuses an oversized body with RESPONSE_TOO_LARGE', async () => {
    nock(API)
      .get('/big')
      .reply(200, JSON.stringify({ data: 'x'.repeat(5000) }));

    const error = await failure(client({ maxContentLength: 1000 }).get('/big'));

    expect(error.code).toBe('RESPONSE_TOO_LARGE');
  });

  it('keeps the 422 validation list as data', async () => {
    const detail = [{ loc: ['query', 'limit'], msg: 'too big', type: 'value_error' }];
    nock(API).get('/v2/x').reply(422, { detail });

    const error = await failure(client().get('/v2/x'));

    expect(error).toMatchObject({
      code: 'REQUEST_REJECTED',
      statusCode: 422,
      message: 'limit (query): too big',
    });
    expect(error.details.validation).toEqual(detail);
  });

  it('does not start a retry that would end past the deadline', async () => {
    nock(API).get('/slow').reply(503, '', { 'Retry-After': '120' });

    const error = await failure(client({ deadline: Date.now() + 10_000 }).get('/slow'));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('fails with TIMEOUT once the deadline has passed, sending nothing', async () => {
    const error = await failure(client({ deadline: Date.now() - 1 }).get('/never'));

    expect(error.code).toBe('TIMEOUT');
  });

  it('keeps an absolute URL on the configured host, so a path cannot send the key elsewhere', async () => {
    const configured = nock(API).get(/steal/).reply(200, { host: 'configured' });
    const elsewhere = nock('https://evil.test').get(/.*/).reply(200, { host: 'evil' });

    expect(await client().get('https://evil.test/steal')).toEqual({ host: 'configured' });
    expect(configured.isDone()).toBe(true);
    expect(elsewhere.isDone()).toBe(false);
    nock.cleanAll();
  });

  it('fails at once with RESPONSE_INVALID when a query value cannot be encoded', async () => {
    const error = await failure(client().get('/v2/x', { cursor: 'abc\uD800' }));

    expect(error).toMatchObject({ code: 'RESPONSE_INVALID', statusCode: null });
    expect(error.message).toBe('GET /v2/x: a query value holds a broken Unicode character.');
  });

  it('sends JSON bodies and drops empty query values', async () => {
    nock(API)
      .post('/v1/query/scroll', { query: 'SELECT 1' })
      .query({ page: '1' })
      .reply(200, { ok: true });

    expect(
      await client().post(
        '/v1/query/scroll',
        { query: 'SELECT 1' },
        { page: 1, scroll: undefined },
      ),
    ).toEqual({ ok: true });
  });
});

describe('apiPath', () => {
  it('encodes each value as one path segment', () => {
    expect(apiPath`/v2/projects/${'p 1'}/assets/${'../x'}`).toBe(
      '/v2/projects/p%201/assets/..%2Fx',
    );
    expect(apiPath`/v2/projects/${'a?b#c'}/tags/${'ünï'}`).toBe(
      '/v2/projects/a%3Fb%23c/tags/%C3%BCn%C3%AF',
    );
  });

  it.each(['.', '..', ''])('refuses the dot segment or empty value %j', (value) => {
    expect(() => apiPath`/v2/projects/${value}/assets`).toThrow(ConnectorError);
  });
});
