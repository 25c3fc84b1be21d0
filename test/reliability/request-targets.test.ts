import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../runtime/connector.js';
import { capturedLogger, connection, connector } from '../helpers/connector.js';
import { ALL_COMMANDS } from './support/commands.js';
import { expectValidEnvelope } from './support/envelope-checks.js';
import { validInputs } from './support/fixtures.js';
import {
  connectionCounter,
  recordingServer,
  type ConnectionCounter,
  type RecordingServer,
} from './support/servers.js';

/** Inputs that interpolate into the API path, wherever a command has them. */
const PATH_PARAMETERS = ['Project ID', 'Asset ID', 'Signature ID', 'Tag Name'];
const ESCAPES = ['../../v1/ping', 'a/b', '%2e%2e', '?x=1#y', '..%2F..%2Fv1', '%00', '.%2e', 'é/ü'];
const BENIGN = 'benign-id';
const INJECTION = 'a&start=0&page=9&x=%26#frag';
const NOW = Date.parse('2025-06-01T12:00:00Z');

let server: RecordingServer;
let loaded: Connector;
const inputs = validInputs({
  projectIds: ['p-1'],
  assetIds: ['www.example.com'],
  signatureIds: ['spf-record-detect'],
  firstSnapshotMs: Date.parse('2025-05-01T00:00:00Z'),
});

beforeAll(async () => {
  server = await recordingServer();
  loaded = await connector();
});

afterAll(async () => {
  await server.close();
});

async function firstRequest(command: string, changed: Record<string, unknown>) {
  const before = server.requests.length;
  const envelope = await loaded.execute(
    command,
    { ...inputs[command], ...changed },
    connection({ serverUrl: server.url }),
    // A fixed clock: End Time defaults to now, and the runs compared must send the same window.
    { logger: capturedLogger().logger, sleep: async () => undefined, now: () => NOW },
  );
  expectValidEnvelope(envelope, command);
  return { envelope, sent: server.requests.slice(before) };
}

const pathCases = ALL_COMMANDS.flatMap((command) =>
  PATH_PARAMETERS.filter((name) => name in (inputs[command] ?? {})).map((name) => ({
    command,
    name,
  })),
);

describe.each(pathCases)('$command, $name', ({ command, name }) => {
  it.each(ESCAPES)('sends %j as one encoded path segment', async (value) => {
    const baseline = await firstRequest(command, { [name]: BENIGN });
    const { envelope, sent } = await firstRequest(command, { [name]: value });

    expect(envelope.error?.code).toBe('NOT_FOUND');
    const expected = baseline.sent[0]?.url.replace(`/${BENIGN}`, `/${encodeURIComponent(value)}`);
    expect(sent.map((request) => request.url)).toEqual([expected]);
  });

  it.each(['.', '..'])('refuses %j as input without sending a request', async (value) => {
    const { envelope, sent } = await firstRequest(command, { [name]: value });

    expect(envelope.error?.code).toBe('INPUT_INVALID');
    expect(sent).toEqual([]);
  });
});

const queryCases = [
  { command: 'Get Issue History', parameter: 'query', with: (v: string) => ({ Query: v }) },
  {
    command: 'Find Assets',
    parameter: 'apex',
    with: (v: string) => ({ 'Other Filters': { apex: v } }),
  },
  { command: 'Find Assets', parameter: 'custom_tags', with: (v: string) => ({ Tags: [v] }) },
];

describe.each(queryCases)('$command, query parameter $parameter', (entry) => {
  it('carries text with & = # and % as one value, adding no parameter', async () => {
    const baseline = await firstRequest(entry.command, entry.with(BENIGN));
    const { sent } = await firstRequest(entry.command, entry.with(INJECTION));

    const before = new URL(baseline.sent[0]?.url ?? '', server.url).searchParams;
    const after = new URL(sent[0]?.url ?? '', server.url).searchParams;
    expect(after.get(entry.parameter)).toBe(INJECTION);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });
});

describe('a Server URL or Proxy URL that is not http(s)', () => {
  let counter: ConnectionCounter;

  beforeAll(async () => {
    counter = await connectionCounter();
  });

  afterAll(async () => {
    await counter.close();
  });

  const schemes = (port: number) => [
    `ftp://127.0.0.1:${port}/`,
    `file://127.0.0.1:${port}/etc/passwd`,
    'file:///etc/passwd',
    `javascript://127.0.0.1:${port}/%0aalert(1)`,
    `gopher://127.0.0.1:${port}/`,
    `ws://127.0.0.1:${port}/`,
    'data:text/plain,ping',
  ];

  it.each(ALL_COMMANDS)(
    '%s is refused with CONNECTION_INVALID before any request',
    async (command) => {
      for (const url of schemes(counter.port)) {
        for (const field of ['serverUrl', 'proxyUrl'] as const) {
          const envelope = await loaded.execute(
            command,
            inputs[command],
            connection({ [field]: url }),
            { logger: capturedLogger().logger },
          );

          expectValidEnvelope(envelope, command);
          expect(envelope.error, `${field} ${url}`).toMatchObject({
            code: 'CONNECTION_INVALID',
            details: { parameter: field },
          });
        }
      }
      expect(counter.connections()).toBe(0);
    },
  );
});
