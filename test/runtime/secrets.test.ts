import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, SECRET_KEY, capturedLogger, connection, connector } from '../helpers/connector.js';
import { closedPort } from '../helpers/ports.js';

type Scenario = [string, () => void | Promise<void>, Record<string, unknown>?];

const scenarios: Scenario[] = [
  ['success', () => void nock(API).get('/v1/ping').reply(200, { success: true })],
  ['401', () => void nock(API).get('/v1/ping').reply(401, { message: 'Invalid API key' })],
  [
    '403',
    () =>
      void nock(API).get('/v1/ping').reply(403, { message: 'Invalid authentication credentials' }),
  ],
  [
    'quota 429',
    () =>
      void nock(API)
        .get('/v1/ping')
        .reply(429, { message: "You've exceeded the usage limits for your account." }),
  ],
  ['503 storm', () => void nock(API).get('/v1/ping').times(4).reply(503, 'down')],
  ['malformed JSON', () => void nock(API).get('/v1/ping').reply(200, '{"success":')],
  [
    'a body echoing the key',
    () =>
      void nock(API)
        .get('/v1/ping')
        .reply(400, { message: `bad key ${SECRET_KEY}` }),
  ],
  [
    'redirect',
    () =>
      void nock(API)
        .get('/v1/ping')
        .reply(302, '', { Location: `https://evil.test/?k=${SECRET_KEY}` }),
  ],
  ['network error', () => {}, { serverUrl: 'closed' }],
  ['invalid connection', () => {}, { serverUrl: 'ftp://example.com' }],
  ['unknown api version', () => {}, { apiVersion: 'v3' }],
];

describe('the API key never leaves', () => {
  it.each(scenarios)(
    'in the %s scenario: not in logs, errors or the envelope',
    async (_, arrange, overrides = {}) => {
      await arrange();
      const { logger, lines } = capturedLogger();
      const serverUrl =
        overrides.serverUrl === 'closed'
          ? `http://127.0.0.1:${await closedPort()}`
          : overrides.serverUrl;
      const settings = { ...overrides, ...(serverUrl !== undefined && { serverUrl }) };

      const envelope = await (
        await connector()
      ).execute('Test Connection', {}, connection({ apiVersion: 'v1', ...settings } as never), {
        logger,
        sleep: async () => {},
        maxRetries: 3,
      });
      nock.cleanAll();

      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).not.toContain(SECRET_KEY);
      expect(JSON.stringify(envelope)).not.toContain(SECRET_KEY);
    },
  );

  it('is redacted from a failed envelope when a vendor message repeats it', async () => {
    nock(API)
      .get('/v1/ping')
      .reply(400, { message: `bad key ${SECRET_KEY}` });

    const envelope = await (
      await connector()
    ).execute('Test Connection', {}, connection(), {
      logger: capturedLogger().logger,
    });

    expect(envelope.error?.message).toBe('bad key [REDACTED]');
  });
});

describe('API Key vault references', () => {
  it('resolves env:NAME at execution time', async () => {
    process.env.ST_TEST_KEY = 'key-from-environment';
    nock(API, { reqheaders: { apikey: 'key-from-environment' } })
      .get('/v1/ping')
      .reply(200, { success: true });
    nock(API).get('/v1/account/usage').reply(200, {});

    const envelope = await (
      await connector()
    ).execute('Test Connection', {}, connection({ apiKey: 'env:ST_TEST_KEY', apiVersion: 'v1' }), {
      logger: capturedLogger().logger,
    });

    expect(envelope.returnData).toBe('Successful');
  });

  it('resolves file:PATH, dropping the trailing newline', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vault-')), 'key');
    writeFileSync(file, 'key-from-file\n');
    nock(API, { reqheaders: { apikey: 'key-from-file' } })
      .get('/v1/ping')
      .reply(200, { success: true });
    nock(API).get('/v1/account/usage').reply(200, {});

    const envelope = await (
      await connector()
    ).execute('Test Connection', {}, connection({ apiKey: `file:${file}`, apiVersion: 'v1' }), {
      logger: capturedLogger().logger,
    });

    expect(envelope.returnData).toBe('Successful');
  });

  it.each([
    [
      'env:ST_TEST_MISSING',
      'API Key refers to the environment variable ST_TEST_MISSING, which is not set or empty',
    ],
    [
      'file:/nonexistent/key',
      'API Key refers to the file /nonexistent/key, which cannot be read (ENOENT)',
    ],
  ])('fails with SECRET_UNRESOLVED for %s, before any request', async (apiKey, message) => {
    const envelope = await (
      await connector()
    ).execute('Test Connection', {}, connection({ apiKey }), {
      logger: capturedLogger().logger,
    });

    expect(envelope.error).toMatchObject({
      code: 'SECRET_UNRESOLVED',
      class: 'configuration',
      statusCode: null,
      message: expect.stringContaining(message),
    });
  });
});

describe('connection checks', () => {
  it.each([
    [
      { serverUrl: 'ftp://example.com' },
      'Server URL (serverUrl) must match the pattern ^https?://',
    ],
    [{ serverUrl: 'not a url' }, 'Server URL (serverUrl)'],
    [{ apiKey: '' }, 'API Key (apiKey) is required; give a value.'],
    [{ apiVersion: 'v3' }, 'API Version (apiVersion) must be one of "v1", "v2"'],
    [{ timeoutSeconds: '0' }, 'Request Timeout (timeoutSeconds) must be >= 1'],
  ])('refuses %j with CONNECTION_INVALID and no request', async (overrides, message) => {
    const envelope = await (
      await connector()
    ).execute('Test Connection', {}, connection(overrides as never), {
      logger: capturedLogger().logger,
    });

    expect(envelope.error).toMatchObject({
      code: 'CONNECTION_INVALID',
      message: expect.stringContaining(message),
    });
  });

  it('never shows the value of the API Key in a connection error', async () => {
    const envelope = await (
      await connector()
    ).execute(
      'Test Connection',
      {},
      { serverUrl: API, apiKey: 12345678 },
      { logger: capturedLogger().logger },
    );

    expect(envelope.error?.message).toBe(
      "API Key (apiKey) must be a string; got the string '(hidden)'.",
    );
  });
});
