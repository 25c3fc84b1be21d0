/**
 * The closed set of machine codes a failed envelope can carry. Each code says who must act
 * (its class), whether trying again later can help, and what to do about it. The README's error
 * table is checked against this file by a test.
 */
export type ErrorClass = 'configuration' | 'input' | 'transient' | 'upstream' | 'internal';

export interface CatalogEntry {
  readonly class: ErrorClass;
  readonly retryable: boolean;
  readonly meaning: string;
  readonly fix: string;
}

export const ERROR_CATALOG = {
  CONNECTION_INVALID: {
    class: 'configuration',
    retryable: false,
    meaning: 'A connection parameter is missing or malformed.',
    fix: 'Correct the named connection parameter (Server URL, API Key, API Version, ...).',
  },
  SECRET_UNRESOLVED: {
    class: 'configuration',
    retryable: false,
    meaning: 'The API Key is a vault reference (env:NAME or file:PATH) that could not be read.',
    fix: 'Set the environment variable or create the file the reference names.',
  },
  API_VERSION_MISMATCH: {
    class: 'configuration',
    retryable: false,
    meaning: 'The command needs an API version the connection does not use.',
    fix: 'Set API Version to v2 in the connection to run the v2 project commands.',
  },
  AUTH_FAILED: {
    class: 'configuration',
    retryable: false,
    meaning: 'SecurityTrails refused the API key (401, or 403 with an invalid-key message).',
    fix: 'Check the API Key in the connection; create a new key under API > API Keys.',
  },
  ACCESS_DENIED: {
    class: 'configuration',
    retryable: false,
    meaning: 'The key is valid but the plan does not include this data (403).',
    fix: 'Ask Recorded Future to enable the product (ASI, SQL API) for this key.',
  },
  QUOTA_EXHAUSTED: {
    class: 'upstream',
    retryable: false,
    meaning: 'The monthly request quota of the account is used up (429).',
    fix: 'Wait for the monthly reset or raise the quota; see API > Quota in the account.',
  },
  RATE_LIMITED: {
    class: 'transient',
    retryable: true,
    meaning: 'The per-second rate limit was still exceeded after the retries (429).',
    fix: 'Run fewer commands at once with this key, or retry shortly.',
  },
  INPUT_INVALID: {
    class: 'input',
    retryable: false,
    meaning: 'A command input is missing, unknown, of the wrong type or out of range.',
    fix: 'Correct the named input as the message describes.',
  },
  COMMAND_UNKNOWN: {
    class: 'input',
    retryable: false,
    meaning: 'No command of that name exists in the connector.',
    fix: 'Use one of the display names that `soar-connector commands` lists.',
  },
  REQUEST_REJECTED: {
    class: 'input',
    retryable: false,
    meaning: 'SecurityTrails rejected the request as invalid (400 or 422), e.g. a bad query.',
    fix: 'Correct the input the message names; for queries, fix the syntax at the position given.',
  },
  NOT_FOUND: {
    class: 'input',
    retryable: false,
    meaning: 'The project, asset, signature or route does not exist (404).',
    fix: 'Check the ID: List Projects, Find Assets and List Exposures return valid ones.',
  },
  SCROLL_EXPIRED: {
    class: 'transient',
    retryable: true,
    meaning: 'A scroll id expired before every page was read.',
    fix: 'Run the command again; lower Max Records if pages take long to read.',
  },
  NETWORK_ERROR: {
    class: 'transient',
    retryable: true,
    meaning:
      'No complete response: the connection was refused, reset or cut off mid-body, or the host is unknown.',
    fix: 'Check the Server URL, the proxy and network access to it.',
  },
  TIMEOUT: {
    class: 'transient',
    retryable: true,
    meaning: 'The request or the whole command took longer than its deadline.',
    fix: 'Retry later, or raise the Request Timeout of the connection.',
  },
  UPSTREAM_UNAVAILABLE: {
    class: 'transient',
    retryable: true,
    meaning: 'SecurityTrails answered 502, 503 or 504 on every attempt.',
    fix: 'Retry later; the service is temporarily unavailable.',
  },
  UPSTREAM_ERROR: {
    class: 'upstream',
    retryable: false,
    meaning: 'SecurityTrails answered with an unexpected error status (500 or another).',
    fix: 'Retry later; if it persists, report the message and request id to Recorded Future.',
  },
  RESPONSE_INVALID: {
    class: 'upstream',
    retryable: false,
    meaning:
      'The response was complete but not the JSON expected (malformed JSON or an HTML page).',
    fix: 'Check that the Server URL points at the SecurityTrails API and not at a proxy page.',
  },
  RESPONSE_TOO_LARGE: {
    class: 'upstream',
    retryable: false,
    meaning: 'A response body exceeded the size limit of the HTTP client.',
    fix: 'Narrow the query or lower the page size (Limit, Max Records).',
  },
  STATE_INVALID: {
    class: 'input',
    retryable: false,
    meaning: 'Saved fetch state could not be read or is malformed.',
    fix: 'Repair or remove the state file; the next run then starts from Start Time.',
  },
  MAPPING_INVALID: {
    class: 'configuration',
    retryable: false,
    meaning: 'A field mapping file is malformed or one of its JSON paths does not parse.',
    fix: 'Correct the mapping at the location the message gives.',
  },
  INTERNAL: {
    class: 'internal',
    retryable: false,
    meaning: 'A defect in the connector itself.',
    fix: 'Report the message and the execution id from the logs.',
  },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
