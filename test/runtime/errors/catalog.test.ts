import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../../../runtime/errors/catalog.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

function readmeRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of readme.split('\n')) {
    const match = /^\| `([A-Z_]+)`\s*\|(.+)\|$/.exec(line);
    if (match?.[1] && match[2])
      rows.set(
        match[1],
        match[2].split('|').map((cell) => cell.trim()),
      );
  }
  return rows;
}

describe('error catalog', () => {
  it('documents every code in the README table with its class, retry flag, meaning and fix', () => {
    const rows = readmeRows();

    for (const [code, entry] of Object.entries(ERROR_CATALOG)) {
      expect(rows.get(code), code).toEqual([
        entry.class,
        entry.retryable ? 'yes' : 'no',
        entry.meaning,
        entry.fix,
      ]);
    }
  });

  it('has no README row for a code that does not exist', () => {
    const unknown = [...readmeRows().keys()].filter((code) => !(code in ERROR_CATALOG));

    expect(unknown).toEqual([]);
  });

  it('marks exactly the transient codes as retryable', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOG)) {
      expect(entry.retryable, code).toBe(entry.class === 'transient');
    }
  });
});
