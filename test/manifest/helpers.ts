import { readFileSync } from 'node:fs';

import { Ajv } from 'ajv';
import formats from 'ajv-formats';

export interface ParameterSchema {
  title: string;
  description: string;
  type: string;
  'x-input'?: 'list' | 'json' | 'date' | 'datetime';
  'x-secret'?: boolean;
  enum?: unknown[];
  default?: unknown;
  examples?: unknown[];
  items?: { enum?: unknown[] };
  properties?: Record<string, unknown>;
}

export interface ObjectSchema {
  type: 'object';
  additionalProperties: false;
  required?: string[];
  properties: Record<string, ParameterSchema>;
}

export interface Command {
  name: string;
  handler: string;
  description: string;
  apiVersions: string[];
  inputs: ObjectSchema;
  sampleOutput: Record<string, unknown>;
  keyFields?: string[];
  mappings?: { event: string; incident: string };
}

export interface Manifest {
  connection: ObjectSchema;
  commands: Command[];
}

const packageRoot = new URL('../../', import.meta.url);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, packageRoot), 'utf8'));
}

export const manifest = readJson('connector.manifest.json') as Manifest;
export const manifestSchema = readJson('runtime/manifest.schema.json') as object;

/** The Ajv set-up the runtime uses for command inputs: strict, every format, the x- hints known. */
export function createInputsAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  formats.default(ajv);
  ajv.addVocabulary(['x-input', 'x-secret']);
  return ajv;
}

export function findCommand(name: string): Command {
  const command = manifest.commands.find((candidate) => candidate.name === name);
  if (command === undefined) throw new Error(`the manifest has no command named ${name}`);
  return command;
}

export function findParameter(commandName: string, parameterName: string): ParameterSchema {
  const parameter = findCommand(commandName).inputs.properties[parameterName];
  if (parameter === undefined) throw new Error(`${commandName} has no parameter ${parameterName}`);
  return parameter;
}

/**
 * Turns a form string into the value its schema expects, as the runtime does for the list and
 * json hints; any other value passes unchanged.
 */
export function coerceFormValue(value: unknown, parameter: ParameterSchema): unknown {
  if (typeof value !== 'string') return value;
  if (parameter['x-input'] === 'json') return JSON.parse(value);
  if (parameter['x-input'] !== 'list') return value;

  if (value.trim().startsWith('[')) return JSON.parse(value);
  return value.split(',').map((item) => item.trim());
}

/** The first example of each required parameter: the smallest inputs a command accepts. */
export function requiredInputs(command: Command): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const name of command.inputs.required ?? []) {
    inputs[name] = command.inputs.properties[name]?.examples?.[0];
  }
  return inputs;
}
