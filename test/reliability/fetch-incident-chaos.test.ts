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
  issueIdentity,
  issuesAnnounced,
  issuesHeld,
  rounds,
  type Delivered,
  type Round,
} from './support/chaos.js';
import { expectNoSecret, expectValidEnvelope } from './support/envelope-checks.js';
import { discoverFixtures, emulatorConnection, startReliabilityEmulator } from './support/fixtures.js';

const RUNS = process.env.RELIABILITY_FULL === '1' ? 10 : 1;
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

/** A fresh emulator per plan, so that each plan starts from the same six snapshots. */
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

/** Every change upstream between Start Time and the newest scan, checked two ways. */
async function expectedIssues(scene: Scene, connector: Connector): Promise<string[]> {
  const newest = scene.snapshots[scene.snapshots.length - 1] as SnapshotInfo;
  const end = new Date(clockAfter(newest)()).toISOString();
  const held = await issuesHeld(connector, scene.emu, scene.projectId, { start: scene.start, end });
  expect(held).toEqual(expect.arrayContaining(issuesAnnounced(scene.snapshots, scene.projectId)));
  return held;
}

describe('Fetch Incident under random faults and restarts', () => {
  it(`delivers every issue of ${SNAPSHOTS} new snapshots exactly once, state carried across restarts`, async () => {
    const plan = fc.asyncProperty(rounds, fc.integer({ min: 1, max: 10_000 }), (plan: Round[], seed) =>
      withScene(seed, async (scene) => {
        let connector = await loadConnector();
        let state: unknown = null;
        const delivered: Delivered[] = [];
        const fetch = async () => {
          const newest = scene.snapshots[scene.snapshots.length - 1] as SnapshotInfo;
          const inputs = {
            'Project ID': scene.projectId,
            ...(state === null
              ? { 'Start Time': scene.start }
              : { 'Previous Snapshot Fetch State': state }),
          };
          const envelope = await connector.execute('Fetch Incident', inputs, emulatorConnection(scene.emu), {
            logger: capturedLogger().logger,
            sleep: noWait,
            now: clockAfter(newest),
          });
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
      }),
    );
    await fc.assert(plan, ASSERT_OPTIONS);
  });

  it(`the intake writes every issue of ${SNAPSHOTS} new snapshots exactly once through crashes before its state is saved`, async () => {
    const plan = fc.asyncProperty(rounds, fc.integer({ min: 1, max: 10_000 }), (plan: Round[], seed) =>
      withScene(seed, async (scene) => {
        const folder = await mkdtemp(join(tmpdir(), 'intake-chaos-'));
        const statePath = join(folder, 'state.json');
        const outputPath = join(folder, 'issues.jsonl');
        let connector = await loadConnector();
        const intake = async (crash: boolean) => {
          const newest = scene.snapshots[scene.snapshots.length - 1] as SnapshotInfo;
          return runIntake({
            connector,
            connection: emulatorConnection(scene.emu),
            projectId: scene.projectId,
            store: new FileStateStore(statePath),
            output: new FileOutput(outputPath),
            logger: capturedLogger().logger,
            startTime: scene.start,
            executeOptions: { logger: capturedLogger().logger, sleep: noWait, now: clockAfter(newest) },
            ...(crash && {
              beforeSave: () => {
                throw new Error(KILLED);
              },
            }),
          });
        };

        try {
          for (const round of plan) {
            scene.snapshots.push(scene.emu.advanceSnapshot());
            scene.emu.setFaults(chaosFaults(round.faultRate));
            for (const step of round.fetches) {
              if (step.restart || step.crashBeforeSave) connector = await loadConnector();
              const run = await intake(step.crashBeforeSave).catch((error: Error) => error);
              if (!(run instanceof Error)) continue;
              expect(run.message).toBe(KILLED);
              // A kill can also tear the line being appended.
              if (step.restart) await appendFile(outputPath, '{"type":"event","uniq');
            }
          }
          scene.emu.setFaults([]);
          expect((await intake(false)).returnData).toBe('Successful');
          expect((await intake(false)).events).toBe(0);

          const text = await readFile(outputPath, 'utf8');
          const lines = text
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as { type: string; unique_key: string; fields: Record<string, unknown> });
          const events = lines.filter((line) => line.type === 'event');
          const delivered = events.map((line) => ({
            issue: issueIdentity(line.fields['Start Time'], line.fields['Event code'], line.fields.Status),
            key: line.unique_key,
          }));
          expectExactlyOnce(delivered, await expectedIssues(scene, connector));
          const incidents = lines.filter((line) => line.type === 'incident').map((line) => line.unique_key);
          expect(new Set(incidents).size).toBe(incidents.length);
          expectNoSecret([text, await readFile(statePath, 'utf8')], 'an intake file');
        } finally {
          await rm(folder, { recursive: true, force: true });
        }
      }),
    );
    await fc.assert(plan, ASSERT_OPTIONS);
  });
});
