import type { Logger } from 'pino';
import { loadConnector, type Connector } from '../../runtime/connector.js';
import { createLogger } from '../../runtime/logging.js';
import type { Connection, ExecuteOptions } from '../../runtime/types.js';

export const API = 'https://api.securitytrails.test';

/** A key that is easy to find in any output it must never reach. */
export const SECRET_KEY = 'sk-LEAKCHECK-7f3a9c21d4e8b6a0';

export function connection(overrides: Partial<Connection> = {}): Connection {
  return { serverUrl: API, apiKey: SECRET_KEY, apiVersion: 'v2', ...overrides };
}

let shared: Promise<Connector> | undefined;

/** The bundled connector, loaded once per test file. */
export function connector(): Promise<Connector> {
  shared ??= loadConnector();
  return shared;
}

export interface Captured {
  logger: Logger;
  lines: string[];
}

/** A debug-level logger whose lines are kept for assertions. */
export function capturedLogger(): Captured {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', sink: { write: (line) => lines.push(line) } });
  return { logger, lines };
}

/** Options that never wait between retries and record each delay asked for. */
export function fastOptions(extra: ExecuteOptions = {}): ExecuteOptions & { delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    logger: capturedLogger().logger,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...extra,
  };
}
