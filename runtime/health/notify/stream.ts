import type { HealthNotice, Notifier } from '../types.js';
import { describeNotice } from './describe.js';

/** Writes each notice as one line, for the operator watching the process (stderr by default). */
export function streamNotifier(
  stream: { write(text: string): unknown } = process.stderr,
): Notifier {
  return {
    channel: 'stderr',
    notify: async (notice: HealthNotice) => {
      const { subject } = describeNotice(notice);
      const message = notice.event === 'failure' && notice.message ? `: ${notice.message}` : '';
      stream.write(`health-check ${notice.time} ${subject}${message}\n`);
    },
  };
}
