import type { Command } from 'commander';
import type { Connection } from '../types.js';
import { didYouMean, isPlainObject, readJsonFile, UsageError } from './usage.js';

/** The connection options every subcommand that calls the API accepts. */
export interface ConnectionOptions {
  connection?: string;
  connectionName?: string;
}

export interface CliConnection {
  connection: Record<string, unknown>;
  /** Where it came from, for messages: "connection file x.json", "the environment", ... */
  origin: string;
  /** Stops the built-in emulator when one was started; a no-op otherwise. */
  close(): Promise<void>;
}

export interface ConnectionIo {
  env: NodeJS.ProcessEnv;
  stderr: { write(text: string): unknown };
}

const ENVIRONMENT = {
  serverUrl: 'SECURITYTRAILS_SERVER_URL',
  apiKey: 'SECURITYTRAILS_API_KEY',
  apiVersion: 'SECURITYTRAILS_API_VERSION',
} as const;

/**
 * The one way every subcommand gets its connection: `--connection FILE` first (a connection
 * object, or a health-check connections file with `--connection-name`), then the
 * SECURITYTRAILS_* environment variables, and with neither the built-in emulator on loopback with
 * API Version v2, so that every command works out of the box.
 */
export async function openConnection(
  options: ConnectionOptions,
  io: ConnectionIo = { env: process.env, stderr: process.stderr },
): Promise<CliConnection> {
  if (options.connection !== undefined) {
    const connection = await connectionFromFile(options.connection, options.connectionName);
    return { connection, origin: `connection file ${options.connection}`, close: async () => {} };
  }
  if (options.connectionName !== undefined) {
    throw new UsageError('--connection-name needs --connection FILE naming a connections file.');
  }

  const fromEnvironment = connectionFromEnvironment(io.env);
  if (fromEnvironment !== undefined) {
    return { connection: fromEnvironment, origin: 'the environment', close: async () => {} };
  }
  return startBuiltInEmulator(io);
}

/** The SECURITYTRAILS_* variables that are set, or undefined when none is. */
export function connectionFromEnvironment(
  env: NodeJS.ProcessEnv,
): Record<string, unknown> | undefined {
  const connection: Record<string, unknown> = {};
  for (const [parameter, variable] of Object.entries(ENVIRONMENT)) {
    const value = env[variable];
    if (value !== undefined && value !== '') connection[parameter] = value;
  }
  return Object.keys(connection).length > 0 ? connection : undefined;
}

async function connectionFromFile(
  path: string,
  name: string | undefined,
): Promise<Record<string, unknown>> {
  const content = await readJsonFile(path, '--connection');
  if (!isPlainObject(content)) {
    throw new UsageError(`--connection ${path} must hold a JSON object; got ${typeName(content)}.`);
  }
  if (!Array.isArray(content.connections)) {
    if (name !== undefined) {
      throw new UsageError(
        `--connection-name needs a connections file; ${path} holds one connection.`,
      );
    }
    return content;
  }
  return pickNamed(path, content.connections, name);
}

function pickNamed(
  path: string,
  entries: unknown[],
  name: string | undefined,
): Record<string, unknown> {
  const named = entries.filter(isPlainObject);
  const names = named.map((entry) => String(entry.name));
  if (name === undefined) {
    const [only] = named;
    if (named.length === 1 && only !== undefined && isPlainObject(only.connection))
      return only.connection;
    throw new UsageError(
      `${path} holds ${named.length} connections; choose one with --connection-name (${names.join(', ')}).`,
    );
  }
  const entry = named.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    throw new UsageError(`${path} has no connection named "${name}".${didYouMean(name, names)}`);
  }
  if (!isPlainObject(entry.connection)) {
    throw new UsageError(`Connection "${name}" in ${path} has no "connection" object.`);
  }
  return entry.connection;
}

async function startBuiltInEmulator(io: ConnectionIo): Promise<CliConnection> {
  const { startEmulator } = await import('../../emulator/index.js');
  const emulator = await startEmulator({});
  io.stderr.write(
    `No connection configured: using the built-in SecurityTrails emulator at ${emulator.url} ` +
      '(API Version v2).\n',
  );
  const connection: Connection = {
    serverUrl: emulator.url,
    apiKey: emulator.apiKey,
    apiVersion: 'v2',
  };
  return {
    connection: { ...connection },
    origin: `the built-in emulator at ${emulator.url}`,
    close: () => emulator.stop(),
  };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Adds `--connection FILE` and `--connection-name NAME` to a subcommand. */
export function withConnectionOptions(command: Command): Command {
  return command
    .option(
      '--connection <file>',
      'JSON connection {serverUrl, apiKey, apiVersion, ...}, or a connections file; default: ' +
        'the SECURITYTRAILS_* environment variables, else the built-in emulator',
    )
    .option('--connection-name <name>', 'the named connection to use from a connections file');
}
