import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY, startEmulator } from '../../emulator/index.js';
import { clientFor, hasRecorded, keysOf, recorded, useEmulator } from './harness.js';

describe('account routes', () => {
  const api = useEmulator({ monthlyQuota: 600 });

  it('answers ping with success true', async () => {
    const reply = await api.get('/v1/ping');
    expect(reply).toMatchObject({ status: 200, body: { success: true } });
  });

  it('reports usage that grows by one per request', async () => {
    const first = await api.get('/v1/account/usage');
    const second = await api.get('/v1/account/usage');
    expect(first.body.allowed_monthly_usage).toBe(600);
    expect(second.body.current_monthly_usage).toBe(first.body.current_monthly_usage + 1);
    expect(api.emulator.usage()).toEqual({
      current: second.body.current_monthly_usage,
      allowed: 600,
    });
  });

  describe.skipIf(!hasRecorded)('against recorded responses', () => {
    it('has the field names of the recorded ping and usage bodies', async () => {
      expect(keysOf([(await api.get('/v1/ping')).body])).toEqual(
        keysOf([recorded('ninoseki-securitytrails/General_ping_1_1_1.json')]),
      );
      expect(keysOf([(await api.get('/v1/account/usage')).body])).toEqual(
        keysOf([recorded('ninoseki-securitytrails/General_usage_1_2_1.json')]),
      );
    });
  });
});

describe('authentication', () => {
  const api = useEmulator({ apiKeys: ['key-one', 'key-two'] });

  it('returns 401 with "Invalid API key" when the key is missing', async () => {
    const response = await fetch(`${api.emulator.url}/v1/ping`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Invalid API key' });
  });

  it('returns 401 for an unknown key on v2 routes too', async () => {
    const reply = await api.call('GET', '/v2/projects', { headers: { APIKEY: 'nope' } });
    expect(reply).toMatchObject({ status: 401, body: { message: 'Invalid API key' } });
  });

  it('accepts any configured key, whatever the header name case', async () => {
    for (const [name, key] of [
      ['apikey', 'key-one'],
      ['Apikey', 'key-two'],
      ['APIKEY', 'key-one'],
    ]) {
      const response = await fetch(`${api.emulator.url}/v2/projects`, {
        headers: { [name as string]: key as string },
      });
      expect(response.status).toBe(200);
    }
  });

  it('accepts ?apikey= on v1 routes but not on v2 routes', async () => {
    const v1 = await fetch(`${api.emulator.url}/v1/ping?apikey=key-one`);
    const v2 = await fetch(`${api.emulator.url}/v2/projects?apikey=key-one`);
    expect([v1.status, v2.status]).toEqual([200, 401]);
  });

  it('uses 403 with "Invalid authentication credentials" when configured so', async () => {
    const emulator = await startEmulator({ invalidKeyStatus: 403 });
    try {
      const reply = await clientFor(emulator).call('GET', '/v1/ping', {
        headers: { APIKEY: 'wrong' },
      });
      expect(reply).toMatchObject({
        status: 403,
        body: { message: 'Invalid authentication credentials' },
      });
    } finally {
      await emulator.stop();
    }
  });

  it('accepts the demo key by default', async () => {
    const emulator = await startEmulator();
    try {
      expect(emulator.apiKey).toBe(DEMO_API_KEY);
      expect((await clientFor(emulator).get('/v1/ping')).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });
});

describe('quota and rate limit', () => {
  it('returns 429 with the usage-limit message once the monthly quota is spent, ping included', async () => {
    const emulator = await startEmulator({ monthlyQuota: 2, ratePerSecond: 0 });
    const api = clientFor(emulator);
    try {
      expect((await api.get('/v1/ping')).status).toBe(200);
      expect((await api.get('/v2/projects')).status).toBe(200);
      const over = await api.get('/v1/ping');
      expect(over).toMatchObject({
        status: 429,
        body: { message: "You've exceeded the usage limits for your account." },
      });
      expect(emulator.usage()).toEqual({ current: 2, allowed: 2 });
    } finally {
      await emulator.stop();
    }
  });

  it('returns 429 with Retry-After when the per-second limit is exceeded', async () => {
    const now = 1_750_000_000_000;
    const emulator = await startEmulator({ ratePerSecond: 2, clock: { now: () => now } });
    const api = clientFor(emulator);
    try {
      const first = await api.get('/v1/ping');
      expect(first.headers.get('x-ratelimit-limit-second')).toBe('2');
      expect(first.headers.get('x-ratelimit-remaining-second')).toBe('1');
      await api.get('/v1/ping');
      const limited = await api.get('/v1/ping');
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ message: 'API rate limit exceeded' });
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(limited.headers.get('x-ratelimit-remaining-second')).toBe('0');
    } finally {
      await emulator.stop();
    }
  });

  it('lets requests through again in the next second and does not bill rate-limited ones', async () => {
    let now = 1_750_000_000_000;
    const emulator = await startEmulator({ ratePerSecond: 1, clock: { now: () => now } });
    const api = clientFor(emulator);
    try {
      await api.get('/v1/ping');
      expect((await api.get('/v1/ping')).status).toBe(429);
      now += 1000;
      expect((await api.get('/v1/ping')).status).toBe(200);
      expect(emulator.usage().current).toBe(2);
      expect(emulator.requests()).toBe(3);
    } finally {
      await emulator.stop();
    }
  });
});

describe('unknown routes and bodies', () => {
  const api = useEmulator();

  it('returns 404 "Not Found" for an unknown route', async () => {
    expect(await api.get('/v2/nothing-here')).toMatchObject({
      status: 404,
      body: { message: 'Not Found' },
    });
  });

  it('returns 405 with Allow for a known path and the wrong method', async () => {
    const reply = await api.call('DELETE', '/v2/projects');
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('GET');
  });

  it('returns 400 with a message for a body that is not JSON', async () => {
    const projectId = api.emulator.projectIds[0] ?? '';
    const reply = await api.call('POST', `/v2/projects/${projectId}/assets/x/tags`, {
      raw: '{"add_tags": [',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/^Malformed JSON body/);
  });
});
