import { readFile } from 'node:fs/promises';
import { ConnectorError } from '../errors/connector-error.js';
import { compilePath, type CompiledPath } from './compiled-path.js';
import { PathSyntaxError } from './path-syntax.js';

/**
 * A field mapping file: a main JSON path selecting the items (each becomes one event or
 * incident) and fields read from each item by an item-relative path, or given as a constant.
 * `take: "first"` keeps the first match (null when the path matches nothing); `take: "list"`
 * keeps every match (null when there is none).
 */
export interface MappingFile {
  name?: string;
  mainPath: string;
  fields: MappingField[];
}

export interface MappingField {
  name: string;
  source?: string;
  value?: unknown;
  take?: 'first' | 'list';
}

export interface CompiledMapping {
  readonly name: string;
  readonly fieldNames: string[];
  apply(data: unknown): Record<string, unknown>[];
}

export function compileMapping(file: unknown, location: string): CompiledMapping {
  const mapping = checkShape(file, location);
  const main = compileAt(mapping.mainPath, `${location}/mainPath`);
  const fields: CompiledField[] = mapping.fields.map((field, index) => ({
    name: field.name,
    take: field.take ?? 'first',
    value: field.value ?? null,
    path:
      field.source === undefined
        ? undefined
        : compileAt(field.source, `${location}/fields/${index}/source`),
  }));

  return {
    name: mapping.name ?? location,
    fieldNames: fields.map((field) => field.name),
    apply(data) {
      return selectItems(main, data).map((item) => {
        const mapped: Record<string, unknown> = {};
        for (const field of fields) mapped[field.name] = valueOf(field, item);
        return mapped;
      });
    },
  };
}

export async function loadMapping(path: string, location = path): Promise<CompiledMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? 'unreadable';
    throw mappingError(`${location}: the mapping file ${path} cannot be read (${reason}).`);
  }
  try {
    return compileMapping(JSON.parse(text) as unknown, location);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw mappingError(`${location}: not valid JSON (${error.message}).`);
    throw error;
  }
}

/** The main path selects the list itself (`$.Issues`): its elements are the items. */
function selectItems(main: CompiledPath, data: unknown): unknown[] {
  const matches = main.evaluate(data);
  const [only] = matches;
  return matches.length === 1 && Array.isArray(only) ? only : matches;
}

interface CompiledField {
  name: string;
  take: 'first' | 'list';
  value: unknown;
  path: CompiledPath | undefined;
}

/** A constant, the first match, or every match; null when the path matches nothing. */
function valueOf(field: CompiledField, item: unknown): unknown {
  if (field.path === undefined) return field.value;
  if (field.take === 'first') return field.path.first(item) ?? null;
  const matches = field.path.evaluate(item);
  return matches.length === 0 ? null : matches;
}

function compileAt(source: string, location: string): CompiledPath {
  try {
    return compilePath(source);
  } catch (error) {
    if (error instanceof PathSyntaxError) throw mappingError(`${location}: ${error.message}`);
    throw error;
  }
}

function checkShape(file: unknown, location: string): MappingFile {
  if (file === null || typeof file !== 'object' || Array.isArray(file)) {
    throw mappingError(`${location}: must be an object.`);
  }
  const { mainPath, fields } = file as Partial<MappingFile>;
  if (typeof mainPath !== 'string') throw mappingError(`${location}/mainPath: must be a string.`);
  if (!Array.isArray(fields)) throw mappingError(`${location}/fields: must be an array.`);

  fields.forEach((field: Partial<MappingField>, index) => {
    const at = `${location}/fields/${index}`;
    if (typeof field?.name !== 'string' || field.name === '')
      throw mappingError(`${at}/name: must be a non-empty string.`);
    // Mapped objects are plain objects; these names would reach their prototype instead.
    if (['__proto__', 'constructor', 'prototype'].includes(field.name))
      throw mappingError(`${at}/name: "${field.name}" cannot be a field name.`);
    if (field.source !== undefined && typeof field.source !== 'string')
      throw mappingError(`${at}/source: must be a string.`);
    if (field.source === undefined && !('value' in field))
      throw mappingError(`${at}: needs a source path or a value.`);
    if (field.take !== undefined && field.take !== 'first' && field.take !== 'list') {
      throw mappingError(`${at}/take: must be "first" or "list".`);
    }
  });
  return file as MappingFile;
}

function mappingError(message: string): ConnectorError {
  return new ConnectorError('MAPPING_INVALID', message, { details: {} });
}
