import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index.js';
import type { Envelope, ExecuteOptions } from '../../../runtime/types.js';
import { connection, connector, fastOptions } from '../../helpers/connector.js';

export interface SearchSession<Result> {
  run(
    inputs: Record<string, unknown>,
    options?: ExecuteOptions,
  ): Promise<{ envelope: Envelope; result: Result }>;
  /** Moves the emulator's clock forward, as scroll ids age by it. */
  advance(ms: number): void;
}

/**
 * Starts an emulator for the file's tests (no rate limit, a clock the tests move) and runs one
 * search command against it, its raw data read as `Result`.
 */
export function searchSession<Result>(command: 'DSL Query' | 'SQL Query'): SearchSession<Result> {
  let emu: RunningEmulator;
  let clock = Date.parse('2025-07-01T00:00:00Z');

  beforeAll(async () => {
    emu = await startEmulator({ ratePerSecond: 0, clock: { now: () => clock } });
  });

  afterAll(async () => {
    await emu.stop();
  });

  return {
    run: async (inputs, options = {}) => {
      const envelope = await (
        await connector()
      ).execute(
        command,
        inputs,
        connection({ serverUrl: emu.url, apiKey: emu.apiKey }),
        fastOptions(options),
      );
      return { envelope, result: envelope.rawData as Result };
    },
    advance: (ms) => {
      clock += ms;
    },
  };
}

/** A query of several pages fails when ten minutes pass between pages. */
export function itFailsWhenTheScrollExpires(session: SearchSession<unknown>, query: string): void {
  it('fails with SCROLL_EXPIRED when the scroll id expires between pages', async () => {
    const { envelope } = await session.run(
      { Query: query },
      {
        onProgress: () => {
          session.advance(10 * 60_000);
        },
      },
    );

    expect(envelope).toMatchObject({ returnData: 'Failed', rawData: null });
    expect(envelope.error).toMatchObject({ statusCode: 400, code: 'SCROLL_EXPIRED' });
  });
}
