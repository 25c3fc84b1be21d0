import { ConnectorError } from '../errors/connector-error.js';
import type { ErrorCode } from '../errors/catalog.js';
import type { RequestSpec } from './client.js';

export type FailedAttempt = {
  ok: false;
  error: ConnectorError;
  retry: boolean;
  retryAfter?: number | undefined;
};
import { refineByMessage, ruleForStatus } from './status-table.js';
import { vendorMessage } from './vendor-message.js';

/** An HTTP error status as a ConnectorError carrying the vendor's own message. */
export function failureFromResponse(
  status: number,
  text: string,
  spec: RequestSpec,
  location?: string,
): FailedAttempt {
  if (status >= 300 && status < 400) return redirectRefused(status, spec, location);

  const body = parseMaybeJson(text);
  const message = vendorMessage(body);
  const rule = refineByMessage(status, message ?? '', ruleForStatus(status));

  const error = new ConnectorError(rule.code, message ?? rule.fallback, {
    statusCode: status,
    details: { method: spec.method, path: spec.path, ...validationDetails(body) },
  });
  return { ok: false, error, retry: rule.retry };
}

/**
 * A request that got no usable response. The raw AxiosError is never kept as `cause`: its
 * `config` and `request` hold the APIKEY header.
 */
export function failureFromTransport(cause: unknown, spec: RequestSpec): FailedAttempt {
  const code =
    typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : '';
  const text = cause instanceof Error ? cause.message : String(cause);
  const where = `${spec.method} ${spec.path}`;
  const details = { method: spec.method, path: spec.path, transportCode: String(code ?? '') };

  const make = (errorCode: ErrorCode, message: string, retry: boolean): FailedAttempt => ({
    ok: false,
    error: new ConnectorError(errorCode, message, { details }),
    retry,
  });

  if (code === 'ERR_CANCELED') return make('TIMEOUT', `${where} was cancelled.`, false);
  if (cause instanceof URIError || (cause as { cause?: unknown }).cause instanceof URIError) {
    // A lone surrogate in a query value (inputs are checked for it, so one the API sent back,
    // such as a cursor) cannot be encoded; sending again would fail the same way.
    return make(
      'RESPONSE_INVALID',
      `${where}: a query value holds a broken Unicode character.`,
      false,
    );
  }
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return make('TIMEOUT', `${where} got no response within the request timeout.`, true);
  }
  if (/maxContentLength|maxBodyLength/.test(text)) {
    return make('RESPONSE_TOO_LARGE', `${where} returned a body over the size limit.`, false);
  }
  if (code === 'ERR_INVALID_URL' || code === 'ERR_BAD_OPTION_VALUE') {
    return make('CONNECTION_INVALID', `${where}: the Server URL cannot be used (${text}).`, false);
  }
  return make('NETWORK_ERROR', `${where} failed: ${describeNetworkError(code, text)}.`, true);
}

function describeNetworkError(code: unknown, text: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused (is the Server URL right?)';
    case 'ECONNRESET':
      return 'the connection was reset before the response was complete';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name of the Server URL could not be resolved';
    default:
      return text === '' ? 'no response' : text;
  }
}

function parseMaybeJson(text: string): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function validationDetails(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object') return {};
  const { detail, validation_errors: listed } = body as {
    detail?: unknown;
    validation_errors?: unknown;
  };
  if (Array.isArray(detail)) return { validation: detail };
  return listed === undefined ? {} : { validation: listed };
}

/** Redirects are never followed, so the APIKEY header cannot be forwarded to another host. */
function redirectRefused(status: number, spec: RequestSpec, location?: string): FailedAttempt {
  const target = location === undefined ? '' : ` to ${new URL(location, 'http://x').origin}`;
  const message =
    `The server redirected ${spec.method} ${spec.path}${target} (HTTP ${status}); redirects are ` +
    'not followed so the API key stays with the configured host. Set Server URL to the final address.';
  const error = new ConnectorError('CONNECTION_INVALID', message, {
    statusCode: status,
    details: { method: spec.method, path: spec.path },
  });
  return { ok: false, error, retry: false };
}
