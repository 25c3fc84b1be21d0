import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { runIntake, type IntakeOptions } from '../../runtime/intake/intake.js';
import { readIntake, RedisIntakeOutput } from '../../runtime/scale/output.js';
import { RedisStateStore, StateConflictError } from '../../runtime/scale/state-store.js';
import { capturedLogger, connection, connector, fastOptions } from '../helpers/connector.js';
import { HAS_REDIS, startRedis, type TestRedis } from './support/redis-server.js';

const START = '2020-01-01 00:00';

let redis: TestRedis;
let emulator: RunningEmulator;
let projectId: string;

beforeAll(async () => {
  if (!HAS_REDIS) return;
  redis = await startRedis();
  emulator = await startEmulator({ projects: 1, ratePerSecond: 0 });
  projectId = emulator.projectIds[0] ?? '';
});

afterAll(async () => {
  await emulator?.stop();
  await redis?.stop();
});

/** A run as a freshly started worker would make it: its own store and output objects. */
function workerRun(extra: Partial<IntakeOptions> = {}): IntakeOptions {
  return {
    connector: { execute: async (...args) => (await connector()).execute(...args) },
    connection: connection({ serverUrl: emulator.url, apiKey: emulator.apiKey }),
    projectId,
    store: new RedisStateStore(redis.client),
    output: new RedisIntakeOutput(redis.client, projectId),
    logger: capturedLogger().logger,
    startTime: START,
    executeOptions: fastOptions(),
    ...extra,
  };
}

async function keys(): Promise<string[]> {
  return (await readIntake(redis.client, projectId)).map(
    (line) => `${line.type}:${line.unique_key}`,
  );
}

describe.skipIf(!HAS_REDIS)('Fetch Incident with its state and output in Redis', () => {
  it('delivers every issue once when a run dies between writing its lines and saving its state', async () => {
    expect(await runIntake(workerRun())).toMatchObject({ returnData: 'Successful' });
    const afterFirst = (await keys()).length;

    emulator.advanceSnapshot();
    const dying = workerRun({
      beforeSave: () => {
        throw new Error('worker killed after writing, before saving');
      },
    });
    await expect(runIntake(dying)).rejects.toThrow('worker killed');
    const afterCrash = (await keys()).length;
    expect(afterCrash).toBeGreaterThan(afterFirst);

    expect(await runIntake(workerRun())).toMatchObject({ returnData: 'Successful' });
    emulator.advanceSnapshot();
    expect(await runIntake(workerRun())).toMatchObject({ returnData: 'Successful' });

    const lines = await keys();
    expect(new Set(lines).size).toBe(lines.length);
    const everything = await (
      await connector()
    ).execute(
      'Fetch Incident',
      { 'Project ID': projectId, 'Start Time': START },
      connection({ serverUrl: emulator.url, apiKey: emulator.apiKey }),
      fastOptions(),
    );
    expect(lines.length).toBe(
      (everything.events?.length ?? 0) + (everything.incidents?.length ?? 0),
    );
  });

  it('refuses to save the state of a run that started before another run saved', async () => {
    emulator.advanceSnapshot();
    const slow = workerRun({
      beforeSave: async () => {
        // A second worker finishes a run of the same project while this one is between steps.
        await runIntake(workerRun());
      },
    });
    await expect(runIntake(slow)).rejects.toBeInstanceOf(StateConflictError);
    const lines = await keys();
    expect(new Set(lines).size).toBe(lines.length);
  });
});
