import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { clientFor } from './harness.js';

describe('server', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('logs one line per request without the query string, so ?apikey= never reaches the log', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const emulator = await startEmulator({ logRequests: true, apiKeys: ['secret-key'] });
    try {
      await fetch(`${emulator.url}/v1/ping?apikey=secret-key`);
    } finally {
      await emulator.stop();
    }
    const logged = lines.filter((line) => line.startsWith('emulator:'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^emulator: GET \/v1\/ping 200 [\d.]+ms\n$/);
    expect(logged.join('')).not.toContain('secret-key');
  });

  it('refuses a request body over 1 MB with 413', async () => {
    const emulator = await startEmulator();
    try {
      const body = JSON.stringify({ add_tags: ['x'.repeat(1024 * 1024)] });
      const reply = await clientFor(emulator).call(
        'POST',
        `/v2/projects/${emulator.projectIds[0]}/assets/a/tags`,
        {
          raw: body,
        },
      );
      expect(reply.status).toBe(413);
    } finally {
      await emulator.stop();
    }
  });

  it('counts every API request, refused ones included, but not control requests', async () => {
    const emulator = await startEmulator();
    try {
      await fetch(`${emulator.url}/v1/ping`);
      await fetch(`${emulator.url}/v1/ping`, { headers: { APIKEY: emulator.apiKey } });
      await fetch(`${emulator.url}/__emulator/state`);
      expect(emulator.requests()).toBe(2);
      expect(emulator.usage().current).toBe(1);
    } finally {
      await emulator.stop();
    }
  });
});
