import type { ErrorClass, ErrorCode } from '../errors/catalog.js';
import type { FailureKind } from './classify.js';

export type CheckOutcome = 'Passed' | 'Failed';

/** One Test Connection run of one connection: a line of the history file. */
export interface CheckResult {
  /** When the check started, ISO 8601. */
  time: string;
  connection: string;
  outcome: CheckOutcome;
  latencyMs: number;
  failureKind?: FailureKind;
  errorClass?: ErrorClass;
  errorCode?: ErrorCode;
  statusCode?: number | null;
  message?: string;
}

/** Sent on the first failure of a connection and on its recovery; the webhook body. */
export interface HealthNotice extends CheckResult {
  event: 'failure' | 'recovery';
  description: string;
}

export interface Notifier {
  /** Names the channel in logs when a notification cannot be delivered. */
  readonly channel: string;
  notify(notice: HealthNotice): Promise<void>;
}

/** A connection the scheduler checks, as read from a connections file. */
export interface HealthTarget {
  name: string;
  description: string;
  active: boolean;
  intervalMinutes: number;
  connection: Record<string, unknown>;
}
