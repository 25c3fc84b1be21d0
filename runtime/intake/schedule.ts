import { runIntake, type IntakeOptions, type IntakeRun } from './intake.js';

export interface ScheduleOptions extends IntakeOptions {
  everyMs: number;
  /** Stops the schedule once the current run is over; a run is never cut short. */
  signal: AbortSignal;
  onRun?: (run: IntakeRun) => void;
}

/**
 * Runs the intake now and then every `everyMs` after each run ends, so that runs never overlap.
 * A Failed run is reported and retried at the next tick with the same state. A thrown error (a
 * corrupt state, an output that cannot be written) ends the schedule: repeating it would only
 * fail again, and nothing was saved.
 */
export async function runIntakeEvery(options: ScheduleOptions): Promise<void> {
  const { signal, everyMs } = options;
  while (!signal.aborted) {
    const run = await runIntake(options);
    options.onRun?.(run);
    await pause(everyMs, signal);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
