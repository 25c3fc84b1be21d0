import type { Ajv, ValidateFunction } from 'ajv';
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
  private readonly check: ValidateFunction;

  constructor(
    ajv: Ajv,
    private readonly schema: InputSchema,
  ) {
    this.check = ajv.compile(schema);
  }

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

    if (this.check(values)) return { ok: true, values };

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

function withMore(sentence: string, count: number): string {
  return count > 1
    ? `${sentence} (${count - 1} more input problem${count > 2 ? 's' : ''})`
    : sentence;
}

function failure(message: string, details: Record<string, unknown>): InputCheck {
  return { ok: false, error: new ConnectorError('INPUT_INVALID', message, { details }) };
}
