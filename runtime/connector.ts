import { ConnectionResolver } from './connection.js';
import { executeCommand } from './execute.js';
import { loadManifest, type LoadOptions } from './manifest/load.js';
import type { CommandDefinition, Manifest } from './manifest/types.js';
import type { ApiVersion, Envelope, ExecuteOptions } from './types.js';

export interface CommandInput {
  name: string;
  required: boolean;
  description: string;
  type: string;
  default?: unknown;
  enum?: unknown[];
  examples?: unknown[];
}

export interface CommandInfo {
  name: string;
  description: string;
  apiVersions: ApiVersion[];
  inputs: CommandInput[];
  keyFields: string[];
  sampleOutput: unknown;
}

export interface Connector {
  readonly manifest: Manifest;
  readonly commands: CommandInfo[];
  command(name: string): CommandInfo | undefined;
  /** Runs a command. Never throws or rejects: every outcome is an envelope. */
  execute(
    command: string,
    inputs: Record<string, unknown> | undefined,
    connection: unknown,
    options?: ExecuteOptions,
  ): Promise<Envelope>;
}

/**
 * Loads the connector: validates the manifest, compiles every input schema once, imports the
 * handlers and mappings. Throws ManifestError when any of them is unusable.
 */
export async function loadConnector(options: LoadOptions = {}): Promise<Connector> {
  const { manifest, checkConnection, commands } = await loadManifest(options);
  const resolver = new ConnectionResolver(manifest.connection, checkConnection);
  const infos = manifest.commands.map(describeCommand);

  return {
    manifest,
    commands: infos,
    command: (name) => infos.find((info) => info.name === name),
    execute: (name, inputs, connection, executeOptions) =>
      executeCommand(commands, resolver, name, inputs, connection, executeOptions),
  };
}

function describeCommand(definition: CommandDefinition): CommandInfo {
  const required = new Set(definition.inputs.required ?? []);
  const inputs = Object.entries(definition.inputs.properties).map(([name, schema]) => ({
    name,
    required: required.has(name),
    description: String(schema.description ?? ''),
    type: String(schema['x-input'] ?? schema.type ?? 'string'),
    ...('default' in schema && { default: schema.default }),
    ...(Array.isArray(schema.enum) && { enum: schema.enum as unknown[] }),
    ...(Array.isArray(schema.examples) && { examples: schema.examples as unknown[] }),
  }));
  inputs.sort((a, b) => Number(b.required) - Number(a.required));

  return {
    name: definition.name,
    description: definition.description,
    apiVersions: definition.apiVersions,
    inputs,
    keyFields: definition.keyFields ?? [],
    sampleOutput: definition.sampleOutput ?? null,
  };
}
