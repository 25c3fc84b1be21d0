import type { ErrorCode } from '../errors/catalog.js';

/**
 * How each HTTP status the API sends is handled: one table, read by the client, instead of a
 * chain of ifs. `retry` means the client tries again within the command's deadline.
 */
export interface StatusRule {
  code: ErrorCode;
  retry: boolean;
  /** Our message when the vendor sent none. */
  fallback: string;
}

const TABLE: Record<number, StatusRule> = {
  400: { code: 'REQUEST_REJECTED', retry: false, fallback: 'Bad request.' },
  401: { code: 'AUTH_FAILED', retry: false, fallback: 'Please check user credentials.' },
  402: { code: 'ACCESS_DENIED', retry: false, fallback: 'Payment required for this endpoint.' },
  403: { code: 'ACCESS_DENIED', retry: false, fallback: 'Access to this information is denied.' },
  404: { code: 'NOT_FOUND', retry: false, fallback: 'Not found.' },
  408: { code: 'TIMEOUT', retry: false, fallback: 'The server timed out waiting for the request.' },
  413: { code: 'REQUEST_REJECTED', retry: false, fallback: 'The request is too large.' },
  422: { code: 'REQUEST_REJECTED', retry: false, fallback: 'Validation error.' },
  429: { code: 'RATE_LIMITED', retry: true, fallback: 'Rate limit exceeded.' },
  500: { code: 'UPSTREAM_ERROR', retry: false, fallback: 'Internal server error.' },
  502: { code: 'UPSTREAM_UNAVAILABLE', retry: true, fallback: 'Bad gateway.' },
  503: { code: 'UPSTREAM_UNAVAILABLE', retry: true, fallback: 'Service unavailable.' },
  504: { code: 'UPSTREAM_UNAVAILABLE', retry: true, fallback: 'Gateway timeout.' },
};

const OTHER_CLIENT_ERROR: StatusRule = {
  code: 'REQUEST_REJECTED',
  retry: false,
  fallback: 'The request was refused.',
};
const OTHER_SERVER_ERROR: StatusRule = {
  code: 'UPSTREAM_ERROR',
  retry: false,
  fallback: 'The server failed to answer the request.',
};

export function ruleForStatus(status: number): StatusRule {
  return TABLE[status] ?? (status >= 500 ? OTHER_SERVER_ERROR : OTHER_CLIENT_ERROR);
}

/**
 * SecurityTrails answers a bad key, a plan without the product and (per the integration guide)
 * an invalid DSL or SQL query all with 403; only the message tells them apart. Quota and rate
 * limit share 429 the same way.
 */
const INVALID_KEY = /invalid (api key|authentication credentials)|check user credentials/i;
const INVALID_QUERY = /invalid query/i;
const QUOTA_USED_UP = /exceeded the usage limits|quota/i;

export function refineByMessage(status: number, message: string, rule: StatusRule): StatusRule {
  if (status === 403 && INVALID_KEY.test(message)) {
    return { ...rule, code: 'AUTH_FAILED' };
  }
  if (status === 403 && INVALID_QUERY.test(message)) {
    return { ...rule, code: 'REQUEST_REJECTED' };
  }
  if (status === 429 && QUOTA_USED_UP.test(message)) {
    return { ...rule, code: 'QUOTA_EXHAUSTED', retry: false };
  }
  return rule;
}
