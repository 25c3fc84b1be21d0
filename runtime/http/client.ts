import https from 'node:https';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Logger } from 'pino';
import { ConnectorError } from '../errors/connector-error.js';
import type { ResolvedConnection } from '../types.js';
import { backoffMs, defaultSleep, retryAfterMs } from './retry.js';
import { failureFromResponse, failureFromTransport, type FailedAttempt } from './failures.js';

export type QueryValue = string | number | boolean | undefined | null;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestSpec {
  method: HttpMethod;
  /** An API path built with apiPath, e.g. `/v2/projects/abc/assets`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

export interface HttpResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

export interface HttpClientOptions {
  connection: ResolvedConnection;
  logger: Logger;
  /** Epoch ms after which no request starts and no retry waits. */
  deadline: number;
  maxRetries?: number;
  maxContentLength?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  signal?: AbortSignal;
  /** Awaited before each attempt; see ExecuteOptions.beforeRequest. */
  beforeRequest?: (signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_MAX_CONTENT_LENGTH = 50 * 1024 * 1024;

/**
 * The one HTTP client of the runtime. It owns the base URL, the APIKEY header, timeouts, size
 * limits, proxy, TLS, retries and the translation of every failure into a ConnectorError.
 * Handlers call it with API paths and never see axios.
 */
export class HttpClient {
  readonly requests = { count: 0 };
  private readonly axios: AxiosInstance;
  private readonly options: Required<Omit<HttpClientOptions, 'signal' | 'beforeRequest'>> & {
    signal: AbortSignal | undefined;
    beforeRequest: HttpClientOptions['beforeRequest'];
  };

  constructor(options: HttpClientOptions) {
    this.options = {
      maxRetries: 3,
      maxContentLength: DEFAULT_MAX_CONTENT_LENGTH,
      sleep: defaultSleep,
      now: Date.now,
      ...options,
      signal: options.signal,
      beforeRequest: options.beforeRequest,
    };
    this.axios = createAxios(options.connection, this.options.maxContentLength);
  }

  async get<T = unknown>(path: string, query?: Record<string, QueryValue>): Promise<T> {
    return (await this.request<T>({ method: 'GET', path, ...(query && { query }) })).data;
  }

  async post<T = unknown>(
    path: string,
    body?: unknown,
    query?: Record<string, QueryValue>,
  ): Promise<T> {
    return (await this.request<T>({ method: 'POST', path, body, ...(query && { query }) })).data;
  }

  async put<T = unknown>(path: string): Promise<T> {
    return (await this.request<T>({ method: 'PUT', path })).data;
  }

  async delete<T = unknown>(path: string): Promise<T> {
    return (await this.request<T>({ method: 'DELETE', path })).data;
  }

  /** Sends one request, retrying network errors, 429 and 502-504 within the deadline. */
  async request<T = unknown>(spec: RequestSpec): Promise<HttpResponse<T>> {
    const { maxRetries, now, sleep, logger } = this.options;

    for (let attempt = 0; ; attempt += 1) {
      await this.options.beforeRequest?.(this.options.signal);
      const started = now();
      const outcome = await this.attempt(spec, attempt);
      const log = { method: spec.method, path: spec.path, attempt, durationMs: now() - started };

      if (outcome.ok) {
        logger.debug({ ...log, status: outcome.response.status }, 'request succeeded');
        return outcome.response as HttpResponse<T>;
      }

      const { error, retry, retryAfter } = outcome;
      const delay = retryAfter ?? backoffMs(attempt);
      const remaining = this.options.deadline - now();
      if (!retry || attempt >= maxRetries || delay >= remaining) {
        logger.debug({ ...log, status: error.statusCode, code: error.code }, 'request failed');
        throw error;
      }

      logger.debug({ ...log, status: error.statusCode, delayMs: delay }, 'request retried');
      await sleep(delay, this.options.signal);
    }
  }

  private async attempt(spec: RequestSpec, attempt: number): Promise<AttemptOutcome> {
    const remaining = this.options.deadline - this.options.now();
    if (remaining <= 0) {
      const error = new ConnectorError('TIMEOUT', 'The command ran past its deadline.', {
        details: { method: spec.method, path: spec.path, attempt },
      });
      return { ok: false, error, retry: false };
    }

    this.requests.count += 1;
    let response: AxiosResponse<string>;
    try {
      response = await this.axios.request<string>({
        method: spec.method,
        url: spec.path,
        params: spec.query && withoutEmpty(spec.query),
        data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        timeout: Math.min(this.options.connection.timeoutSeconds * 1000, remaining),
        ...(this.options.signal && { signal: this.options.signal }),
      });
    } catch (cause) {
      return failureFromTransport(cause, spec);
    }

    const headers = flattenHeaders(response.headers);
    if (response.status >= 200 && response.status < 300) {
      return parseSuccess(response.data, response.status, headers, spec);
    }
    const outcome = failureFromResponse(response.status, response.data, spec, headers.location);
    if (!outcome.retry) return outcome;
    return { ...outcome, retryAfter: retryAfterMs(headers['retry-after'], this.options.now()) };
  }
}

export type AttemptOutcome = { ok: true; response: HttpResponse } | FailedAttempt;

function createAxios(connection: ResolvedConnection, maxContentLength: number): AxiosInstance {
  const proxy = connection.proxyUrl === undefined ? false : proxyConfig(connection.proxyUrl);
  return axios.create({
    baseURL: connection.serverUrl.replace(/\/+$/, ''),
    allowAbsoluteUrls: false,
    maxRedirects: 0,
    maxContentLength,
    maxBodyLength: maxContentLength,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    proxy,
    httpsAgent: new https.Agent({ rejectUnauthorized: connection.verifyTls, keepAlive: true }),
    headers: {
      APIKEY: connection.apiKey,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'User-Agent': 'soar-connector-securitytrails',
    },
  });
}

function proxyConfig(proxyUrl: string) {
  const url = new URL(proxyUrl);
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  return {
    protocol: url.protocol.replace(':', ''),
    host: url.hostname,
    port: url.port === '' ? defaultPort : Number(url.port),
    ...(url.username !== '' && {
      auth: {
        username: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      },
    }),
  };
}

function parseSuccess(
  text: string,
  status: number,
  headers: Record<string, string>,
  spec: RequestSpec,
): AttemptOutcome {
  if (text === undefined || text === null || text.trim() === '') {
    return { ok: true, response: { status, data: null, headers } };
  }
  try {
    return { ok: true, response: { status, data: JSON.parse(text) as unknown, headers } };
  } catch {
    const kind = headers['content-type'] ?? 'unknown content type';
    const error = new ConnectorError(
      'RESPONSE_INVALID',
      `SecurityTrails answered ${spec.method} ${spec.path} with a body that is not valid JSON (${kind}).`,
      { statusCode: status, details: { method: spec.method, path: spec.path } },
    );
    return { ok: false, error, retry: false };
  }
}

function withoutEmpty(
  query: Record<string, QueryValue>,
): Record<string, string | number | boolean> {
  const entries = Object.entries(query).filter(
    (entry): entry is [string, string | number | boolean] =>
      entry[1] !== undefined && entry[1] !== null,
  );
  return Object.fromEntries(entries);
}

function flattenHeaders(headers: AxiosResponse['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && value !== null) flat[name.toLowerCase()] = String(value);
  }
  return flat;
}
