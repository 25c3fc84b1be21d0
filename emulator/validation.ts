import { parseDay } from './data/time.js';
import type { EmulatorResponse } from './types.js';

/** One entry of a FastAPI `HTTPValidationError.detail`. */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 't', 'y']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off', 'f', 'n']);

function expected(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length < 2) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * Reads query parameters the way a FastAPI endpoint validates them, collecting every problem
 * with its location, message and type instead of stopping at the first.
 */
export class QueryReader {
  readonly issues: ValidationIssue[] = [];

  constructor(readonly query: URLSearchParams) {}

  get ok(): boolean {
    return this.issues.length === 0;
  }

  fail(
    name: string | (string | number)[],
    type: string,
    msg: string,
    input: unknown,
    ctx?: Record<string, unknown>,
  ): void {
    const loc = ['query', ...(Array.isArray(name) ? name : [name])];
    this.issues.push(
      ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx },
    );
  }

  raw(name: string): string | undefined {
    return this.query.get(name) ?? undefined;
  }

  int(name: string, bounds: { min?: number; max?: number } = {}): number | undefined {
    const text = this.raw(name);
    if (text === undefined) return undefined;
    if (!/^[+-]?\d+$/.test(text.trim())) {
      this.fail(
        name,
        'int_parsing',
        'Input should be a valid integer, unable to parse string as an integer',
        text,
      );
      return undefined;
    }
    const value = Number(text);
    if (bounds.min !== undefined && value < bounds.min) {
      this.fail(
        name,
        'greater_than_equal',
        `Input should be greater than or equal to ${bounds.min}`,
        text,
        { ge: bounds.min },
      );
      return undefined;
    }
    if (bounds.max !== undefined && value > bounds.max) {
      this.fail(
        name,
        'less_than_equal',
        `Input should be less than or equal to ${bounds.max}`,
        text,
        { le: bounds.max },
      );
      return undefined;
    }
    return value;
  }

  number(name: string): number | undefined {
    const text = this.raw(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      this.fail(
        name,
        'float_parsing',
        'Input should be a valid number, unable to parse string as a number',
        text,
      );
      return undefined;
    }
    return value;
  }

  bool(name: string): boolean | undefined {
    const text = this.raw(name);
    if (text === undefined) return undefined;
    const word = text.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    this.fail(
      name,
      'bool_parsing',
      'Input should be a valid boolean, unable to interpret input',
      text,
    );
    return undefined;
  }

  oneOf<T extends string>(
    name: string,
    values: readonly T[],
    text = this.raw(name),
    loc: (string | number)[] = [name],
  ): T | undefined {
    if (text === undefined) return undefined;
    const found = values.find((v) => v === text);
    if (found !== undefined) return found;
    const list = expected(values);
    this.fail(loc, 'enum', `Input should be ${list}`, text, { expected: list });
    return undefined;
  }

  /** A `YYYY-MM-DD` date as the UTC second that starts the day. */
  day(name: string): number | undefined {
    const text = this.raw(name);
    if (text === undefined) return undefined;
    const value = parseDay(text);
    if (value === undefined) {
      this.fail(
        name,
        'date_parsing',
        'Input should be a valid date in the format YYYY-MM-DD',
        text,
      );
    }
    return value;
  }
}

export function validationFailed(issues: ValidationIssue[]): EmulatorResponse {
  return { status: 422, body: { detail: issues } };
}
