import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { runIntake, type IntakeOptions } from '../../runtime/intake/intake.js';
import { FileOutput } from '../../runtime/intake/output.js';
import { FileStateStore } from '../../runtime/intake/state-store.js';
import { capturedLogger, connection, connector, fastOptions } from '../helpers/connector.js';

const CLI = fileURLToPath(new URL('../../dist/runtime/cli/main.js', import.meta.url));
const START = '2020-01-01 00:00';
const HISTORY_ROUTE = 'GET /v1/asi/rules/history/:projectId/activity';

let emu: RunningEmulator;
let projectId: string;

beforeAll(async () => {
  emu = await startEmulator({ projects: 1, ratePerSecond: 0 });
  projectId = emu.projectIds[0] ?? '';
});

afterAll(async () => {
  await emu.stop();
});

function emulatorConnection() {
  return connection({ serverUrl: emu.url, apiKey: emu.apiKey });
}

/** What one fetch of the whole history, with no state, delivers: the oracle for the intake. */
async function everyIssue(): Promise<string[]> {
  const envelope = await (
    await connector()
  ).execute(
    'Fetch Incident',
    { 'Project ID': projectId, 'Start Time': START },
    emulatorConnection(),
    fastOptions(),
  );
  expect(envelope.returnData).toBe('Successful');
  const raw = envelope.rawData as {
    Issues: { unique_key: string }[];
    Results: { unique_key: string }[];
  };
  return [
    ...raw.Issues.map((issue) => `event:${issue.unique_key}`),
    ...raw.Results.map((incident) => `incident:${incident.unique_key}`),
  ].sort();
}

function written(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((row) => row !== '')
    .map((row) => JSON.parse(row) as { type: string; unique_key: string })
    .map((line) => `${line.type}:${line.unique_key}`);
}

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'fetch-intake-'));
  return { state: join(dir, 'state.json'), output: join(dir, 'issues.jsonl'), dir };
}

describe('the scheduled intake against the emulator', () => {
  it('delivers every issue exactly once across new snapshots, a failed page and a crash', async () => {
    const files = workspace();
    /** A fresh store and output, as a restarted process would have. */
    const freshProcess = (extra: Partial<IntakeOptions> = {}): IntakeOptions => ({
      connector: { execute: async (...args) => (await connector()).execute(...args) },
      connection: emulatorConnection(),
      projectId,
      store: new FileStateStore(files.state),
      output: new FileOutput(files.output),
      logger: capturedLogger().logger,
      startTime: START,
      executeOptions: fastOptions(),
      ...extra,
    });

    expect(await runIntake(freshProcess())).toMatchObject({ returnData: 'Successful' });
    emu.advanceSnapshot();
    expect(await runIntake(freshProcess())).toMatchObject({ returnData: 'Successful' });

    emu.advanceSnapshot();
    emu.setFaults([
      { route: HISTORY_ROUTE, status: 500, body: { message: 'Internal error' }, times: 1 },
    ]);
    expect(await runIntake(freshProcess())).toMatchObject({
      returnData: 'Failed',
      error: { statusCode: 500 },
    });

    emu.advanceSnapshot();
    const killed = freshProcess({
      beforeSave: () => {
        throw new Error('killed between writing the output and saving the state');
      },
    });
    await expect(runIntake(killed)).rejects.toThrow('killed');

    const restarted = await runIntake(freshProcess());
    expect(restarted.skipped).toBeGreaterThan(0);
    emu.advanceSnapshot();
    emu.advanceSnapshot();
    expect(await runIntake(freshProcess())).toMatchObject({ returnData: 'Successful' });

    const lines = written(files.output);
    const expected = await everyIssue();
    expect(expected.length).toBeGreaterThan(10);
    expect(new Set(lines).size).toBe(lines.length);
    expect([...lines].sort()).toEqual(expected);
  });
});

describe.skipIf(!existsSync(CLI))(
  'soar-connector fetch, built by npm run build, against the emulator',
  () => {
    it('keeps every issue exactly once across a failure, a kill -9 and a restart, and stops on SIGTERM', async () => {
      const files = workspace();
      const connectionFile = join(files.dir, 'connection.json');
      writeFileSync(
        connectionFile,
        JSON.stringify({ serverUrl: emu.url, apiKey: emu.apiKey, apiVersion: 'v2' }),
      );
      const args = [
        CLI,
        'fetch',
        '--project',
        projectId,
        '--state',
        files.state,
        '--output',
        files.output,
      ];
      const start = () => {
        const started = spawn(
          process.execPath,
          [...args, '--connection', connectionFile, '--start', START, '--every', '0.002'],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        return { child: started, stderr: collect(started) };
      };
      const caughtUp = async () => {
        const expected = await everyIssue();
        await until(() => expected.every((key) => written(files.output).includes(key)), stderr);
      };

      let { child, stderr } = start();
      await caughtUp();
      emu.advanceSnapshot();
      await caughtUp();

      emu.setFaults([
        { route: HISTORY_ROUTE, status: 500, body: { message: 'Internal error' }, times: 1 },
      ]);
      emu.advanceSnapshot();
      await until(
        () => stderr.text.includes('Fetch Incident failed (UPSTREAM_ERROR, status 500)'),
        stderr,
      );
      await caughtUp();

      emu.advanceSnapshot();
      child.kill('SIGKILL');
      await exited(child);
      ({ child, stderr } = start());
      await caughtUp();

      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
      expect(stderr.text).toContain('SIGTERM received: stopping after the current run.');

      const lines = written(files.output);
      expect(new Set(lines).size).toBe(lines.length);
      expect([...lines].sort()).toEqual(await everyIssue());
    });
  },
);

function collect(child: ChildProcess): { text: string } {
  const sink = { text: '' };
  child.stderr?.on('data', (chunk: Buffer) => {
    sink.text += chunk.toString('utf8');
  });
  return sink;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Polls a condition that the child process makes true; fails the test if it never does. */
async function until(condition: () => boolean, stderr: { text: string }): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the intake did not get there; its stderr:\n${stderr.text}`);
}
