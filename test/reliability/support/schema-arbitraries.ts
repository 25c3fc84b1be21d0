import fc from 'fast-check';
import type { CommandDefinition } from '../../../runtime/manifest/types.js';
import { hostileKey, hostileValue } from './hostile-values.js';

/** The part of a manifest input schema that the generators read. */
export interface SchemaNode {
  type?: string;
  'x-input'?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

/** Values known to exist upstream, by parameter name: real project, asset and signature IDs. */
export type KnownValues = Record<string, readonly unknown[]>;

const ABSENT = Symbol('absent');
const DAY_MS = 86_400_000;
const EARLIEST = Date.UTC(2015, 0, 1);
const LATEST = Date.UTC(2035, 11, 31);

const instant = fc.integer({ min: EARLIEST, max: LATEST }).map((ms) => new Date(ms));

function validString(node: SchemaNode): fc.Arbitrary<string> {
  const min = Math.max(1, node.minLength ?? 0);
  const max = Math.min(node.maxLength ?? 80, 80);
  if (node.format === 'date') return instant.map((date) => date.toISOString().slice(0, 10));
  if (node.format === 'date-time') {
    return instant.chain((date) =>
      fc.constantFrom(date.toISOString(), date.toISOString().slice(0, 16).replace('T', ' ')),
    );
  }
  const pattern = node.pattern === undefined ? undefined : new RegExp(node.pattern, 'u');
  // Free text first: a loose pattern such as \S accepts almost any text.
  const text = fc
    .string({ unit: 'grapheme', minLength: min, maxLength: max })
    .map((value) => value.trim())
    .filter((value) => value.length >= min && (pattern === undefined || pattern.test(value)));
  if (pattern === undefined || node.pattern === '\\S' || node.pattern === '^\\S+$') return text;
  const limit = node.maxLength ?? Number.POSITIVE_INFINITY;
  return fc
    .stringMatching(pattern, { size: 'xsmall' })
    .filter((value) => value.length >= min && value.length <= limit);
}

/** A value the schema accepts, in the form a SOAR form may send it (typed or as text). */
export function validValue(node: SchemaNode, known?: readonly unknown[]): fc.Arbitrary<unknown> {
  const derived = derivedValue(node);
  if (known === undefined || known.length === 0) return derived;
  return fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, derived);
}

function derivedValue(node: SchemaNode): fc.Arbitrary<unknown> {
  if (node.enum !== undefined) return fc.constantFrom(...node.enum);
  switch (node.type) {
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'yes', 'no'));
    case 'integer': {
      const number = fc.integer({ min: node.minimum ?? -1e6, max: node.maximum ?? 1e6 });
      return fc.oneof(number, number.map(String));
    }
    case 'array':
      return validList(node);
    case 'object':
      return validObject(node);
    default:
      return validString(node);
  }
}

function validList(node: SchemaNode): fc.Arbitrary<unknown> {
  const items = node.items ?? { type: 'string' };
  const list = fc.uniqueArray(derivedValue(items), {
    minLength: node.minItems ?? 0,
    maxLength: Math.min(node.maxItems ?? 8, 8),
  });
  return fc.oneof(
    list,
    list.map((values) => JSON.stringify(values)),
    list
      .filter((values) => values.every((v) => typeof v === 'string' && !v.includes(',')))
      .map((values) => values.join(', ')),
  );
}

function validObject(node: SchemaNode): fc.Arbitrary<unknown> {
  const properties = node.properties ?? {};
  const names = Object.keys(properties);
  const required = node.required ?? [];
  const shape = Object.fromEntries(names.map((name) => [name, derivedValue(properties[name]!)]));
  const object = fc
    .record(shape, { requiredKeys: required })
    .filter((value) => Object.keys(value).length > 0);
  return fc.oneof(
    object,
    object.map((value) => JSON.stringify(value)),
  );
}

/** Values on and just past the schema's limits. */
export function boundaryValue(node: SchemaNode): fc.Arbitrary<unknown> {
  const values: unknown[] = ['', '   ', null];
  if (node.enum !== undefined) {
    const first = String(node.enum[0]);
    values.push(first.toLowerCase(), first.toUpperCase(), ` ${first} `, `${first}x`);
  }
  if (node.maxLength !== undefined) {
    values.push('a'.repeat(node.maxLength), 'a'.repeat(node.maxLength + 1));
  }
  if (node.minimum !== undefined) values.push(node.minimum, node.minimum - 1, `${node.minimum}`);
  if (node.maximum !== undefined) values.push(node.maximum, node.maximum + 1, node.maximum + 0.5);
  if (node.maxItems !== undefined) {
    values.push(
      Array.from({ length: node.maxItems + 1 }, (_, i) => `item${i}`),
      ['dup', 'dup'],
    );
    values.push([], '[]', ',,,');
  }
  if (node.format === 'date' || node.format === 'date-time') {
    values.push('2024-02-29', '2023-02-29', '2024-13-01', '9999-12-31', '0000-01-01');
    values.push('02/30/2024 12:00 AM', '1970-01-01T00:00:00Z', new Date(LATEST + DAY_MS));
  }
  if (node.type === 'object') values.push({}, '{}', { unknown: 1 }, '{"a":');
  return fc.constantFrom(...values);
}

/** Any value for one parameter: absent, valid, on a limit, or hostile. */
function parameterValue(
  node: SchemaNode,
  required: boolean,
  known: readonly unknown[] | undefined,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constant(ABSENT), weight: required ? 1 : 4 },
    { arbitrary: validValue(node, known), weight: 5 },
    { arbitrary: boundaryValue(node), weight: 2 },
    { arbitrary: hostileValue, weight: 3 },
  );
}

function assemble(entries: [string, unknown][]): Record<string, unknown> {
  // fromEntries defines own keys, so `__proto__` arrives as a key rather than a prototype.
  return Object.fromEntries(entries.filter(([, value]) => value !== ABSENT));
}

/**
 * Inputs for a command: every parameter absent, valid, on a limit or hostile, sometimes with
 * extra keys such as `__proto__`; and in a share of cases every parameter valid, so that the
 * handlers, not only the validation, meet random data.
 */
export function commandInputs(
  command: CommandDefinition,
  known: KnownValues,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = command.inputs.properties as Record<string, SchemaNode>;
  const required = new Set(command.inputs.required ?? []);
  const names = Object.keys(properties);
  const pick = (name: string, value: fc.Arbitrary<unknown>) =>
    value.map((v): [string, unknown] => [name, v]);

  const mixed = fc
    .tuple(
      fc.tuple(
        ...names.map((name) =>
          pick(name, parameterValue(properties[name]!, required.has(name), known[name])),
        ),
      ),
      fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 2 }),
    )
    .map(([own, extra]) => assemble([...own, ...extra]));

  const allValid = fc
    .tuple(
      ...names.map((name) => {
        const valid = validValue(properties[name]!, known[name]);
        return pick(name, required.has(name) ? valid : fc.oneof(fc.constant(ABSENT), valid));
      }),
    )
    .map((entries) => assemble(entries));

  return fc.oneof({ arbitrary: mixed, weight: 3 }, { arbitrary: allValid, weight: 2 });
}
