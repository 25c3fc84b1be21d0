import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../emulator/index.js';
import { finished, startCli, waitForOutput } from './cli.js';

describe('soar-connector emulator', () => {
  it('serves the API at the URL it prints, with the demo key, until SIGTERM', async () => {
    const child = startCli(['emulator', '--port', '0', '--seed', '3', '--assets', '20']);
    const done = finished(child);

    const banner = await waitForOutput(child, /Press Ctrl\+C to stop\./);
    const url = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? '';
    expect(banner).toContain(`API key: ${DEMO_API_KEY}`);
    const ping = await fetch(`${url}/v1/ping`, { headers: { APIKEY: DEMO_API_KEY } });
    expect(ping.status).toBe(200);

    child.kill('SIGTERM');
    const result = await done;

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Emulator stopped (SIGTERM).');
  });

  it('exits 2 for a port out of range', async () => {
    const result = await finished(startCli(['emulator', '--port', '70000']));

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected a whole number from 0 to 65535; got "70000".');
  });
});
