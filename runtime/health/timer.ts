/**
 * The scheduler's only link to real time, so that tests drive it with a manual clock instead of
 * waiting. A cron library (croner was considered; it supports Node 20) fits wall-clock patterns,
 * but a health check runs "every N minutes" for any N (45, 90, 0.5 in a trial), which cron
 * expressions cannot state without drifting at the hour, and croner reads the system clock with
 * no way to inject one. One timeout per connection, re-armed after each check, is all the
 * scheduling needed; a Redis-backed job queue replaces it when checks move off one machine.
 */
export interface Timer {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque to the scheduler: whatever the timer's setTimeout returns. */
export type TimerHandle = object | number;

export const systemTimer: Timer = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
