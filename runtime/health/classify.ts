import type { ErrorCode } from '../errors/catalog.js';

/** What went wrong with a connection, in the words of whoever must act on the notice. */
export type FailureKind =
  | 'credentials'
  | 'configuration'
  | 'quota'
  | 'rate-limit'
  | 'network'
  | 'vendor-error'
  | 'internal';

// A record over every code, so that a code added to the catalog must be classified here too.
const KIND_BY_CODE: Record<ErrorCode, FailureKind> = {
  AUTH_FAILED: 'credentials',
  ACCESS_DENIED: 'credentials',
  SECRET_UNRESOLVED: 'credentials',
  CONNECTION_INVALID: 'configuration',
  API_VERSION_MISMATCH: 'configuration',
  MAPPING_INVALID: 'configuration',
  QUOTA_EXHAUSTED: 'quota',
  RATE_LIMITED: 'rate-limit',
  NETWORK_ERROR: 'network',
  TIMEOUT: 'network',
  UPSTREAM_UNAVAILABLE: 'vendor-error',
  UPSTREAM_ERROR: 'vendor-error',
  RESPONSE_INVALID: 'vendor-error',
  RESPONSE_TOO_LARGE: 'vendor-error',
  NOT_FOUND: 'vendor-error',
  REQUEST_REJECTED: 'vendor-error',
  SCROLL_EXPIRED: 'vendor-error',
  INPUT_INVALID: 'internal',
  COMMAND_UNKNOWN: 'internal',
  STATE_INVALID: 'internal',
  INTERNAL: 'internal',
};

export function classifyFailure(code: ErrorCode): FailureKind {
  return KIND_BY_CODE[code];
}
