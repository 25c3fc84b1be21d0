import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStateStore } from '../../../runtime/intake/state-store.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'state-store-'));
}

describe('FileStateStore', () => {
  it('has nothing for a key before the first save, even without a file', async () => {
    const store = new FileStateStore(join(folder(), 'missing', 'state.json'));

    expect(await store.load('fetch-incident:p')).toBeUndefined();
  });

  it('saves and loads each key on its own, creating the folder', async () => {
    const path = join(folder(), 'nested', 'state.json');
    const store = new FileStateStore(path);

    await store.save('fetch-incident:a', {
      fetchState: { snapshot_time: '2025-06-25 02:41:07', is_fetched: true },
    });
    await store.save('fetch-incident:b', { fetchState: null });

    expect(await new FileStateStore(path).load('fetch-incident:a')).toEqual({
      fetchState: { snapshot_time: '2025-06-25 02:41:07', is_fetched: true },
    });
    expect(await store.load('fetch-incident:b')).toEqual({ fetchState: null });
    expect(await store.load('__proto__')).toBeUndefined();
  });

  it('replaces the file by rename and leaves no temporary file behind', async () => {
    const dir = folder();
    const path = join(dir, 'state.json');
    const store = new FileStateStore(path);
    await store.save('k', 1);
    const before = statSync(path).ino;

    await store.save('k', 2);

    expect(statSync(path).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ k: 2 });
  });

  it('keeps the old state when a write is cut off before its rename', async () => {
    const dir = folder();
    const path = join(dir, 'state.json');
    const store = new FileStateStore(path);
    await store.save('k', { fetchState: 'old' });
    writeFileSync(`${path}.999.deadbeef.tmp`, '{"k": {"fetchSt');

    expect(await store.load('k')).toEqual({ fetchState: 'old' });
  });

  it.each([
    ['text that is not JSON', '{"fetch-incident:p": {'],
    ['an empty file', ''],
    ['a JSON list', '[]'],
  ])(
    'refuses a state file holding %s with STATE_INVALID and leaves it as it is',
    async (_label, content) => {
      const path = join(folder(), 'state.json');
      writeFileSync(path, content);
      const store = new FileStateStore(path);

      await expect(store.load('k')).rejects.toMatchObject({
        code: 'STATE_INVALID',
        message: expect.stringContaining(`The state file ${path}`),
      });
      await expect(store.save('k', 1)).rejects.toMatchObject({ code: 'STATE_INVALID' });
      expect(readFileSync(path, 'utf8')).toBe(content);
    },
  );
});
