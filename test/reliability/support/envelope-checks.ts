import { expect } from 'vitest';
import { failureIndicator } from '../../../runtime/envelope.js';
import { ERROR_CATALOG, type ErrorCode } from '../../../runtime/errors/catalog.js';
import type { Envelope } from '../../../runtime/types.js';
import { SECRET_KEY } from '../../helpers/connector.js';

const ENVELOPE_KEYS = new Set([
  'command',
  'returnData',
  'rawData',
  'keyFields',
  'warnings',
  'events',
  'incidents',
  'state',
  'error',
  'executionId',
  'durationMs',
]);
const ERROR_KEYS = new Set([
  'failureIndicator',
  'statusCode',
  'message',
  'code',
  'class',
  'retryable',
  'details',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks the envelope a SOAR platform receives: its fields and their types, and for a failure
 * the payload with a catalog code whose class and retry flag agree with the catalog.
 */
export function expectValidEnvelope(
  envelope: unknown,
  command: string,
): asserts envelope is Envelope {
  expect(isPlainObject(envelope), 'the envelope is an object').toBe(true);
  const record = envelope as Record<string, unknown>;
  for (const key of Object.keys(record)) expect(ENVELOPE_KEYS.has(key), `field ${key}`).toBe(true);
  expect(record.command).toBe(command);
  expect(record.executionId).toMatch(UUID);
  expect(Number.isFinite(record.durationMs) && Number(record.durationMs) >= 0).toBe(true);
  expect(typeof JSON.stringify(record)).toBe('string');

  if (record.returnData === 'Successful') {
    expect(record.error).toBeUndefined();
    if (record.keyFields !== undefined) expect(isPlainObject(record.keyFields)).toBe(true);
    for (const list of ['warnings', 'events', 'incidents'] as const) {
      if (record[list] !== undefined) expect(Array.isArray(record[list]), list).toBe(true);
    }
    for (const warning of (record.warnings as unknown[] | undefined) ?? []) {
      expect(typeof warning).toBe('string');
    }
    return;
  }

  expect(record.returnData).toBe('Failed');
  expect(record.rawData).toBeNull();
  expect(isPlainObject(record.error), 'a Failed envelope carries an error').toBe(true);
  const error = record.error as Record<string, unknown>;
  for (const key of Object.keys(error)) expect(ERROR_KEYS.has(key), `error.${key}`).toBe(true);
  expect(Object.hasOwn(ERROR_CATALOG, String(error.code)), `code ${String(error.code)}`).toBe(true);
  const entry = ERROR_CATALOG[error.code as ErrorCode];
  expect(error).toMatchObject({
    failureIndicator: failureIndicator(command),
    class: entry.class,
    retryable: entry.retryable,
  });
  expect(typeof error.message === 'string' && error.message.trim() !== '').toBe(true);
  const status = error.statusCode;
  expect(status === null || (Number.isInteger(status) && Number(status) >= 100)).toBe(true);
  if (error.details !== undefined) expect(isPlainObject(error.details)).toBe(true);
}

/**
 * Pieces of the key long enough to identify it. A message that shortens a value can cut the key
 * short, so whole-value redaction alone would miss it; any 8 characters of it count as a leak.
 */
function fragmentsOf(secret: string): string[] {
  return Array.from({ length: Math.max(1, secret.length - 7) }, (_, i) => secret.slice(i, i + 8));
}

export function leakedFragment(text: string, secret = SECRET_KEY): string | undefined {
  return fragmentsOf(secret).find((fragment) => text.includes(fragment));
}

/** The key appears in none of the texts: envelope JSON, log lines, files. */
export function expectNoSecret(texts: Iterable<string>, where: string, secret = SECRET_KEY): void {
  for (const text of texts) {
    const fragment = leakedFragment(text, secret);
    expect(fragment, `${where} holds part of the API key: ${text.slice(0, 300)}`).toBeUndefined();
  }
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];

/** The own property names of the built-in prototypes, to compare after hostile input. */
export function prototypeSnapshot(): string[][] {
  return PROTOTYPES.map((prototype) => Object.getOwnPropertyNames(prototype).sort());
}

export function expectPrototypesUntouched(before: string[][]): void {
  expect(prototypeSnapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).pollutedByInput).toBeUndefined();
}
