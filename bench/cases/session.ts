import type { LevelWithSilent, Logger } from 'pino';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.js';
import { loadConnector, type Connector } from '../../runtime/connector.js';
import { createLogger } from '../../runtime/logging.js';
import type { Connection } from '../../runtime/types.js';

export interface BenchSession {
  emulator: RunningEmulator;
  connector: Connector;
  connection: Connection;
  logger: Logger;
}

/**
 * An emulator with no rate limit and a quota no benchmark reaches, the bundled connector, a v2
 * connection to the emulator and a logger that discards its lines; stopped after `body`.
 */
export async function withBenchSession<T>(
  options: EmulatorOptions & { logLevel?: LevelWithSilent },
  body: (session: BenchSession) => Promise<T>,
): Promise<T> {
  const { logLevel = 'warn', ...emulatorOptions } = options;
  const emulator = await startEmulator({
    ratePerSecond: 0,
    monthlyQuota: 10_000_000,
    ...emulatorOptions,
  });
  try {
    return await body({
      emulator,
      connector: await loadConnector(),
      connection: { serverUrl: emulator.url, apiKey: emulator.apiKey, apiVersion: 'v2' },
      logger: createLogger({ level: logLevel, sink: { write: () => true } }),
    });
  } finally {
    await emulator.stop();
  }
}
