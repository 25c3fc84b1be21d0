import { describe, expect, it } from 'vitest';
import { useEmulator } from './harness.js';

describe('exploration routes behind the server', () => {
  const api = useEmulator({ hosts: 500 });

  it('serves the DSL search with the same key, quota and 401 as every other route', async () => {
    const before = api.emulator.usage().current;
    const reply = await api.call('POST', '/v1/domains/list?include_ips=false', {
      body: { query: "tld = 'com'" },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveProperty('records');
    expect(api.emulator.usage().current).toBe(before + 1);
    const anonymous = await fetch(`${api.emulator.url}/v1/domains/list`, {
      method: 'POST',
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
  });

  it('mounts the SQL scroll routes', async () => {
    const reply = await api.call('POST', '/v1/query/scroll', {
      body: { query: 'SELECT domain.hostname FROM hosts' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveProperty('records');
  });
});
