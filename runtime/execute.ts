import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ConnectionResolver } from './connection.js';
import { failureEnvelope, redactDeep, successEnvelope } from './envelope.js';
import { ConnectorError, toConnectorError } from './errors/connector-error.js';
import { HttpClient } from './http/client.js';
import { defaultLogger, secrets } from './logging.js';
import type { LoadedCommand } from './manifest/load.js';
import { closestNames } from './suggest.js';
import type { CommandResult, Envelope, ExecuteOptions, ResolvedConnection } from './types.js';

const DEFAULT_DEADLINE_MS = 5 * 60_000;

/**
 * Runs one command: look it up, check the connection and inputs, call the handler with a client,
 * and wrap whatever happens in an envelope. Never throws: every failure, ours included, becomes
 * a Failed envelope with a catalog code.
 */
export async function executeCommand(
  commands: Map<string, LoadedCommand>,
  resolver: ConnectionResolver,
  name: string,
  inputs: unknown,
  connection: unknown,
  options: ExecuteOptions = {},
): Promise<Envelope> {
  const now = options.now ?? Date.now;
  const started = now();
  const executionId = randomUUID();
  const logger = (options.logger ?? defaultLogger()).child({ command: name, executionId });
  const meta = () => ({ command: name, executionId, durationMs: now() - started });
  let client: HttpClient | undefined;

  let envelope: Envelope;
  try {
    const result = await run(
      commands,
      resolver,
      name,
      inputs,
      connection,
      options,
      logger,
      (made) => {
        client = made;
      },
    );
    envelope = successEnvelope(meta(), result);
  } catch (thrown) {
    const error = toConnectorError(thrown);
    if (error.code === 'INTERNAL') logger.error({ err: thrown }, 'command failed on a defect');
    envelope = failureEnvelope(meta(), error);
  }

  redactDeep(envelope, (text) => secrets.redact(text));
  logger.info(
    {
      outcome: envelope.returnData,
      durationMs: envelope.durationMs,
      requests: client?.requests.count ?? 0,
      ...(envelope.error && { code: envelope.error.code, statusCode: envelope.error.statusCode }),
    },
    'command finished',
  );
  return envelope;
}

async function run(
  commands: Map<string, LoadedCommand>,
  resolver: ConnectionResolver,
  name: string,
  inputs: unknown,
  connection: unknown,
  options: ExecuteOptions,
  logger: Logger,
  onClient: (client: HttpClient) => void,
): Promise<CommandResult> {
  const command = commands.get(name);
  if (command === undefined) throw unknownCommand(name, [...commands.keys()]);

  const resolved = await resolver.resolve(connection);
  requireApiVersion(command, resolved);

  const checked = command.validator.validate(inputs ?? {}, options.dateOrder ?? 'MDY');
  if (!checked.ok) throw checked.error;

  const now = options.now ?? Date.now;
  const client = new HttpClient({
    connection: resolved,
    logger,
    deadline: now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS),
    ...(options.maxRetries !== undefined && { maxRetries: options.maxRetries }),
    ...(options.sleep && { sleep: options.sleep }),
    ...(options.signal && { signal: options.signal }),
    ...(options.beforeRequest && { beforeRequest: options.beforeRequest }),
    now,
  });
  onClient(client);

  return command.handler({
    inputs: checked.values,
    client,
    connection: resolved,
    logger,
    now,
    mappings: command.mappings,
    progress: (pages, records) => options.onProgress?.({ command: name, pages, records }),
  });
}

function requireApiVersion(command: LoadedCommand, connection: ResolvedConnection): void {
  const { apiVersions, name } = command.definition;
  if (apiVersions.includes(connection.apiVersion)) return;
  throw new ConnectorError(
    'API_VERSION_MISMATCH',
    `${name} needs API Version ${apiVersions.join(' or ')}, but the connection uses ` +
      `${connection.apiVersion}. Set API Version to ${apiVersions[0] ?? 'v2'} in the connection.`,
    { details: { parameter: 'apiVersion', required: apiVersions, actual: connection.apiVersion } },
  );
}

function unknownCommand(name: string, known: string[]): ConnectorError {
  const suggestions = closestNames(name, known);
  const hint =
    suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
  return new ConnectorError('COMMAND_UNKNOWN', `There is no command "${name}".${hint}`, {
    details: { suggestions },
  });
}
