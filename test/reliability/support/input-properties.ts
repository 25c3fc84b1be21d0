import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/index.js';
import type { Connector } from '../../../runtime/connector.js';
import type { CommandDefinition } from '../../../runtime/manifest/types.js';
import type { Envelope } from '../../../runtime/types.js';
import { capturedLogger, connector } from '../../helpers/connector.js';
import {
  expectNoSecret,
  expectPrototypesUntouched,
  expectValidEnvelope,
  prototypeSnapshot,
} from './envelope-checks.js';
import {
  DSL_QUERY,
  SQL_QUERY,
  discoverFixtures,
  emulatorConnection,
  startReliabilityEmulator,
  validInputs,
  type Fixtures,
} from './fixtures.js';
import { commandInputs, type KnownValues } from './schema-arbitraries.js';

/** Runs per command: bounded for the normal test run, ten times more with RELIABILITY_FULL=1. */
export const RUNS_PER_COMMAND = process.env.RELIABILITY_FULL === '1' ? 400 : 50;

function knownValues(command: string, fixtures: Fixtures): KnownValues {
  const snapshot = new Date(fixtures.firstSnapshotMs).toISOString().slice(0, 19).replace('T', ' ');
  const queries: Record<string, string[]> = {
    'DSL Query': [DSL_QUERY, "apex_domain = 'northwind.com'"],
    'SQL Query': [SQL_QUERY, 'SELECT ip.address FROM ips WHERE ip.asn.number = 1'],
    'Get Issue History': ['TLS', 'Hosts'],
  };
  return {
    // The first project only: the asset and signature IDs below belong to it.
    'Project ID': fixtures.projectIds.slice(0, 1),
    'Asset ID': fixtures.assetIds,
    'Signature ID': fixtures.signatureIds,
    Tags: [['reliability'], 'pci, dmz'],
    Query: queries[command] ?? [],
    'Previous Snapshot Fetch State': [
      { snapshot_time: snapshot, is_fetched: true },
      JSON.stringify({ snapshot_time: snapshot, is_fetched: false }),
    ],
  };
}

/** Shows a failing case briefly: fast-check's own printer recurses through deep nesting. */
function preview(inputs: Record<string, unknown>): string {
  const text = JSON.stringify(inputs, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 120
      ? `${value.slice(0, 60)}... (${value.length} characters)`
      : value,
  );
  return text.length > 1500 ? `${text.slice(0, 1500)}... (${text.length} characters)` : text;
}

function asCase(inputs: Record<string, unknown>) {
  return { inputs, [fc.toStringMethod]: () => preview(inputs) };
}

function generatedCase(definition: CommandDefinition, fixtures: Fixtures) {
  return commandInputs(definition, knownValues(definition.name, fixtures)).map(asCase);
}

/**
 * The refusal of a `.` or `..` path segment, raised while the URL is built, where the parameter's
 * name is no longer known. It names no parameter; the schemas of the ID inputs would have to
 * refuse those values for the message to name one.
 */
const DOT_SEGMENT = /^A path parameter cannot be '\.{1,2}'/;

/** An input failure names the parameter at fault: a command parameter or a key that was sent. */
function expectNamedParameter(
  envelope: Envelope,
  inputs: Record<string, unknown>,
  names: string[],
) {
  if (envelope.error?.code !== 'INPUT_INVALID') return;
  if (DOT_SEGMENT.test(envelope.error.message)) return;
  const candidates = [...names, ...Object.keys(inputs)];
  const message = envelope.error.message;
  const named = candidates.some((name) =>
    name.trim() === '' ? message.includes(JSON.stringify(name)) : message.includes(name),
  );
  expect(named, `the message names the parameter: ${message}`).toBe(true);
}

/**
 * For each command: generated inputs (valid, on the limits, hostile) against the emulator. Every
 * execution resolves to a valid envelope that is not a defect, holds no part of the key in the
 * envelope or the log, names the parameter when the input is at fault, leaves the caller's
 * inputs as they were and the built-in prototypes untouched.
 */
export function describeInputProperties(commands: string[]): void {
  let emu: RunningEmulator;
  let loaded: Connector;
  let fixtures: Fixtures;
  /** Outcomes per command (Successful or the error code), for the summary and the reach check. */
  const outcomes = new Map<string, Map<string, number>>();
  const prototypes = prototypeSnapshot();
  const tally = (command: string, envelope: Envelope) => {
    const counts = outcomes.get(command) ?? new Map<string, number>();
    const outcome = envelope.error?.code ?? envelope.returnData;
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    outcomes.set(command, counts);
  };

  beforeAll(async () => {
    emu = await startReliabilityEmulator();
    fixtures = await discoverFixtures(emu);
    loaded = await connector();
  });

  afterAll(async () => {
    await emu.stop();
    const total = [...outcomes.values()].flatMap((counts) => [...counts.values()]);
    const summary = [...outcomes].map(([command, counts]) => {
      const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`);
      return `  ${command}: ${parts.join(', ')}`;
    });
    const cases = total.reduce((sum, n) => sum + n, 0);
    console.info(`generated input cases: ${cases}\n${summary.join('\n')}`);
  });

  describe.each(commands)('%s with generated inputs', (command) => {
    it('always resolves to a valid envelope without the key, a defect or polluted prototypes', async () => {
      const definition = loaded.manifest.commands.find((c) => c.name === command);
      if (definition === undefined) throw new Error(`no command ${command} in the manifest`);
      const names = Object.keys(definition.inputs.properties);

      await fc.assert(
        fc.asyncProperty(generatedCase(definition, fixtures), async ({ inputs }) => {
          // JSON text, not a clone: structuredClone and deep equality overflow the stack at depth 2000.
          const before = JSON.stringify(inputs);
          const { logger, lines } = capturedLogger();
          const envelope = await loaded.execute(command, inputs, emulatorConnection(emu), {
            logger,
            sleep: async () => undefined,
            deadlineMs: 30_000,
          });

          expectValidEnvelope(envelope, command);
          tally(command, envelope);
          expect(envelope.error?.code, envelope.error?.message).not.toBe('INTERNAL');
          expectNamedParameter(envelope, inputs, names);
          expectNoSecret([JSON.stringify(envelope)], 'the envelope');
          expectNoSecret(lines, 'a log line');
          expect(JSON.stringify(inputs) === before, 'the inputs are left as they were').toBe(true);
          expectPrototypesUntouched(prototypes);
        }),
        // The known-good inputs run first, so every run reaches the handler at least once.
        { numRuns: RUNS_PER_COMMAND, examples: [[asCase(validInputs(fixtures)[command] ?? {})]] },
      );
      expect(outcomes.get(command)?.get('Successful') ?? 0).toBeGreaterThan(0);
    });
  });
}
