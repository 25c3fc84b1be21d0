import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator, SnapshotInfo } from '../../emulator/index.js';
import { loadConnector, type Connector } from '../../runtime/connector.js';
import { FileOutput, FileStateStore, runIntake } from '../../runtime/intake/index.js';
import { capturedLogger } from '../helpers/connector.js';
import {
  SNAPSHOTS,
  chaosFaults,
  clockAfter,
  deliveredIssues,
  expectExactlyOnce,
  deliveredLine,
  intakeLines,
  issuesAnnounced,
  issuesHeld,
  rounds,
  type Delivered,
  type Round,
} from './support/chaos.js';
import { expectNoSecret, expectValidEnvelope } from './support/envelope-checks.js';
import {
  discoverFixtures,
  emulatorConnection,
  startReliabilityEmulator,
} from './support/fixtures.js';

const FULL = process.env.RELIABILITY_FULL === '1';
const RUNS = FULL ? 5 : 1;
const TIMEOUT_MS = FULL ? 900_000 : 60_000;
const DAY_MS = 86_400_000;
const noWait = async () => undefined;
const KILLED = 'the process was killed';
/** Shrinking would replay whole emulator histories; the seed and path suffice to replay one. */
const ASSERT_OPTIONS = { numRuns: RUNS, endOnFailure: true };

interface Scene {
  emu: RunningEmulator;
  projectId: string;
  start: string;
  snapshots: SnapshotInfo[];
}

/** A fresh emulator per plan, seeded by it, so that every plan starts from six snapshots. */
async function withScene(seed: number, play: (scene: Scene) => Promise<void>): Promise<void> {
  const emu = await startReliabilityEmulator({ seed });
  try {
    const fixtures = await discoverFixtures(emu);
    const start = new Date(fixtures.firstSnapshotMs - DAY_MS).toISOString();
    await play({ emu, projectId: emu.projectIds[0] ?? '', start, snapshots: [] });
  } finally {
    await emu.stop();
  }
}

function newestOf(scene: Scene): SnapshotInfo {
  return scene.snapshots[scene.snapshots.length - 1] as SnapshotInfo;
}

const killed = () => {
  throw new Error(KILLED);
};

/** Every change upstream between Start Time and the newest scan, checked two ways. */
async function expectedIssues(scene: Scene, connector: Connector): Promise<string[]> {
  const end = new Date(clockAfter(newestOf(scene))()).toISOString();
  const held = await issuesHeld(connector, scene.emu, scene.projectId, { start: scene.start, end });
  expect(held).toEqual(expect.arrayContaining(issuesAnnounced(scene.snapshots, scene.projectId)));
  return held;
}

/**
 * The platform's side: it keeps the state the last Successful run returned and passes it back;
 * a restart is a fresh connector with nothing else carried over.
 */
async function playWithSavedState(plan: Round[], scene: Scene): Promise<void> {
  let connector = await loadConnector();
  let state: unknown = null;
  const delivered: Delivered[] = [];
  const fetch = async () => {
    const inputs = {
      'Project ID': scene.projectId,
      ...(state === null
        ? { 'Start Time': scene.start }
        : { 'Previous Snapshot Fetch State': state }),
    };
    const envelope = await connector.execute(
      'Fetch Incident',
      inputs,
      emulatorConnection(scene.emu),
      {
        logger: capturedLogger().logger,
        sleep: noWait,
        now: clockAfter(newestOf(scene)),
      },
    );
    expectValidEnvelope(envelope, 'Fetch Incident');
    if (envelope.returnData === 'Failed') {
      expect(['transient', 'upstream']).toContain(envelope.error?.class);
      return envelope;
    }
    delivered.push(...deliveredIssues(envelope));
    state = envelope.state ?? null;
    return envelope;
  };

  for (const round of plan) {
    scene.snapshots.push(scene.emu.advanceSnapshot());
    scene.emu.setFaults(chaosFaults(round.faultRate));
    for (const step of round.fetches) {
      if (step.restart) connector = await loadConnector();
      await fetch();
    }
  }
  scene.emu.setFaults([]);
  expect((await fetch()).returnData).toBe('Successful');
  expect((await fetch()).events).toEqual([]);

  expectExactlyOnce(delivered, await expectedIssues(scene, connector));
}

/**
 * The intake's side: state and output in files, a kill after the output is written and before
 * the state is saved (sometimes tearing the line being appended), and a restart after each kill.
 */
async function playWithIntake(plan: Round[], scene: Scene, folder: string): Promise<void> {
  const statePath = join(folder, 'state.json');
  const outputPath = join(folder, 'issues.jsonl');
  let connector = await loadConnector();
  const intake = (crash: boolean) =>
    runIntake({
      connector,
      connection: emulatorConnection(scene.emu),
      projectId: scene.projectId,
      store: new FileStateStore(statePath),
      output: new FileOutput(outputPath),
      logger: capturedLogger().logger,
      startTime: scene.start,
      executeOptions: {
        logger: capturedLogger().logger,
        sleep: noWait,
        now: clockAfter(newestOf(scene)),
      },
      ...(crash && { beforeSave: killed }),
    });

  for (const round of plan) {
    scene.snapshots.push(scene.emu.advanceSnapshot());
    scene.emu.setFaults(chaosFaults(round.faultRate));
    for (const step of round.fetches) {
      if (step.restart || step.crashBeforeSave) connector = await loadConnector();
      const run = await intake(step.crashBeforeSave).catch((error: Error) => error);
      if (!(run instanceof Error)) continue;
      expect(run.message).toBe(KILLED);
      if (step.restart) await appendFile(outputPath, '{"type":"event","uniq');
    }
  }
  scene.emu.setFaults([]);
  expect((await intake(false)).returnData).toBe('Successful');
  expect((await intake(false)).events).toBe(0);

  const text = await readFile(outputPath, 'utf8');
  const lines = intakeLines(text);
  const events = lines.filter((line) => line.type === 'event');
  expectExactlyOnce(events.map(deliveredLine), await expectedIssues(scene, connector));
  const incidents = lines.filter((line) => line.type === 'incident').map((l) => l.unique_key);
  expect(new Set(incidents).size).toBe(incidents.length);
  expectNoSecret([text, await readFile(statePath, 'utf8')], 'an intake file');
}

const plans = fc.tuple(rounds, fc.integer({ min: 1, max: 10_000 }));

describe('Fetch Incident under random faults and restarts', () => {
  it(
    `delivers each issue of ${SNAPSHOTS} new snapshots once, the state carried over restarts`,
    async () => {
      const property = fc.asyncProperty(plans, ([plan, seed]) =>
        withScene(seed, (scene) => playWithSavedState(plan, scene)),
      );
      await fc.assert(property, ASSERT_OPTIONS);
    },
    TIMEOUT_MS,
  );

  it(
    `the intake writes each issue of ${SNAPSHOTS} new snapshots once through kills before a save`,
    async () => {
      const property = fc.asyncProperty(plans, ([plan, seed]) =>
        withScene(seed, async (scene) => {
          const folder = await mkdtemp(join(tmpdir(), 'intake-chaos-'));
          try {
            await playWithIntake(plan, scene, folder);
          } finally {
            await rm(folder, { recursive: true, force: true });
          }
        }),
      );
      await fc.assert(property, ASSERT_OPTIONS);
    },
    TIMEOUT_MS,
  );
});
