import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../runtime/errors/connector-error.js';
import { compileMapping, loadMapping } from '../../../runtime/mapping/mapping.js';

function mapping(fields: unknown[], mainPath = '$.Items') {
  return compileMapping({ mainPath, fields }, 'test');
}

function refusal(file: unknown): ConnectorError {
  try {
    compileMapping(file, 'test');
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error('the mapping was accepted');
}

describe('compileMapping', () => {
  it('reads item-relative paths written with a leading dot, without one, or from $', () => {
    const compiled = mapping([
      { name: 'dot', source: '.a.b' },
      { name: 'bare', source: 'a.b' },
      { name: 'anchored', source: '$.a.b' },
      { name: 'bracket', source: "['a']['b']" },
    ]);

    expect(compiled.apply({ Items: [{ a: { b: 1 } }] })).toEqual([
      { dot: 1, bare: 1, anchored: 1, bracket: 1 },
    ]);
  });

  it('maps a missing path to null: absent key, absent parent, index past the end, null item', () => {
    const compiled = mapping([
      { name: 'absent', source: '.nope' },
      { name: 'deep', source: '.a.nope.deeper' },
      { name: 'past', source: '.list[5]' },
      { name: 'inside null', source: '.none.x' },
    ]);

    expect(compiled.apply({ Items: [{ a: {}, list: [1], none: null }] })).toEqual([
      { absent: null, deep: null, past: null, 'inside null': null },
    ]);
  });

  it('keeps a present null and a present false as they are', () => {
    const compiled = mapping([
      { name: 'null', source: '.n' },
      { name: 'false', source: '.f' },
      { name: 'zero', source: '.z' },
    ]);

    expect(compiled.apply({ Items: [{ n: null, f: false, z: 0 }] })).toEqual([
      { null: null, false: false, zero: 0 },
    ]);
  });

  it('keeps every match of a list field and the first of a first field', () => {
    const compiled = mapping([
      { name: 'hosts', source: '.entities.*[*].example', take: 'list' },
      { name: 'host', source: '.entities.*[*].example', take: 'first' },
      { name: 'none', source: '.entities.*[*].missing', take: 'list' },
    ]);
    const item = {
      entities: {
        domains: [{ example: 'a.test' }, { example: 'b.test' }],
        ips: [{ example: '192.0.2.1' }],
      },
    };

    expect(compiled.apply({ Items: [item] })).toEqual([
      { hosts: ['a.test', 'b.test', '192.0.2.1'], host: 'a.test', none: null },
    ]);
  });

  it('evaluates descendant, union and slice paths through jsonpath-plus', () => {
    const compiled = mapping([
      { name: 'ids', source: '..id', take: 'list' },
      { name: 'pair', source: "['x','y']", take: 'list' },
      { name: 'slice', source: '.list[1:3]', take: 'list' },
    ]);

    expect(
      compiled.apply({ Items: [{ x: 1, y: 2, list: [0, 1, 2, 3], deep: { id: 'd' }, id: 'top' }] }),
    ).toEqual([{ ids: ['top', 'd'], pair: [1, 2], slice: [1, 2] }]);
  });

  it('gives constant fields their value on every item', () => {
    const compiled = mapping([
      { name: 'Category', value: 'Attack Surface' },
      { name: 'Owner', value: null },
    ]);

    expect(compiled.apply({ Items: [{}, {}] })).toEqual([
      { Category: 'Attack Surface', Owner: null },
      { Category: 'Attack Surface', Owner: null },
    ]);
  });

  it('maps nothing when the main path selects nothing, and each match when it selects items', () => {
    expect(mapping([{ name: 'x', source: '.x' }]).apply({})).toEqual([]);
    expect(
      mapping([{ name: 'x', source: '.x' }], '$.Items[*]').apply({ Items: [{ x: 1 }, { x: 2 }] }),
    ).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses the field name %s, which would reach the prototype of mapped objects',
    (name) => {
      expect(() => mapping([{ name, source: '.a' }])).toThrow(
        `fields/0/name: "${name}" cannot be a field name.`,
      );
    },
  );

  it.each([
    ['an unclosed bracket', '.a[0', "'[' is never closed", 3],
    ['a filter expression', '.a[?(@.b == 1)]', 'filter and script expressions are not allowed', 4],
    ['a script expression', '.a[(@.length-1)]', 'filter and script expressions are not allowed', 4],
    ['a bad token after a dot', '.a.#b', 'expected a property name or *', 4],
    ['a space between steps', '$.a b', "unexpected ' '", 3],
    ['an unquoted name in brackets', '.a[b]', "'b' is neither an index nor a quoted name", 4],
    ['a bad second name of a union', "$['a', b]", "'b' is neither an index nor a quoted name", 7],
  ])('refuses %s with the field location and the position', (_label, source, reason, position) => {
    const error = refusal({
      mainPath: '$.Items',
      fields: [
        { name: 'ok', source: '.a' },
        { name: 'bad', source },
      ],
    });

    expect(error.code).toBe('MAPPING_INVALID');
    expect(error.message).toContain('test/fields/1/source');
    expect(error.message).toContain(reason);
    expect(error.message).toContain(`at position ${position}`);
  });

  it.each([
    ['a file that is not an object', [], 'test: must be an object'],
    ['no main path', { fields: [] }, 'test/mainPath: must be a string'],
    ['fields that are not a list', { mainPath: '$', fields: {} }, 'test/fields: must be an array'],
    ['a field without a name', { mainPath: '$', fields: [{ source: '.a' }] }, 'test/fields/0/name'],
    [
      'a field with neither source nor value',
      { mainPath: '$', fields: [{ name: 'x' }] },
      'needs a source path or a value',
    ],
    [
      'an unknown take',
      { mainPath: '$', fields: [{ name: 'x', source: '.a', take: 'all' }] },
      'test/fields/0/take',
    ],
    ['a malformed main path', { mainPath: '$.Items[', fields: [] }, 'test/mainPath'],
  ])('refuses %s', (_label, file, mention) => {
    expect(refusal(file).message).toContain(mention);
  });
});

describe('loadMapping', () => {
  it('refuses a file that is not JSON, naming the location', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mapping-'));
    const path = join(folder, 'events.json');
    writeFileSync(path, '{"mainPath": ');

    await expect(loadMapping(path, '/commands/13/mappings/event')).rejects.toThrow(
      /\/commands\/13\/mappings\/event: not valid JSON/,
    );
  });

  it('refuses a file that does not exist, naming it', async () => {
    await expect(loadMapping('/nonexistent/events.json')).rejects.toThrow(
      /cannot be read \(ENOENT\)/,
    );
  });
});
