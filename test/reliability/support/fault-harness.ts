import { afterAll, beforeAll } from 'vitest';
import type { RunningEmulator } from '../../../emulator/index.js';
import type { Connector } from '../../../runtime/connector.js';
import type { Connection, Envelope } from '../../../runtime/types.js';
import { capturedLogger, connector } from '../../helpers/connector.js';
import { ALL_COMMANDS } from './commands.js';
import {
  discoverFixtures,
  emulatorConnection,
  startReliabilityEmulator,
  validInputs,
} from './fixtures.js';
import { virtualTime } from './virtual-time.js';

export interface FaultedRun {
  envelope: Envelope;
  lines: string[];
  delays: number[];
  /** Requests the command's own client sent, from its closing log line. */
  clientRequests: number;
}

export interface FaultHarness {
  emu(): RunningEmulator;
  connector(): Connector;
  /** Requests each command makes against the emulator when nothing goes wrong. */
  cleanRequests(command: string): number;
  run(command: string, deadlineMs: number, extra?: Partial<Connection>): Promise<FaultedRun>;
}

function requestsLogged(lines: string[]): number {
  const closing = lines
    .map((line) => JSON.parse(line) as { msg?: string; requests?: number })
    .find((entry) => entry.msg === 'command finished');
  return closing?.requests ?? Number.NaN;
}

/**
 * An emulator and the connector for fault tests, with valid inputs for every command and the
 * number of requests each makes when nothing goes wrong (every command must succeed then).
 */
export function useFaultHarness(): FaultHarness {
  let emu: RunningEmulator;
  let loaded: Connector;
  let inputs: Record<string, Record<string, unknown>>;
  const clean = new Map<string, number>();

  const run = async (command: string, deadlineMs: number, extra: Partial<Connection> = {}) => {
    const time = virtualTime();
    const { logger, lines } = capturedLogger();
    const envelope = await loaded.execute(
      command,
      inputs[command],
      emulatorConnection(emu, extra),
      {
        logger,
        sleep: time.sleep,
        now: time.now,
        deadlineMs,
      },
    );
    return { envelope, lines, delays: time.delays, clientRequests: requestsLogged(lines) };
  };

  beforeAll(async () => {
    emu = await startReliabilityEmulator();
    loaded = await connector();
    inputs = validInputs(await discoverFixtures(emu));
    for (const command of ALL_COMMANDS) {
      const before = emu.requests();
      const { envelope } = await run(command, 60_000);
      if (envelope.returnData !== 'Successful') {
        throw new Error(`${command} fails without faults: ${envelope.error?.message ?? ''}`);
      }
      clean.set(command, emu.requests() - before);
    }
  });

  afterAll(async () => {
    await emu.stop();
  });

  return {
    emu: () => emu,
    connector: () => loaded,
    cleanRequests: (command) => clean.get(command) ?? Number.NaN,
    run,
  };
}
