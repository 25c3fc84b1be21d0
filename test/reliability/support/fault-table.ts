import { expect } from 'vitest';
import type { FaultRule } from '../../../emulator/index.js';
import type { ErrorCode } from '../../../runtime/errors/catalog.js';

/** Retries per request when the caller sets none, so attempts are this plus one. */
export const MAX_RETRIES = 3;
const ATTEMPTS = MAX_RETRIES + 1;
const QUOTA_MESSAGE = "You've exceeded the usage limits for your account.";

export interface FaultCase {
  name: string;
  /** Rules set on the emulator just before each command runs. */
  faults: () => FaultRule[];
  /** The code of the Failed envelope; undefined when the command must succeed. */
  code?: ErrorCode;
  statusCode?: number | null;
  /** Requests the emulator sees, beyond those of a run without faults when the command succeeds. */
  requests: number;
  deadlineMs: number;
  /** Further checks on the delays the client asked to wait. */
  delays?: (delays: number[]) => void;
}

/** Full jitter: attempt n waits anything from 0 to the capped exponential step (500 ms * 2^n). */
function expectBackoff(delays: number[]): void {
  delays.forEach((delay, attempt) => {
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(Math.min(10_000, 500 * 2 ** attempt));
  });
}

const every = (ms: number) => (delays: number[]) => delays.forEach((d) => expect(d).toBe(ms));

export const FAULT_CASES: FaultCase[] = [
  {
    name: 'connection reset on every request',
    faults: () => [{ kind: 'reset' }],
    code: 'NETWORK_ERROR',
    requests: ATTEMPTS,
    deadlineMs: 60_000,
    delays: expectBackoff,
  },
  {
    // The transfer breaks off: a network failure, retried, unlike a complete but broken body.
    name: 'body cut off by a dropped connection',
    faults: () => [{ kind: 'truncate' }],
    code: 'NETWORK_ERROR',
    requests: ATTEMPTS,
    deadlineMs: 60_000,
    delays: expectBackoff,
  },
  {
    name: 'malformed JSON body',
    faults: () => [{ kind: 'malformed' }],
    code: 'RESPONSE_INVALID',
    statusCode: 200,
    requests: 1,
    deadlineMs: 60_000,
  },
  {
    name: 'HTML page answered with 200',
    faults: () => [{ kind: 'html', status: 200 }],
    code: 'RESPONSE_INVALID',
    statusCode: 200,
    requests: 1,
    deadlineMs: 60_000,
  },
  {
    name: 'HTML 502 page from a gateway',
    faults: () => [{ kind: 'html' }],
    code: 'UPSTREAM_UNAVAILABLE',
    statusCode: 502,
    requests: ATTEMPTS,
    deadlineMs: 60_000,
    delays: expectBackoff,
  },
  {
    name: '500 storm',
    faults: () => [{ status: 500 }],
    code: 'UPSTREAM_ERROR',
    statusCode: 500,
    requests: 1,
    deadlineMs: 60_000,
  },
  {
    name: '503 storm',
    faults: () => [{ status: 503 }],
    code: 'UPSTREAM_UNAVAILABLE',
    statusCode: 503,
    requests: ATTEMPTS,
    deadlineMs: 60_000,
    delays: expectBackoff,
  },
  {
    name: '504 storm',
    faults: () => [{ status: 504 }],
    code: 'UPSTREAM_UNAVAILABLE',
    statusCode: 504,
    requests: ATTEMPTS,
    deadlineMs: 60_000,
    delays: expectBackoff,
  },
  {
    // Each wait of one second leaves less than one before the deadline after the second retry.
    name: '503 storm with Retry-After: 1 and a 2.5 s deadline',
    faults: () => [{ status: 503, retryAfter: '1' }],
    code: 'UPSTREAM_UNAVAILABLE',
    statusCode: 503,
    requests: 3,
    deadlineMs: 2_500,
    delays: every(1_000),
  },
  {
    name: '429 with Retry-After: 2',
    faults: () => [{ status: 429, retryAfter: '2' }],
    code: 'RATE_LIMITED',
    statusCode: 429,
    requests: ATTEMPTS,
    deadlineMs: 60_000,
    delays: every(2_000),
  },
  {
    name: '429 with Retry-After as an HTTP date 3 s ahead',
    faults: () => [{ status: 429, retryAfter: new Date(Date.now() + 3_000).toUTCString() }],
    code: 'RATE_LIMITED',
    statusCode: 429,
    requests: ATTEMPTS,
    deadlineMs: 60_000,
    delays: (delays) => {
      expect(delays[0]).toBeGreaterThan(0);
      expect(delays.reduce((sum, d) => sum + d, 0)).toBeLessThanOrEqual(3_000);
    },
  },
  {
    name: '429 without Retry-After',
    faults: () => [{ status: 429 }],
    code: 'RATE_LIMITED',
    statusCode: 429,
    requests: ATTEMPTS,
    deadlineMs: 60_000,
    delays: expectBackoff,
  },
  {
    name: '429 with a Retry-After past the deadline',
    faults: () => [{ status: 429, retryAfter: '120' }],
    code: 'RATE_LIMITED',
    statusCode: 429,
    requests: 1,
    deadlineMs: 60_000,
  },
  {
    name: '429 saying the monthly quota is used up',
    faults: () => [{ status: 429, retryAfter: '1', body: { message: QUOTA_MESSAGE } }],
    code: 'QUOTA_EXHAUSTED',
    statusCode: 429,
    requests: 1,
    deadlineMs: 60_000,
  },
  {
    name: '503 twice, then answers',
    faults: () => [{ status: 503, times: 2 }],
    requests: 2,
    deadlineMs: 60_000,
    delays: expectBackoff,
  },
  {
    name: 'one connection reset, then answers',
    faults: () => [{ kind: 'reset', times: 1 }],
    requests: 1,
    deadlineMs: 60_000,
    delays: expectBackoff,
  },
];
