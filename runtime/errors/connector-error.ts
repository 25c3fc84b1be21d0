import { ERROR_CATALOG, type ErrorClass, type ErrorCode } from './catalog.js';

export interface ConnectorErrorOptions {
  statusCode?: number | null;
  /** Machine-readable detail: the input, ajv's keyword and params, the request id, ... */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type that crosses the runtime: a catalog code plus a message for the user. */
export class ConnectorError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number | null;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: ConnectorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectorError';
    this.code = code;
    this.statusCode = options.statusCode ?? null;
    this.details = options.details ?? {};
  }

  get errorClass(): ErrorClass {
    return ERROR_CATALOG[this.code].class;
  }

  get retryable(): boolean {
    return ERROR_CATALOG[this.code].retryable;
  }
}

export function isConnectorError(value: unknown): value is ConnectorError {
  return value instanceof ConnectorError;
}

/** Any thrown value as a ConnectorError; a foreign error is our defect, reported as INTERNAL. */
export function toConnectorError(value: unknown): ConnectorError {
  if (isConnectorError(value)) return value;

  const message = value instanceof Error ? value.message : String(value);
  return new ConnectorError('INTERNAL', `Unexpected error: ${message}`, { cause: value });
}
