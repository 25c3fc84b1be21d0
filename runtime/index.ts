export { loadConnector } from './connector.js';
export type { Connector, CommandInfo, CommandInput } from './connector.js';
export { ManifestError } from './manifest/load.js';
export type { LoadOptions } from './manifest/load.js';
export { ConnectorError } from './errors/connector-error.js';
export { ERROR_CATALOG } from './errors/catalog.js';
export type { ErrorCode, ErrorClass } from './errors/catalog.js';
export { createLogger, secrets } from './logging.js';
export { failureIndicator } from './envelope.js';
export type {
  ApiVersion,
  Connection,
  DateOrder,
  Envelope,
  ErrorPayload,
  ExecuteOptions,
  CommandContext,
  CommandHandler,
  CommandResult,
} from './types.js';
