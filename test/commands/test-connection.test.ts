import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection, connector, fastOptions } from '../helpers/connector.js';
import { closedPort } from '../helpers/ports.js';

const FAILED = 'Test Connection failed. Failed to check the connector.';

function failed(statusCode: number | null, message: string, code: string) {
  return {
    command: 'Test Connection',
    returnData: 'Failed',
    rawData: null,
    error: expect.objectContaining({ failureIndicator: FAILED, statusCode, message, code }),
    executionId: expect.any(String),
    durationMs: expect.any(Number),
  };
}

async function run(overrides = {}, options = fastOptions()) {
  return (await connector()).execute('Test Connection', {}, connection(overrides), options);
}

describe('Test Connection', () => {
  it('passes on a v1 connection with the ping and reports the monthly usage', async () => {
    nock(API).get('/v1/ping').reply(200, { success: true });
    nock(API)
      .get('/v1/account/usage')
      .reply(200, { current_monthly_usage: 9, allowed_monthly_usage: 600 });

    expect(await run({ apiVersion: 'v1' })).toEqual({
      command: 'Test Connection',
      returnData: 'Successful',
      rawData: { success: true, usage: { current_monthly_usage: 9, allowed_monthly_usage: 600 } },
      keyFields: {
        'API Version': 'v1',
        'Monthly Usage': 9,
        'Monthly Quota': 600,
        'Quota Remaining': 591,
      },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('also checks project access on a v2 connection', async () => {
    nock(API).get('/v1/ping').reply(200, { success: true });
    nock(API)
      .get('/v2/projects')
      .reply(200, { data: [{ id: 'p1' }, { id: 'p2' }] });
    nock(API)
      .get('/v1/account/usage')
      .reply(200, { current_monthly_usage: 1, allowed_monthly_usage: 50 });

    const envelope = await run();

    expect(envelope.returnData).toBe('Successful');
    expect(envelope.keyFields).toMatchObject({ 'Accessible Projects': 2, 'API Version': 'v2' });
  });

  it('sends the key only in the APIKEY header', async () => {
    nock(API, { reqheaders: { apikey: 'sk-LEAKCHECK-7f3a9c21d4e8b6a0' } })
      .get('/v1/ping')
      .reply(200, { success: true });
    nock(API).get('/v1/account/usage').reply(200, {});

    expect((await run({ apiVersion: 'v1' })).returnData).toBe('Successful');
  });

  it('passes with a warning when the usage endpoint fails', async () => {
    nock(API).get('/v1/ping').reply(200, { success: true });
    nock(API).get('/v1/account/usage').reply(404, { message: 'Not Found' });

    const envelope = await run({ apiVersion: 'v1' });

    expect(envelope.returnData).toBe('Successful');
    expect(envelope.warnings).toEqual(['Monthly usage could not be read: Not Found']);
  });

  it('fails with AUTH_FAILED on 401 Invalid API key', async () => {
    nock(API).get('/v1/ping').reply(401, { message: 'Invalid API key' });

    expect(await run()).toEqual(failed(401, 'Invalid API key', 'AUTH_FAILED'));
  });

  it('fails with AUTH_FAILED on 403 Invalid authentication credentials', async () => {
    nock(API).get('/v1/ping').reply(403, { message: 'Invalid authentication credentials' });

    expect(await run()).toEqual(failed(403, 'Invalid authentication credentials', 'AUTH_FAILED'));
  });

  it('fails with QUOTA_EXHAUSTED on the monthly quota 429, without retrying', async () => {
    nock(API)
      .get('/v1/ping')
      .reply(429, { message: "You've exceeded the usage limits for your account." });
    const options = fastOptions();

    const envelope = await run({}, options);

    expect(envelope).toEqual(
      failed(429, "You've exceeded the usage limits for your account.", 'QUOTA_EXHAUSTED'),
    );
    expect(envelope.error?.retryable).toBe(false);
    expect(options.delays).toEqual([]);
  });

  it('retries a 503 and then passes', async () => {
    nock(API).get('/v1/ping').reply(503, 'Service Unavailable');
    nock(API).get('/v1/ping').reply(200, { success: true });
    nock(API).get('/v1/account/usage').reply(200, {});
    const options = fastOptions();

    expect((await run({ apiVersion: 'v1' }, options)).returnData).toBe('Successful');
    expect(options.delays).toHaveLength(1);
  });

  it('waits the Retry-After seconds of a rate-limit 429', async () => {
    nock(API)
      .get('/v1/ping')
      .reply(429, { message: 'API rate limit exceeded' }, { 'Retry-After': '2' });
    nock(API).get('/v1/ping').reply(200, { success: true });
    nock(API).get('/v1/account/usage').reply(200, {});
    const options = fastOptions();

    expect((await run({ apiVersion: 'v1' }, options)).returnData).toBe('Successful');
    expect(options.delays).toEqual([2000]);
  });

  it('gives up on a rate limit after the bounded retries with RATE_LIMITED', async () => {
    nock(API).get('/v1/ping').times(4).reply(429, { message: 'API rate limit exceeded' });
    const options = fastOptions();

    expect(await run({}, options)).toEqual(failed(429, 'API rate limit exceeded', 'RATE_LIMITED'));
    expect(options.delays).toHaveLength(3);
  });

  it('fails with NETWORK_ERROR when the connection is refused, after retries', async () => {
    const options = fastOptions();

    const envelope = await run({ serverUrl: `http://127.0.0.1:${await closedPort()}` }, options);

    expect(options.delays).toHaveLength(3);
    expect(envelope).toEqual(
      failed(
        null,
        'GET /v1/ping failed: the connection was refused (is the Server URL right?).',
        'NETWORK_ERROR',
      ),
    );
  });

  it('fails with TIMEOUT when the server does not answer within the request timeout', async () => {
    nock(API).get('/v1/ping').delay(1500).reply(200, { success: true });

    const envelope = await run({ timeoutSeconds: 1 }, fastOptions({ maxRetries: 0 }));

    expect(envelope).toEqual(
      failed(null, 'GET /v1/ping got no response within the request timeout.', 'TIMEOUT'),
    );
  });

  it('fails with RESPONSE_INVALID on a malformed JSON body', async () => {
    nock(API).get('/v1/ping').reply(200, '{"success": tr', { 'Content-Type': 'application/json' });

    expect(await run()).toEqual(
      failed(
        200,
        'SecurityTrails answered GET /v1/ping with a body that is not valid JSON (application/json).',
        'RESPONSE_INVALID',
      ),
    );
  });

  it('reports the text of an HTML error page', async () => {
    nock(API)
      .get('/v1/ping')
      .reply(500, '<html><body><h1>Internal Server Error</h1></body></html>', {
        'Content-Type': 'text/html',
      });

    expect(await run()).toEqual(failed(500, 'Internal Server Error', 'UPSTREAM_ERROR'));
  });

  it('refuses a redirect instead of forwarding the key', async () => {
    nock(API).get('/v1/ping').reply(301, '', { Location: 'https://elsewhere.test/v1/ping' });

    const envelope = await run();

    expect(envelope.error?.code).toBe('CONNECTION_INVALID');
    expect(envelope.error?.message).toContain('https://elsewhere.test');
  });
});
