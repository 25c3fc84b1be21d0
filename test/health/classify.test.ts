import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, type ErrorCode } from '../../runtime/errors/catalog.js';
import { classifyFailure } from '../../runtime/health/classify.js';
import { HealthScheduler } from '../../runtime/health/scheduler.js';
import { API, capturedLogger, connection, connector, fastOptions } from '../helpers/connector.js';
import { collectingNotifier } from './helpers.js';

describe('classifyFailure', () => {
  it.each([
    ['AUTH_FAILED', 'credentials'],
    ['ACCESS_DENIED', 'credentials'],
    ['CONNECTION_INVALID', 'configuration'],
    ['QUOTA_EXHAUSTED', 'quota'],
    ['RATE_LIMITED', 'rate-limit'],
    ['NETWORK_ERROR', 'network'],
    ['TIMEOUT', 'network'],
    ['UPSTREAM_UNAVAILABLE', 'vendor-error'],
    ['RESPONSE_INVALID', 'vendor-error'],
  ] as const)('classifies %s as %s', (code, kind) => {
    expect(classifyFailure(code)).toBe(kind);
  });

  it('has a kind for every code of the error catalog', () => {
    for (const code of Object.keys(ERROR_CATALOG) as ErrorCode[]) {
      expect(classifyFailure(code), code).toMatch(/^[a-z-]+$/);
    }
  });

  it('classifies what the real Test Connection reports for a refused key and a quota', async () => {
    const refusedUrl = 'https://refused.securitytrails.test';
    nock(refusedUrl).get('/v1/ping').reply(401, { message: 'Invalid API key' });
    nock(API)
      .get('/v1/ping')
      .reply(429, { message: "You've exceeded the usage limits for your account." });
    const notifier = collectingNotifier();
    const target = { description: '', active: true, intervalMinutes: 5 };
    const health = new HealthScheduler({
      connector: await connector(),
      targets: [
        {
          ...target,
          name: 'refused',
          connection: { ...connection({ apiVersion: 'v1', serverUrl: refusedUrl }) },
        },
        { ...target, name: 'quota', connection: { ...connection({ apiVersion: 'v1' }) } },
      ],
      notifiers: [notifier],
      logger: capturedLogger().logger,
      executeOptions: fastOptions(),
    });

    const [refused, quota] = await health.runOnce();

    expect(refused).toMatchObject({
      outcome: 'Failed',
      failureKind: 'credentials',
      statusCode: 401,
    });
    expect(quota).toMatchObject({
      outcome: 'Failed',
      failureKind: 'quota',
      errorCode: 'QUOTA_EXHAUSTED',
    });
    expect(notifier.notices.map((notice) => notice.connection).sort()).toEqual([
      'quota',
      'refused',
    ]);
  });
});
