import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs } from '../../../runtime/http/retry.js';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads seconds', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
  });

  it('reads an HTTP date', () => {
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
  });

  it('never returns a negative wait for a date in the past', () => {
    expect(retryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('draws uniformly below the exponential step (full jitter)', () => {
    expect(backoffMs(0, () => 0.999)).toBe(499);
    expect(backoffMs(2, () => 0.5)).toBe(1000);
    expect(backoffMs(0, () => 0)).toBe(0);
  });

  it('caps the step at ten seconds', () => {
    expect(backoffMs(20, () => 0.999)).toBe(9990);
  });
});
