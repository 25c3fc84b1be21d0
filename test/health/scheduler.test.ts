import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonLinesHistory } from '../../runtime/health/history.js';
import { MemoryOutcomeStore } from '../../runtime/health/outcome-store.js';
import { HealthScheduler, type HealthSchedulerOptions } from '../../runtime/health/scheduler.js';
import type { CheckResult } from '../../runtime/health/types.js';
import { capturedLogger } from '../helpers/connector.js';
import {
  collectingNotifier,
  deferred,
  failed,
  ManualTimer,
  MINUTE,
  passed,
  scriptedConnector,
  settle,
  target,
} from './helpers.js';

function scheduler(options: Omit<HealthSchedulerOptions, 'logger'> & { timer: ManualTimer }) {
  const captured = capturedLogger();
  return {
    scheduler: new HealthScheduler({ logger: captured.logger, ...options }),
    lines: captured.lines,
  };
}

const AUTH = failed('AUTH_FAILED', 401, 'Invalid API key');

describe('HealthScheduler', () => {
  it('checks each active connection at start and then every intervalMinutes', async () => {
    const timer = new ManualTimer();
    const { connector, calls } = scriptedConnector({});
    const targets = [
      target('prod', { intervalMinutes: 5 }),
      target('lab', { intervalMinutes: 10 }),
    ];
    const { scheduler: health } = scheduler({ connector, targets, timer });

    health.start();
    await timer.advance(30 * MINUTE);
    await health.stop();

    expect(calls.filter((name) => name === 'prod')).toHaveLength(7);
    expect(calls.filter((name) => name === 'lab')).toHaveLength(4);
  });

  it('skips inactive connections, both on a schedule and with runOnce', async () => {
    const timer = new ManualTimer();
    const { connector, calls } = scriptedConnector({});
    const targets = [target('prod'), target('old', { active: false })];
    const { scheduler: health } = scheduler({ connector, targets, timer });

    const once = await health.runOnce();
    health.start();
    await timer.advance(20 * MINUTE);
    await health.stop();

    expect(once.map((result) => result.connection)).toEqual(['prod']);
    expect(calls).not.toContain('old');
  });

  it('never runs two checks of one connection at once and skips the slots that fall due meanwhile', async () => {
    const timer = new ManualTimer();
    const slow = deferred<ReturnType<typeof passed>>();
    const { connector, calls } = scriptedConnector({ prod: [slow.promise, passed()] });
    const { scheduler: health, lines } = scheduler({ connector, targets: [target('prod')], timer });

    health.start();
    await timer.advance(16 * MINUTE);
    expect(calls).toHaveLength(1);
    expect(lines.filter((line) => line.includes('check skipped'))).toHaveLength(3);

    slow.resolve(passed());
    await settle();
    await timer.advance(4 * MINUTE);
    await health.stop();

    expect(calls).toHaveLength(2);
  });

  it('notifies once on the first failure and once on the recovery', async () => {
    const timer = new ManualTimer();
    const { connector } = scriptedConnector({
      prod: [passed(), AUTH, AUTH, AUTH, passed(), passed()],
    });
    const notifier = collectingNotifier();
    const { scheduler: health } = scheduler({
      connector,
      targets: [target('prod')],
      timer,
      notifiers: [notifier],
    });

    health.start();
    await timer.advance(25 * MINUTE);
    await health.stop();

    expect(notifier.notices.map((notice) => notice.event)).toEqual(['failure', 'recovery']);
    expect(notifier.notices[0]).toMatchObject({
      connection: 'prod',
      description: 'prod tenant',
      outcome: 'Failed',
      failureKind: 'credentials',
      errorClass: 'configuration',
      errorCode: 'AUTH_FAILED',
      statusCode: 401,
      message: 'Invalid API key',
      time: '2025-06-01T00:05:00.000Z',
    });
    expect(notifier.notices[1]).toMatchObject({
      outcome: 'Passed',
      time: '2025-06-01T00:20:00.000Z',
    });
  });

  it('notifies when the very first check fails', async () => {
    const timer = new ManualTimer();
    const { connector } = scriptedConnector({
      prod: [failed('QUOTA_EXHAUSTED', 429, 'Quota used up')],
    });
    const notifier = collectingNotifier();
    const { scheduler: health } = scheduler({
      connector,
      targets: [target('prod')],
      timer,
      notifiers: [notifier],
    });

    await health.runOnce();

    expect(notifier.notices).toEqual([
      expect.objectContaining({ event: 'failure', failureKind: 'quota' }),
    ]);
  });

  it('does not notify again when the store already holds a failure for the connection', async () => {
    const timer = new ManualTimer();
    const { connector } = scriptedConnector({ prod: [AUTH] });
    const notifier = collectingNotifier();
    const store = new MemoryOutcomeStore([['prod', 'Failed']]);
    const { scheduler: health } = scheduler({
      connector,
      targets: [target('prod')],
      timer,
      notifiers: [notifier],
      store,
    });

    await health.runOnce();

    expect(notifier.notices).toEqual([]);
    expect(await store.get('prod')).toBe('Failed');
  });

  it('writes one history line per check with time, outcome, error class and code, and latency', async () => {
    const timer = new ManualTimer();
    const path = join(await mkdtemp(join(tmpdir(), 'health-')), 'history.jsonl');
    const { connector } = scriptedConnector({
      prod: [passed(40), failed('NETWORK_ERROR', null, 'connect ECONNREFUSED')],
    });
    const { scheduler: health } = scheduler({
      connector,
      targets: [target('prod')],
      timer,
      history: new JsonLinesHistory(path),
    });

    await health.runOnce();
    await timer.advance(5 * MINUTE);
    await health.runOnce();

    const lines = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CheckResult);
    expect(lines).toEqual([
      { time: '2025-06-01T00:00:00.000Z', connection: 'prod', outcome: 'Passed', latencyMs: 40 },
      {
        time: '2025-06-01T00:05:00.000Z',
        connection: 'prod',
        outcome: 'Failed',
        latencyMs: 12,
        failureKind: 'network',
        errorClass: 'transient',
        errorCode: 'NETWORK_ERROR',
        statusCode: null,
        message: 'connect ECONNREFUSED',
      },
    ]);
  });

  it('stops cleanly: waits for the running check, then schedules nothing more', async () => {
    const timer = new ManualTimer();
    const slow = deferred<ReturnType<typeof passed>>();
    const { connector, calls } = scriptedConnector({ prod: [slow.promise, passed()] });
    const checks: CheckResult[] = [];
    const { scheduler: health } = scheduler({
      connector,
      targets: [target('prod')],
      timer,
      onCheck: (result) => checks.push(result),
    });

    health.start();
    await settle();
    let stopped = false;
    const stopping = health.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);

    slow.resolve(passed());
    await stopping;
    await timer.advance(60 * MINUTE);

    expect(checks).toHaveLength(1);
    expect(calls).toHaveLength(1);
    expect(timer.pending).toBe(0);
  });

  it('keeps notifying through the other channels when one channel fails', async () => {
    const timer = new ManualTimer();
    const { connector } = scriptedConnector({ prod: [AUTH] });
    const working = collectingNotifier();
    const broken = { channel: 'webhook', notify: async () => Promise.reject(new Error('refused')) };
    const { scheduler: health, lines } = scheduler({
      connector,
      targets: [target('prod')],
      timer,
      notifiers: [broken, working],
    });

    const [result] = await health.runOnce();

    expect(result?.outcome).toBe('Failed');
    expect(working.notices).toHaveLength(1);
    expect(
      lines.some((line) => line.includes('notification not delivered') && line.includes('webhook')),
    ).toBe(true);
  });

  it("gives each connection's checks its own execute options, over the shared ones", async () => {
    const seen: Record<string, unknown> = {};
    const connector: HealthSchedulerOptions['connector'] = {
      execute: async (_command, _inputs, connection, options) => {
        seen[new URL(String((connection as { serverUrl: string }).serverUrl)).hostname] =
          options?.maxRetries;
        return passed();
      },
    };
    const { scheduler: health } = scheduler({
      connector,
      targets: [target('prod'), target('lab')],
      timer: new ManualTimer(),
      executeOptions: { maxRetries: 1 },
      executeOptionsOf: (entry) => (entry.name === 'prod' ? { maxRetries: 0 } : {}),
    });

    await health.runOnce();

    expect(seen).toEqual({ 'prod.example.test': 0, 'lab.example.test': 1 });
  });
});
