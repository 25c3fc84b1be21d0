import { ERROR_CATALOG } from './errors/catalog.js';
import type { ConnectorError } from './errors/connector-error.js';
import type { CommandResult, Envelope } from './types.js';

const TEST_CONNECTION = 'Test Connection';

/** "<Command> failed.", with the wording SOAR users know for Test Connection. */
export function failureIndicator(command: string): string {
  return command === TEST_CONNECTION
    ? 'Test Connection failed. Failed to check the connector.'
    : `${command} failed.`;
}

interface Meta {
  command: string;
  executionId: string;
  durationMs: number;
}

export function successEnvelope(meta: Meta, result: CommandResult): Envelope {
  return {
    command: meta.command,
    returnData: 'Successful',
    rawData: result.rawData ?? null,
    ...(result.keyFields && { keyFields: result.keyFields }),
    ...(result.warnings && result.warnings.length > 0 && { warnings: result.warnings }),
    ...(result.events && { events: result.events }),
    ...(result.incidents && { incidents: result.incidents }),
    ...(result.state !== undefined && { state: result.state }),
    executionId: meta.executionId,
    durationMs: meta.durationMs,
  };
}

export function failureEnvelope(meta: Meta, error: ConnectorError): Envelope {
  const entry = ERROR_CATALOG[error.code];
  return {
    command: meta.command,
    returnData: 'Failed',
    rawData: null,
    error: {
      failureIndicator: failureIndicator(meta.command),
      statusCode: error.statusCode,
      message: error.message,
      code: error.code,
      class: entry.class,
      retryable: entry.retryable,
      ...(Object.keys(error.details).length > 0 && { details: error.details }),
    },
    executionId: meta.executionId,
    durationMs: meta.durationMs,
  };
}

/** Replaces every occurrence of a secret in the strings of a JSON value, in place. */
export function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1)
      value[index] = redactDeep(value[index], redact);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = redactDeep(record[key], redact);
  }
  return value;
}
