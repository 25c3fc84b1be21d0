import type { ValidateFunction } from 'ajv';
import { ConnectorError } from '../errors/connector-error.js';
import type { DateOrder } from '../types.js';
import { coerceInputs, type PropertySchema } from './coerce.js';
import { describeInputError, describeValue } from './describe.js';

export interface InputSchema {
  type: 'object';
  required?: string[];
  properties: Record<string, PropertySchema & Record<string, unknown>>;
  additionalProperties: false;
}

export type InputCheck =
  { ok: true; values: Record<string, unknown> } | { ok: false; error: ConnectorError };

/** A command's input schema, compiled once at load; each call coerces then validates. */
export class InputValidator {
  constructor(
    private readonly check: ValidateFunction,
    private readonly schema: InputSchema,
  ) {}

  get parameters(): string[] {
    return Object.keys(this.schema.properties);
  }

  validate(raw: unknown, order: DateOrder): InputCheck {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      return failure(
        `Inputs must be an object keyed by parameter name; got ${describeValue(raw)}.`,
        {},
      );
    }
    const inputs = raw as Record<string, unknown>;
    const { values, problems } = coerceInputs(inputs, this.schema.properties, order);

    const [problem] = problems;
    if (problem !== undefined) {
      const sentence = `${problem.parameter} must be ${problem.expected}: ${problem.reason}; got ${describeValue(inputs[problem.parameter])}.`;
      return failure(sentence, { parameter: problem.parameter, problems });
    }

    if (this.check(values)) return wellFormed(values);

    const errors = this.check.errors ?? [];
    const described = errors.map((error) => ({
      ...describeInputError(error, inputs, (name) => this.schema.properties[name], values),
      instancePath: error.instancePath,
      keyword: error.keyword,
      params: error.params,
    }));
    const first = described[0];
    const message =
      first === undefined
        ? 'The inputs are not valid.'
        : withMore(first.sentence, described.length);
    return failure(message, { parameter: first?.parameter, errors: described });
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses text holding half of a UTF-16 surrogate pair: such text has no UTF-8 form, so it cannot
 * be put into a URL and would reach the API altered in a body. Runs after the schema, so values
 * are shallow here.
 */
function wellFormed(values: Record<string, unknown>): InputCheck {
  for (const [parameter, value] of Object.entries(values)) {
    const position = strayHalf(value);
    if (position === undefined) continue;
    return failure(
      `${parameter} must be well-formed Unicode text; character ${position + 1} is half of a ` +
        'surrogate pair, which cannot be sent to the API. Remove that character or type the ' +
        'value again.',
      { parameter },
    );
  }
  return { ok: true, values };
}

function strayHalf(value: unknown): number | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.exec(value)?.index;
  if (value === null || typeof value !== 'object') return undefined;
  for (const item of Object.values(value)) {
    const position = strayHalf(item);
    if (position !== undefined) return position;
  }
  return undefined;
}

function withMore(sentence: string, count: number): string {
  return count > 1
    ? `${sentence} (${count - 1} more input problem${count > 2 ? 's' : ''})`
    : sentence;
}

function failure(message: string, details: Record<string, unknown>): InputCheck {
  return { ok: false, error: new ConnectorError('INPUT_INVALID', message, { details }) };
}
