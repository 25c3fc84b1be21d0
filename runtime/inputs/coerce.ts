import type { DateOrder } from '../types.js';
import { secrets } from '../logging.js';
import { parseDateTime, toIsoDate } from './dates.js';

/** The slice of a property schema that coercion reads. */
export interface PropertySchema {
  type?: string;
  'x-input'?: 'list' | 'json' | 'date' | 'datetime';
  items?: PropertySchema;
}

export interface CoercionProblem {
  parameter: string;
  expected: string;
  reason: string;
}

/**
 * Turns form values into the types the schema expects: "50" → 50, "true" → true, a JSON array
 * or a comma-separated list → array, a JSON object string → object, date-times → ISO 8601 UTC.
 * Blank strings count as absent, as a SOAR form sends them for empty optional fields. Values
 * that cannot be coerced are left as they came, for the schema to reject with the value shown,
 * unless the reason is more precise than the schema's (bad JSON, impossible date).
 */
export function coerceInputs(
  raw: Record<string, unknown>,
  properties: Record<string, PropertySchema>,
  order: DateOrder,
): { values: Record<string, unknown>; problems: CoercionProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: CoercionProblem[] = [];

  for (const [parameter, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;

    const schema = Object.hasOwn(properties, parameter) ? properties[parameter] : undefined;
    const result = schema === undefined ? { value } : coerceValue(value, schema, order);
    if ('problem' in result) problems.push({ parameter, ...result.problem });
    else
      Object.defineProperty(values, parameter, {
        value: result.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return { values, problems };
}

type Coerced = { value: unknown } | { problem: { expected: string; reason: string } };

function coerceValue(value: unknown, schema: PropertySchema, order: DateOrder): Coerced {
  switch (schema['x-input']) {
    case 'list':
      return coerceList(value, schema, order);
    case 'json':
      return typeof value === 'string' ? parseJson(value, 'a JSON object') : { value };
    case 'date':
    case 'datetime':
      return coerceDate(value, schema['x-input'], order);
    default:
      return { value: coerceScalar(value, schema.type) };
  }
}

function coerceScalar(value: unknown, type: string | undefined): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if ((type === 'integer' || type === 'number') && /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) {
    return Number(text);
  }
  if (type === 'boolean') {
    const lowered = text.toLowerCase();
    if (['true', 'yes', '1'].includes(lowered)) return true;
    if (['false', 'no', '0'].includes(lowered)) return false;
  }
  return type === 'string' ? text : value;
}

function coerceList(value: unknown, schema: PropertySchema, order: DateOrder): Coerced {
  let list: unknown = value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      const parsed = parseJson(text, 'a JSON array');
      if ('problem' in parsed) return parsed;
      list = parsed.value;
    } else {
      list = text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    }
  }
  if (!Array.isArray(list) || schema.items === undefined) return { value: list };

  const items: unknown[] = [];
  for (const item of list) {
    const coerced = coerceValue(item, schema.items, order);
    if ('problem' in coerced) return coerced;
    items.push(coerced.value);
  }
  return { value: items };
}

function coerceDate(value: unknown, kind: 'date' | 'datetime', order: DateOrder): Coerced {
  if (typeof value !== 'string') return { value };
  const parsed = parseDateTime(value, order);
  const expected = kind === 'date' ? 'a date (Y-m-d)' : 'a date-time';
  if (!parsed.ok) return { problem: { expected, reason: parsed.reason } };
  const iso = kind === 'date' ? toIsoDate(parsed.epochMs) : new Date(parsed.epochMs).toISOString();
  return { value: iso };
}

function parseJson(text: string, expected: string): Coerced {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = jsonError(text, error);
    return { problem: { expected, reason: `the text is not valid JSON (${reason})` } };
  }
}

/**
 * V8 quotes the first characters of the text in its message, which can cut a key typed into the
 * field short of what redaction by value recognises; the quote is then taken from the redacted
 * text instead.
 */
function jsonError(text: string, error: unknown): string {
  const redacted = secrets.redact(text);
  if (redacted === text) return error instanceof Error ? error.message : 'unparseable';
  try {
    JSON.parse(redacted);
  } catch (again) {
    if (again instanceof Error) return again.message;
  }
  return 'unparseable';
}
