import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIntake, stateKey, type IntakeOptions } from '../../../runtime/intake/intake.js';
import { FileOutput } from '../../../runtime/intake/output.js';
import { runIntakeEvery } from '../../../runtime/intake/schedule.js';
import { FileStateStore } from '../../../runtime/intake/state-store.js';
import type { Envelope } from '../../../runtime/types.js';
import { capturedLogger } from '../../helpers/connector.js';

const S1 = { snapshot_time: '2025-06-25 02:41:07', is_fetched: true };
const S2 = { snapshot_time: '2025-06-26 02:41:07', is_fetched: true };

function fetched(keys: string[], state: unknown): Envelope {
  return {
    command: 'Fetch Incident',
    returnData: 'Successful',
    rawData: {
      Issues: keys.map((key) => ({ unique_key: key })),
      Results: [{ unique_key: `host-${keys.join('+')}` }],
    },
    events: keys.map((key) => ({ 'Event code': key })),
    incidents: [{ Title: keys.join('+'), 'Unique Key': `host-${keys.join('+')}` }],
    state,
    executionId: 'x',
    durationMs: 1,
  };
}

const FAILED: Envelope = {
  command: 'Fetch Incident',
  returnData: 'Failed',
  rawData: null,
  error: {
    failureIndicator: 'Fetch Incident failed.',
    statusCode: 500,
    message: 'Internal error',
    code: 'UPSTREAM_ERROR',
    class: 'upstream',
    retryable: false,
  },
  executionId: 'x',
  durationMs: 1,
};

/** A connector that answers each execute with the next envelope and records the inputs. */
function setup(envelopes: Envelope[], extra: Partial<IntakeOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'intake-'));
  const paths = { state: join(dir, 'state.json'), output: join(dir, 'issues.jsonl') };
  const calls: Record<string, unknown>[] = [];
  const options: IntakeOptions = {
    connector: {
      execute: async (_name, inputs) => {
        calls.push({ ...inputs });
        const next = envelopes.shift();
        if (next === undefined) throw new Error('no more envelopes');
        return structuredClone(next);
      },
    },
    connection: {},
    projectId: 'p-1',
    store: new FileStateStore(paths.state),
    output: new FileOutput(paths.output),
    logger: capturedLogger().logger,
    ...extra,
  };
  const lines = () =>
    readFileSync(paths.output, 'utf8')
      .trimEnd()
      .split('\n')
      .map((row) => JSON.parse(row) as { type: string; unique_key: string });
  return { options, calls, paths, lines };
}

describe('runIntake', () => {
  it('writes the events and incidents as JSON lines, then saves the state', async () => {
    const { options, calls, paths, lines } = setup([fetched(['a', 'b'], S1)], {
      startTime: '2025-06-01 00:00',
    });

    const run = await runIntake(options);

    expect(calls).toEqual([{ 'Project ID': 'p-1', 'Start Time': '2025-06-01 00:00' }]);
    expect(lines()).toEqual([
      { type: 'event', unique_key: 'a', fields: { 'Event code': 'a' } },
      { type: 'event', unique_key: 'b', fields: { 'Event code': 'b' } },
      {
        type: 'incident',
        unique_key: 'host-a+b',
        fields: { Title: 'a+b', 'Unique Key': 'host-a+b' },
      },
    ]);
    expect(JSON.parse(readFileSync(paths.state, 'utf8'))).toEqual({
      [stateKey('p-1')]: { fetchState: S1, outputPosition: readFileSync(paths.output).length },
    });
    expect(run).toMatchObject({
      returnData: 'Successful',
      events: 2,
      incidents: 1,
      skipped: 0,
      state: S1,
    });
  });

  it('passes the saved state to the next run instead of Start Time', async () => {
    const { options, calls } = setup([fetched(['a'], S1), fetched(['b'], S2)], {
      startTime: '2025-06-01 00:00',
    });

    await runIntake(options);
    await runIntake(options);

    expect(calls[1]).toEqual({ 'Project ID': 'p-1', 'Previous Snapshot Fetch State': S1 });
  });

  it('writes nothing and keeps the state when the command fails', async () => {
    const { options, calls, lines } = setup([fetched(['a'], S1), FAILED, fetched(['b'], S2)]);

    await runIntake(options);
    const failed = await runIntake(options);
    await runIntake(options);

    expect(failed).toMatchObject({
      returnData: 'Failed',
      state: S1,
      error: { code: 'UPSTREAM_ERROR' },
    });
    expect(calls[2]).toEqual({ 'Project ID': 'p-1', 'Previous Snapshot Fetch State': S1 });
    expect(lines().map((line) => line.unique_key)).toEqual(['a', 'host-a', 'b', 'host-b']);
  });

  it('does not write a batch twice when the previous run stopped before saving its state', async () => {
    let crash = true;
    const beforeSave = () => {
      if (crash) throw new Error('killed');
    };
    const { options, calls, lines } = setup(
      [fetched(['a', 'b'], S1), fetched(['a', 'b', 'c'], S2)],
      { beforeSave },
    );

    await expect(runIntake(options)).rejects.toThrow('killed');
    crash = false;
    const resumed = await runIntake(options);

    expect(calls[1]).toEqual({ 'Project ID': 'p-1' });
    expect(lines().map((line) => `${line.type}:${line.unique_key}`)).toEqual([
      'event:a',
      'event:b',
      'incident:host-a+b',
      'event:c',
      'incident:host-a+b+c',
    ]);
    expect(resumed).toMatchObject({ events: 1, incidents: 1, skipped: 2, state: S2 });
  });

  it('refuses a saved entry of the wrong shape with STATE_INVALID, before any fetch', async () => {
    const { options, calls, paths } = setup([fetched(['a'], S1)]);
    writeFileSync(paths.state, JSON.stringify({ [stateKey('p-1')]: { outputPosition: -3 } }));

    await expect(runIntake(options)).rejects.toMatchObject({ code: 'STATE_INVALID' });
    expect(calls).toEqual([]);
  });
});

describe('runIntakeEvery', () => {
  it('runs until stopped, finishing the run in progress and saving its state', async () => {
    const controller = new AbortController();
    const { options, paths } = setup([fetched(['a'], S1), fetched(['b'], S2), fetched(['c'], S2)]);
    let runs = 0;

    await runIntakeEvery({
      ...options,
      everyMs: 1,
      signal: controller.signal,
      beforeSave: () => {
        runs += 1;
        if (runs === 2) controller.abort();
      },
    });

    expect(runs).toBe(2);
    expect(JSON.parse(readFileSync(paths.state, 'utf8'))[stateKey('p-1')].fetchState).toEqual(S2);
  });

  it('keeps going after a Failed run', async () => {
    const controller = new AbortController();
    const { options } = setup([FAILED, fetched(['a'], S1)]);
    const outcomes: string[] = [];

    await runIntakeEvery({
      ...options,
      everyMs: 1,
      signal: controller.signal,
      onRun: (run) => {
        outcomes.push(run.returnData);
        if (outcomes.length === 2) controller.abort();
      },
    });

    expect(outcomes).toEqual(['Failed', 'Successful']);
  });
});
