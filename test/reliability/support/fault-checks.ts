import { expect } from 'vitest';
import { ERROR_CATALOG } from '../../../runtime/errors/catalog.js';
import { expectNoSecret, expectValidEnvelope } from './envelope-checks.js';
import type { FaultCase } from './fault-table.js';
import type { FaultedRun } from './fault-harness.js';

export function outcome(fault: FaultCase): string {
  if (fault.code === undefined) return 'succeeds once the fault clears';
  const retries = fault.requests - 1;
  if (retries === 0) return `fails with ${fault.code} without a retry`;
  return `fails with ${fault.code} after ${retries} ${retries === 1 ? 'retry' : 'retries'}`;
}

/**
 * The checks every faulted run passes: a valid envelope without the key, the expected code and
 * class, exactly the expected requests at the emulator, and waits that fit in the deadline.
 */
export function expectFaultOutcome(
  fault: FaultCase,
  command: string,
  run: FaultedRun,
  requests: number,
  cleanRequests: number,
): void {
  const { envelope, lines, delays } = run;
  expectValidEnvelope(envelope, command);
  expectNoSecret([JSON.stringify(envelope), ...lines], 'the envelope or the log');
  if (fault.code === undefined) {
    expect(envelope.error?.message).toBeUndefined();
    expect(requests).toBe(cleanRequests + fault.requests);
  } else {
    expect(envelope.error).toMatchObject({
      code: fault.code,
      class: ERROR_CATALOG[fault.code].class,
      ...(fault.statusCode !== undefined && { statusCode: fault.statusCode }),
    });
    expect(requests).toBe(fault.requests);
    expect(delays).toHaveLength(fault.requests - 1);
  }
  expect(run.clientRequests).toBe(requests);
  expect(delays.reduce((sum, delay) => sum + delay, 0)).toBeLessThanOrEqual(fault.deadlineMs);
  fault.delays?.(delays);
}
