import type { Logger } from 'pino';
import type { HttpClient } from './http/client.js';
import type { ErrorClass, ErrorCode } from './errors/catalog.js';

export type ApiVersion = 'v1' | 'v2';

/** A connection as a consumer passes it; `apiKey` may be a vault reference (env:NAME, file:PATH). */
export interface Connection {
  serverUrl?: string;
  apiKey: string;
  apiVersion?: ApiVersion;
  timeoutSeconds?: number;
  proxyUrl?: string;
  verifyTls?: boolean;
}

/** A connection after validation, defaults and secret resolution. Never written anywhere. */
export interface ResolvedConnection {
  serverUrl: string;
  apiKey: string;
  apiVersion: ApiVersion;
  timeoutSeconds: number;
  proxyUrl: string | undefined;
  verifyTls: boolean;
}

/** How a SOAR form orders day and month in an ambiguous date such as 03/01/2023. */
export type DateOrder = 'MDY' | 'DMY';

export interface ExecuteOptions {
  /** Date order of the form that sent the inputs; default MDY. */
  dateOrder?: DateOrder;
  /** Overall deadline for the whole command, retries and pages included; default 5 minutes. */
  deadlineMs?: number;
  /** Logger to derive the execution's child logger from; default: pino to stderr. */
  logger?: Logger;
  /** Clock for dynamic defaults such as "End Time = now"; default Date.now. */
  now?: () => number;
  /** Sleep used between retries; tests inject one that does not wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Cancels the execution. */
  signal?: AbortSignal;
  /** Called after each page of a paginated command with the records gathered so far. */
  onProgress?: (progress: { command: string; pages: number; records: number }) => void;
  /** Maximum retries per request for network errors, 429 and 502-504; default 3. */
  maxRetries?: number;
  /**
   * Awaited before every request, retries included: where a rate limiter shared by several
   * processes makes the execution wait for its turn. The wait counts against the deadline.
   */
  beforeRequest?: (signal?: AbortSignal) => Promise<void>;
}

export interface ErrorPayload {
  failureIndicator: string;
  statusCode: number | null;
  message: string;
  code: ErrorCode;
  class: ErrorClass;
  retryable: boolean;
  details?: Record<string, unknown>;
}

export interface Envelope {
  command: string;
  returnData: 'Successful' | 'Failed';
  rawData: unknown;
  keyFields?: Record<string, unknown>;
  warnings?: string[];
  events?: Record<string, unknown>[];
  incidents?: Record<string, unknown>[];
  state?: unknown;
  error?: ErrorPayload;
  executionId: string;
  durationMs: number;
}

export interface CommandContext {
  /** Coerced and validated inputs, keyed by display name, defaults applied. */
  inputs: Record<string, unknown>;
  client: HttpClient;
  connection: ResolvedConnection;
  logger: Logger;
  now: () => number;
  /** The command's mappings, for commands that declare them (Fetch Incident). */
  mappings: CommandMappings | undefined;
  progress: (pages: number, records: number) => void;
}

export interface CommandResult {
  rawData: unknown;
  keyFields?: Record<string, unknown>;
  warnings?: string[];
  events?: Record<string, unknown>[];
  incidents?: Record<string, unknown>[];
  state?: unknown;
}

export type CommandHandler = (context: CommandContext) => Promise<CommandResult>;

/** Compiled event and incident mappings; see runtime/mapping. */
export interface CommandMappings {
  event: import('./mapping/mapping.js').CompiledMapping;
  incident: import('./mapping/mapping.js').CompiledMapping;
}
