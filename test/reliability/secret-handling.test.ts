import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/index.js';
import type { Connector } from '../../runtime/connector.js';
import { FileOutput, FileStateStore, runIntake } from '../../runtime/intake/index.js';
import type { Connection } from '../../runtime/types.js';
import { SECRET_KEY, capturedLogger, connection, connector } from '../helpers/connector.js';
import { ALL_COMMANDS } from './support/commands.js';
import { expectNoSecret, expectValidEnvelope, leakedFragment } from './support/envelope-checks.js';
import {
  discoverFixtures,
  emulatorConnection,
  startReliabilityEmulator,
  validInputs,
  type Fixtures,
} from './support/fixtures.js';
import {
  forwardTo,
  recordingServer,
  redirectTo,
  type RecordedRequest,
  type RecordingServer,
} from './support/servers.js';

const REDIRECTS = [301, 302, 303, 307, 308];

let emu: RunningEmulator;
let loaded: Connector;
let fixtures: Fixtures;
let inputs: Record<string, Record<string, unknown>>;
let proxy: RecordingServer;

beforeAll(async () => {
  emu = await startReliabilityEmulator();
  loaded = await connector();
  fixtures = await discoverFixtures(emu);
  inputs = validInputs(fixtures);
  proxy = await recordingServer(forwardTo(emu.url));
});

afterAll(async () => {
  await proxy.close();
  await emu.stop();
});

async function run(command: string, conn: Connection) {
  const { logger, lines } = capturedLogger();
  const envelope = await loaded.execute(command, inputs[command], conn, {
    logger,
    sleep: async () => undefined,
  });
  expectValidEnvelope(envelope, command);
  return { envelope, lines };
}

/** The key travels in the APIKEY header and nowhere else in the request. */
function expectKeyOnlyInHeader(request: RecordedRequest, key: string): void {
  const { apikey, ...others } = request.headers;
  expect(apikey).toBe(key);
  const elsewhere = [
    request.url,
    decodeURIComponent(request.url),
    request.body,
    JSON.stringify(others),
  ];
  for (const text of elsewhere) expect(leakedFragment(text, key), text).toBeUndefined();
}

describe('the API key on the wire', () => {
  it.each(ALL_COMMANDS)('%s sends it only in the APIKEY header', async (command) => {
    const first = proxy.requests.length;
    const { envelope, lines } = await run(command, connection({ serverUrl: proxy.url }));

    expect(envelope.returnData, envelope.error?.message).toBe('Successful');
    const sent = proxy.requests.slice(first);
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) expectKeyOnlyInHeader(request, SECRET_KEY);
    expectNoSecret([JSON.stringify(envelope), ...lines], 'the envelope or the log');
  });

  it('sends the key a vault reference names, and shows it nowhere', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'vault-'));
    const keyFile = join(folder, 'key');
    await writeFile(keyFile, `${SECRET_KEY}\n`);
    process.env.RELIABILITY_VAULT_KEY = SECRET_KEY;
    try {
      for (const apiKey of ['env:RELIABILITY_VAULT_KEY', `file:${keyFile}`]) {
        const first = proxy.requests.length;
        const { envelope, lines } = await run(
          'Find Assets',
          connection({ serverUrl: proxy.url, apiKey }),
        );

        expect(envelope.returnData, envelope.error?.message).toBe('Successful');
        for (const request of proxy.requests.slice(first))
          expectKeyOnlyInHeader(request, SECRET_KEY);
        expectNoSecret([JSON.stringify(envelope), ...lines], 'the envelope or the log');
      }
    } finally {
      delete process.env.RELIABILITY_VAULT_KEY;
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe.each(REDIRECTS)('a server answering %i to another host', (status) => {
  let second: RecordingServer;
  let first: RecordingServer;

  beforeAll(async () => {
    second = await recordingServer();
    first = await recordingServer(redirectTo(second.url, status));
  });

  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it.each(ALL_COMMANDS)(
    '%s fails with CONNECTION_INVALID and the key never reaches that host',
    async (command) => {
      const before = first.requests.length;
      const { envelope, lines } = await run(command, connection({ serverUrl: first.url }));

      expect(envelope.error).toMatchObject({ code: 'CONNECTION_INVALID', statusCode: status });
      expect(first.requests.length - before).toBe(1);
      expect(second.requests).toEqual([]);
      expectNoSecret([JSON.stringify(envelope), ...lines], 'the envelope or the log');
    },
  );
});

describe('a key SecurityTrails refuses', () => {
  // The second key holds characters that JSON escapes, so it also appears escaped in log lines.
  const refused = ['sk-REFUSEDKEY-0c4b2e9f17a3', 'sk-REFUSED"QUOTE\\d81f5a2c'];

  it.each(refused)('%s stays out of the envelope and the log of every command', async (key) => {
    const escaped = JSON.stringify(key).slice(1, -1);
    for (const command of ALL_COMMANDS) {
      const { envelope, lines } = await run(command, emulatorConnection(emu, { apiKey: key }));

      expect(envelope.error?.code, command).toBe('AUTH_FAILED');
      for (const secret of [key, escaped]) {
        expectNoSecret([JSON.stringify(envelope), ...lines], `${command}: envelope or log`, secret);
      }
    }
  });
});

describe('the fetch intake on disk', () => {
  it('keeps the key out of its state and output files, after success and after failure', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'intake-secret-'));
    const statePath = join(folder, 'state.json');
    const outputPath = join(folder, 'issues.jsonl');
    const start = new Date(fixtures.firstSnapshotMs - 86_400_000).toISOString();
    const intake = () =>
      runIntake({
        connector: loaded,
        connection: emulatorConnection(emu),
        projectId: fixtures.projectIds[0] ?? '',
        store: new FileStateStore(statePath),
        output: new FileOutput(outputPath),
        logger: capturedLogger().logger,
        startTime: start,
        executeOptions: { logger: capturedLogger().logger, sleep: async () => undefined },
      });
    try {
      expect((await intake()).returnData).toBe('Successful');
      emu.setFaults([{ status: 500 }]);
      expect((await intake()).returnData).toBe('Failed');
      emu.setFaults([]);

      const files = [await readFile(statePath, 'utf8'), await readFile(outputPath, 'utf8')];
      expect(files[1]).not.toBe('');
      expectNoSecret(files, 'an intake file');
    } finally {
      emu.setFaults([]);
      await rm(folder, { recursive: true, force: true });
    }
  });
});
