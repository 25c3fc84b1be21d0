import type { Logger } from 'pino';
import type { Connector } from '../connector.js';
import { defaultLogger } from '../logging.js';
import type { Envelope, ExecuteOptions } from '../types.js';
import { classifyFailure } from './classify.js';
import type { HealthHistory } from './history.js';
import { MemoryOutcomeStore, type OutcomeStore } from './outcome-store.js';
import { systemTimer, type Timer, type TimerHandle } from './timer.js';
import type { CheckOutcome, CheckResult, HealthNotice, HealthTarget, Notifier } from './types.js';

const TEST_CONNECTION = 'Test Connection';
// A health check that has not answered within a minute has failed; the runtime's default
// deadline (5 minutes) suits long paginated commands, not a ping.
const CHECK_DEADLINE_MS = 60_000;

export interface HealthSchedulerOptions {
  connector: Pick<Connector, 'execute'>;
  targets: HealthTarget[];
  timer?: Timer;
  store?: OutcomeStore;
  history?: HealthHistory;
  notifiers?: Notifier[];
  logger?: Logger;
  /** Called after every check, skipped ones excepted. */
  onCheck?: (result: CheckResult) => void;
  /** Passed to every Test Connection; they may override the 1-minute deadline. */
  executeOptions?: ExecuteOptions;
  /** Options of one connection's checks, such as its API key's throttle; over executeOptions. */
  executeOptionsOf?: (target: HealthTarget) => ExecuteOptions;
}

/**
 * Runs Test Connection for each active connection, at once on start and then every
 * `intervalMinutes`, keeping to a fixed rhythm from the start. A check still running when the
 * next one falls due makes that one skip: one connection is never checked twice at once.
 * Notifies on the first failure and on the recovery, not on every failed check.
 */
export class HealthScheduler {
  private readonly timer: Timer;
  private readonly store: OutcomeStore;
  private readonly logger: Logger;
  private readonly running = new Map<string, Promise<CheckResult>>();
  private readonly timers = new Map<string, TimerHandle>();
  private stopped = false;

  constructor(private readonly options: HealthSchedulerOptions) {
    this.timer = options.timer ?? systemTimer;
    this.store = options.store ?? new MemoryOutcomeStore();
    this.logger = (options.logger ?? defaultLogger()).child({ component: 'health-check' });
  }

  get activeTargets(): HealthTarget[] {
    return this.options.targets.filter((target) => target.active);
  }

  start(): void {
    const startedAt = this.timer.now();
    for (const target of this.activeTargets) this.tick(target, startedAt);
  }

  /** One check of every active connection, all at once; resolves when all have finished. */
  async runOnce(): Promise<CheckResult[]> {
    const results = await Promise.all(this.activeTargets.map((target) => this.check(target)));
    return results.filter((result): result is CheckResult => result !== undefined);
  }

  /** Stops scheduling and waits for the checks that are running to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const handle of this.timers.values()) this.timer.clearTimeout(handle);
    this.timers.clear();
    await Promise.allSettled([...this.running.values()]);
  }

  /** Checks one connection, unless a check of it is already running (then undefined). */
  check(target: HealthTarget): Promise<CheckResult | undefined> {
    if (this.running.has(target.name)) {
      this.logger.warn(
        { connection: target.name },
        'check skipped, the previous one is still running',
      );
      return Promise.resolve(undefined);
    }
    const running = this.runCheck(target).finally(() => this.running.delete(target.name));
    this.running.set(target.name, running);
    return running;
  }

  private tick(target: HealthTarget, anchor: number): void {
    if (this.stopped) return;
    const interval = target.intervalMinutes * 60_000;
    // The next slot after now on the rhythm set at start: a slow check delays nothing after it.
    const elapsed = this.timer.now() - anchor;
    const next = anchor + (Math.floor(elapsed / interval) + 1) * interval;
    const handle = this.timer.setTimeout(() => this.tick(target, anchor), next - this.timer.now());
    this.timers.set(target.name, handle);

    void this.check(target);
  }

  private async runCheck(target: HealthTarget): Promise<CheckResult> {
    const time = new Date(this.timer.now()).toISOString();
    const envelope = await this.options.connector.execute(TEST_CONNECTION, {}, target.connection, {
      deadlineMs: CHECK_DEADLINE_MS,
      logger: this.logger,
      ...this.options.executeOptions,
      ...this.options.executeOptionsOf?.(target),
    });
    const result = toResult(target.name, time, envelope);

    try {
      const previous = await this.store.get(target.name);
      await this.store.set(target.name, result.outcome);
      await this.options.history?.append(result);
      this.options.onCheck?.(result);
      const event = changeOf(previous, result.outcome);
      if (event !== undefined)
        await this.notify({ ...result, event, description: target.description });
    } catch (error) {
      this.logger.error(
        { err: error, connection: target.name },
        'check outcome could not be recorded',
      );
    }
    return result;
  }

  private async notify(notice: HealthNotice): Promise<void> {
    const notifiers = this.options.notifiers ?? [];
    const sent = await Promise.allSettled(notifiers.map((notifier) => notifier.notify(notice)));
    sent.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') return;
      const channel = notifiers[index]?.channel;
      this.logger.warn(
        { err: outcome.reason, channel, connection: notice.connection },
        'notification not delivered',
      );
    });
  }
}

/** A first failure (none before, or a pass) or a recovery; nothing while the outcome holds. */
function changeOf(
  previous: CheckOutcome | undefined,
  current: CheckOutcome,
): HealthNotice['event'] | undefined {
  if (current === 'Failed' && previous !== 'Failed') return 'failure';
  if (current === 'Passed' && previous === 'Failed') return 'recovery';
  return undefined;
}

function toResult(connection: string, time: string, envelope: Envelope): CheckResult {
  const base = { time, connection, latencyMs: envelope.durationMs };
  if (envelope.returnData === 'Successful') return { ...base, outcome: 'Passed' };

  const { error } = envelope;
  return {
    ...base,
    outcome: 'Failed',
    ...(error !== undefined && {
      failureKind: classifyFailure(error.code),
      errorClass: error.class,
      errorCode: error.code,
      statusCode: error.statusCode,
      message: error.message,
    }),
  };
}
