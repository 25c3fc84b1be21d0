import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ConnectorError } from '../errors/connector-error.js';
import { InputValidator } from '../inputs/validate.js';
import { fingerprintOf, schemaCompiler, type SchemaCompiler } from './compiler.js';
import { loadMapping } from '../mapping/mapping.js';
import type { CommandHandler, CommandMappings } from '../types.js';
import { defaultCommandsDir, handlerExtension, packageRoot } from './locate.js';
import type { CommandDefinition, Manifest } from './types.js';

/** Raised at load time: the manifest, a handler file or a mapping is not usable. */
export class ManifestError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(`connector manifest refused at ${pointer || '/'}: ${message}`);
    this.name = 'ManifestError';
  }
}

export interface LoadOptions {
  /** Path of the manifest; default the bundled connector.manifest.json. */
  manifestPath?: string;
  /** Folder of handler files; default the bundled commands/. */
  commandsDir?: string;
  /** Mapping files that replace a command's own, by command name. */
  mappings?: Record<string, Partial<Record<'event' | 'incident', string>>>;
}

export interface LoadedCommand {
  definition: CommandDefinition;
  handler: CommandHandler;
  validator: InputValidator;
  mappings: CommandMappings | undefined;
}

export interface LoadedManifest {
  manifest: Manifest;
  checkConnection: ValidateFunction;
  commands: Map<string, LoadedCommand>;
}

export async function loadManifest(options: LoadOptions = {}): Promise<LoadedManifest> {
  const root = packageRoot();
  const manifestPath = resolve(options.manifestPath ?? join(root, 'connector.manifest.json'));
  const [manifestText, schemaText] = await Promise.all([
    readText(manifestPath),
    readFile(join(root, 'runtime', 'manifest.schema.json'), 'utf8'),
  ]);
  const compiler = schemaCompiler(fingerprintOf(manifestText, schemaText));
  const manifest = checkManifest(manifestPath, manifestText, schemaText, compiler);
  const handlers = await listHandlerFiles(options.commandsDir ?? defaultCommandsDir());

  const commands = new Map<string, LoadedCommand>();
  for (const [index, definition] of manifest.commands.entries()) {
    const pointer = `/commands/${index}`;
    if (commands.has(definition.name))
      throw new ManifestError(`${pointer}/name`, `duplicate command "${definition.name}"`);

    commands.set(definition.name, {
      definition,
      validator: compileInputs(compiler, definition, pointer),
      handler: await importHandler(handlers, definition, pointer),
      mappings: await loadCommandMappings(definition, root, pointer, options.mappings),
    });
  }

  const used = new Set(manifest.commands.map((command) => command.handler));
  const orphan = [...handlers.keys()].find((name) => !used.has(name));
  if (orphan !== undefined) {
    throw new ManifestError(
      '/commands',
      `handler file ${handlers.get(orphan)} has no command in the manifest`,
    );
  }
  return { manifest, checkConnection: compiler.connection(manifest.connection), commands };
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ManifestError('', `${path} cannot be read (${(error as Error).message})`);
  }
}

function checkManifest(
  path: string,
  text: string,
  schemaText: string,
  compiler: SchemaCompiler,
): Manifest {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ManifestError('', `${path} cannot be read as JSON (${(error as Error).message})`);
  }

  const check = compiler.manifest(JSON.parse(schemaText) as object);
  if (!check(manifest)) {
    const error = mostSpecific(check.errors ?? []);
    throw new ManifestError(error?.instancePath ?? '', describeSchemaError(error));
  }
  return manifest as Manifest;
}

function compileInputs(
  compiler: SchemaCompiler,
  definition: CommandDefinition,
  pointer: string,
): InputValidator {
  try {
    return new InputValidator(
      compiler.inputs(definition.name, definition.inputs),
      definition.inputs,
    );
  } catch (error) {
    throw new ManifestError(`${pointer}/inputs`, (error as Error).message);
  }
}

async function listHandlerFiles(folder: string): Promise<Map<string, string>> {
  const files = await readdir(folder).catch(() => [] as string[]);
  const handlers = new Map<string, string>();
  for (const file of files) {
    if (!file.endsWith(handlerExtension) || file.endsWith(`.d${handlerExtension}`)) continue;
    handlers.set(basename(file, handlerExtension), join(folder, file));
  }
  return handlers;
}

async function importHandler(
  handlers: Map<string, string>,
  definition: CommandDefinition,
  pointer: string,
): Promise<CommandHandler> {
  const file = handlers.get(definition.handler);
  if (file === undefined) {
    throw new ManifestError(
      `${pointer}/handler`,
      `no handler file commands/${definition.handler}${handlerExtension} for "${definition.name}"`,
    );
  }
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  if (typeof module.default !== 'function') {
    throw new ManifestError(`${pointer}/handler`, `${file} has no default export function`);
  }
  return module.default as CommandHandler;
}

async function loadCommandMappings(
  definition: CommandDefinition,
  root: string,
  pointer: string,
  overrides: LoadOptions['mappings'],
): Promise<CommandMappings | undefined> {
  if (definition.mappings === undefined) return undefined;
  const chosen = { ...definition.mappings, ...overrides?.[definition.name] };
  try {
    return {
      event: await loadMapping(resolve(root, chosen.event), `${pointer}/mappings/event`),
      incident: await loadMapping(resolve(root, chosen.incident), `${pointer}/mappings/incident`),
    };
  } catch (error) {
    if (error instanceof ConnectorError)
      throw new ManifestError(`${pointer}/mappings`, error.message);
    throw error;
  }
}

/** The deepest error is the one that names the offending field. */
function mostSpecific(errors: ErrorObject[]): ErrorObject | undefined {
  return [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

function describeSchemaError(error: ErrorObject | undefined): string {
  if (error === undefined) return 'does not match runtime/manifest.schema.json';
  const params = JSON.stringify(error.params);
  return `${error.message ?? 'is not valid'} (${error.keyword} ${params})`;
}
