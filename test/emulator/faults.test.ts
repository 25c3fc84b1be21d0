import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { FaultRule, RunningEmulator } from '../../emulator/index.js';
import { clientFor } from './harness.js';

async function withFaults(
  faults: FaultRule[],
  run: (emulator: RunningEmulator) => Promise<void>,
): Promise<void> {
  const emulator = await startEmulator({ faults, ratePerSecond: 0 });
  try {
    await run(emulator);
  } finally {
    await emulator.stop();
  }
}

/** A raw GET that reports what arrived before the connection ended, errors included. */
function rawGet(
  url: string,
  apiKey: string,
): Promise<{ status?: number; headers?: Record<string, unknown>; bytes: number; error?: string }> {
  return new Promise((resolve) => {
    let bytes = 0;
    const req = request(url, { headers: { APIKEY: apiKey } }, (res) => {
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      res.on('error', (err) =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, error: err.message }),
      );
      res.on('aborted', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, error: 'aborted' }),
      );
    });
    req.on('error', (err) => resolve({ bytes, error: err.message }));
    req.end();
  });
}

describe('fault injection', () => {
  it('answers with the configured status, body and Retry-After', async () => {
    const fault: FaultRule = {
      route: 'GET /v2/projects',
      status: 503,
      body: { message: 'maintenance' },
      retryAfter: '7',
    };
    await withFaults([fault], async (emulator) => {
      const reply = await clientFor(emulator).get('/v2/projects');
      expect(reply).toMatchObject({ status: 503, body: { message: 'maintenance' } });
      expect(reply.headers.get('retry-after')).toBe('7');
      expect((await clientFor(emulator).get('/v1/ping')).status).toBe(200);
    });
  });

  it('uses a gateway-style message body when none is given', async () => {
    await withFaults([{ status: 502 }], async (emulator) => {
      const reply = await clientFor(emulator).get('/v1/ping');
      expect(reply.status).toBe(502);
      expect(reply.body.message).toEqual(expect.any(String));
    });
  });

  it('matches route patterns with parameters and applies only to the first N requests', async () => {
    await withFaults(
      [{ route: '/v2/projects/:projectId/assets', status: 500, times: 2 }],
      async (emulator) => {
        const api = clientFor(emulator);
        const path = `/v2/projects/${emulator.projectIds[1]}/assets`;
        const statuses = [];
        for (let k = 0; k < 4; k += 1) statuses.push((await api.get(path)).status);
        expect(statuses).toEqual([500, 500, 200, 200]);
      },
    );
  });

  it('fails a share of requests set by rate, the same way on every run', async () => {
    const run = async () => {
      const statuses: number[] = [];
      await withFaults([{ status: 500, rate: 0.5 }], async (emulator) => {
        for (let k = 0; k < 40; k += 1)
          statuses.push((await clientFor(emulator).get('/v1/ping')).status);
      });
      return statuses;
    };
    const first = await run();
    const failed = first.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    expect(await run()).toEqual(first);
  });

  it('still serves the request normally after a latency-only fault', async () => {
    await withFaults([{ latencyMs: 20 }], async (emulator) => {
      expect(await clientFor(emulator).get('/v1/ping')).toMatchObject({
        status: 200,
        body: { success: true },
      });
    });
  });

  it('resets the connection with kind reset', async () => {
    await withFaults([{ kind: 'reset' }], async (emulator) => {
      await expect(
        fetch(`${emulator.url}/v1/ping`, { headers: { APIKEY: emulator.apiKey } }),
      ).rejects.toThrow();
    });
  });

  it('sends less than the declared Content-Length with kind truncate', async () => {
    await withFaults([{ kind: 'truncate' }], async (emulator) => {
      const result = await rawGet(`${emulator.url}/v1/ping`, emulator.apiKey);
      expect(result.status).toBe(200);
      expect(result.bytes).toBeLessThan(Number(result.headers?.['content-length']));
      expect(result.error).toBeDefined();
    });
  });

  it('sends JSON that does not parse with kind malformed', async () => {
    await withFaults([{ kind: 'malformed' }], async (emulator) => {
      const response = await fetch(`${emulator.url}/v1/ping`, {
        headers: { APIKEY: emulator.apiKey },
      });
      expect(response.headers.get('content-type')).toBe('application/json');
      await expect(response.json()).rejects.toThrow();
    });
  });

  it('sends an HTML error page with kind html', async () => {
    await withFaults([{ kind: 'html' }], async (emulator) => {
      const response = await fetch(`${emulator.url}/v1/ping`, {
        headers: { APIKEY: emulator.apiKey },
      });
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toContain('<html>');
    });
  });

  it('streams a 60 MB body with kind oversize', async () => {
    await withFaults([{ kind: 'oversize' }], async (emulator) => {
      const result = await rawGet(`${emulator.url}/v1/ping`, emulator.apiKey);
      expect(Number(result.headers?.['content-length'])).toBe(60 * 1024 * 1024);
      expect(result.bytes).toBe(60 * 1024 * 1024);
    });
  });

  it('replaces the rules with setFaults and with PUT /__emulator/faults', async () => {
    await withFaults([], async (emulator) => {
      const api = clientFor(emulator);
      emulator.setFaults([{ status: 418 }]);
      expect((await api.get('/v1/ping')).status).toBe(418);
      const put = await fetch(`${emulator.url}/__emulator/faults`, { method: 'PUT', body: '[]' });
      expect(put.status).toBe(200);
      expect((await api.get('/v1/ping')).status).toBe(200);
    });
  });

  it('refuses fault rules that are not valid with 400', async () => {
    await withFaults([], async (emulator) => {
      const bad = await fetch(`${emulator.url}/__emulator/faults`, {
        method: 'PUT',
        body: '[{"kind": "explode"}]',
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toMatch(/kind must be one of/);
    });
  });
});
