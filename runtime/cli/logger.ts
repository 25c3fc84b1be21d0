import type { Logger } from 'pino';
import { createLogger } from '../logging.js';

/**
 * The CLI's logger: pino on stderr like the runtime's, but at warn unless LOG_LEVEL says
 * otherwise, so that a person reading a Test Result is not shown a JSON line per command.
 */
export function cliLogger(): Logger {
  return process.env.LOG_LEVEL === undefined ? createLogger({ level: 'warn' }) : createLogger();
}
