import type { ErrorObject } from 'ajv';
import { secrets } from '../logging.js';

/**
 * One sentence per ajv error that names the parameter, what was expected and what arrived:
 * "Limit must be an integer from 1 to 1000; got the number 1001."
 */
export function describeInputError(
  error: ErrorObject,
  raw: Record<string, unknown>,
  schemaOf: (parameter: string) => Record<string, unknown> | undefined,
  coerced: Record<string, unknown> = raw,
): { parameter: string; sentence: string } {
  const [parameter = '', ...rest] = error.instancePath.split('/').slice(1).map(unescapePointer);
  const where = rest.length === 0 ? parameter : `${parameter} (${rest.join('.')})`;
  // A top-level value is shown as the form sent it; a nested one as found after parsing.
  const got = describeValue(
    parameter === ''
      ? undefined
      : rest.length === 0
        ? raw[parameter]
        : valueAt(coerced, [parameter, ...rest]),
  );
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const label = parameter === '' ? missing : `${where}.${missing}`;
      return { parameter: parameter || missing, sentence: `${label} is required; give a value.` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      if (parameter === '') {
        // A blank name would leave the sentence without a subject; quoted, it shows what came.
        const shown = extra.trim() === '' ? JSON.stringify(extra) : extra;
        return { parameter: extra, sentence: `${shown} is not a parameter of this command.` };
      }
      const allowed = Object.keys(propertiesOf(schemaOf(parameter), rest)).join(', ');
      return {
        parameter,
        sentence: `${where} does not accept the key '${extra}'; allowed keys: ${allowed}.`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { parameter, sentence: `${where} must be one of ${allowed}; got ${got}.` };
    }
    default:
      return { parameter, sentence: `${where} ${expectation(error)}; got ${got}.` };
  }
}

function expectation(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${article(String(params.type))}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minLength':
      return `must be at least ${String(params.limit)} characters long`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} items`;
    case 'minItems':
      return `must have at least ${String(params.limit)} items`;
    case 'uniqueItems':
      return 'must not repeat an item';
    case 'pattern':
      return `must match the pattern ${String(params.pattern)}`;
    case 'format':
      return `must be ${article(String(params.format))}`;
    default:
      return error.message ?? 'is not valid';
  }
}

function article(type: string): string {
  const words: Record<string, string> = {
    integer: 'an integer',
    number: 'a number',
    string: 'a string',
    boolean: 'a boolean (true or false)',
    array: 'a list (JSON array or comma-separated)',
    object: 'a JSON object',
    date: 'a date (Y-m-d)',
    'date-time': 'a date-time',
    uri: 'an absolute URL',
  };
  return words[type] ?? `a valid ${type}`;
}

/** What arrived, by type and value, shortened; never used for secret parameters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (typeof value === 'object') return 'an object';
  // Redacted before shortening: a key cut in half would slip past redaction by value.
  const text = secrets.redact(String(value));
  const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text;
  return typeof value === 'string' ? `the string '${shown}'` : `the ${typeof value} ${shown}`;
}

function propertiesOf(
  schema: Record<string, unknown> | undefined,
  path: string[],
): Record<string, unknown> {
  let current: unknown = schema;
  for (const key of path) {
    current = (current as { properties?: Record<string, unknown> } | undefined)?.properties?.[key];
  }
  return (current as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function valueAt(root: unknown, path: string[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}
