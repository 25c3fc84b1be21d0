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
export { runPlaybook } from './playbook/run.js';
export type { RunPlaybookOptions } from './playbook/run.js';
export { parsePlaybook, PlaybookError } from './playbook/parse.js';
export { formatStep, formatSummary } from './playbook/report.js';
export type {
  Playbook,
  PlaybookRun,
  PlaybookStep,
  PlaybookSummary,
  RunSummary,
  StepFailure,
  StepOutput,
  StepSummary,
} from './playbook/types.js';
export { HealthScheduler } from './health/scheduler.js';
export type { HealthSchedulerOptions } from './health/scheduler.js';
export { HealthConfigError, parseConnectionsFile } from './health/config.js';
export { classifyFailure } from './health/classify.js';
export type { FailureKind } from './health/classify.js';
export { JsonLinesHistory, lastOutcomes } from './health/history.js';
export type { HealthHistory } from './health/history.js';
export { MemoryOutcomeStore } from './health/outcome-store.js';
export type { OutcomeStore } from './health/outcome-store.js';
export { systemTimer } from './health/timer.js';
export type { Timer, TimerHandle } from './health/timer.js';
export { emailNotifier } from './health/notify/email.js';
export { streamNotifier } from './health/notify/stream.js';
export { webhookNotifier } from './health/notify/webhook.js';
export type {
  CheckOutcome,
  CheckResult,
  HealthNotice,
  HealthTarget,
  Notifier,
} from './health/types.js';
export { openConnection } from './cli/connection.js';
export type { CliConnection, ConnectionOptions } from './cli/connection.js';
export { formatTestResult } from './cli/view/test-result.js';
