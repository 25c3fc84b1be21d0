import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import { createAjv } from '../inputs/ajv.js';

/** The manifest is checked as it is written: no defaults added to it. */
export const MANIFEST_AJV_OPTIONS: Options = { strict: false, useDefaults: false };

/**
 * Where each schema's validator comes from. A build writes the validators of the bundled
 * manifest as standalone code (`dist/runtime/generated/validators.cjs`), which spares every
 * start of the CLI ajv's code generation; it is used only when its fingerprint matches the
 * manifest and schema being loaded. Anything else (source runs, a user's manifest) is compiled
 * here, once per load.
 */
export interface SchemaCompiler {
  readonly precompiled: boolean;
  manifest(schema: object): ValidateFunction;
  connection(schema: object): ValidateFunction;
  inputs(command: string, schema: object): ValidateFunction;
}

export interface GeneratedValidators {
  fingerprint: string;
  manifest: ValidateFunction;
  connection: ValidateFunction;
  inputs: Record<string, ValidateFunction>;
}

export const GENERATED_MODULE = '../generated/validators.cjs';

export function fingerprintOf(manifestText: string, schemaText: string): string {
  return createHash('sha256').update(manifestText).update('\0').update(schemaText).digest('hex');
}

export function schemaCompiler(fingerprint: string): SchemaCompiler {
  const generated = loadGenerated(fingerprint);
  let runtimeAjv: Ajv | undefined;
  const ajv = () => (runtimeAjv ??= createAjv());

  return {
    precompiled: generated !== undefined,
    manifest: (schema) => generated?.manifest ?? createAjv(MANIFEST_AJV_OPTIONS).compile(schema),
    connection: (schema) => generated?.connection ?? ajv().compile(schema),
    inputs: (command, schema) => generated?.inputs[command] ?? ajv().compile(schema),
  };
}

function loadGenerated(fingerprint: string): GeneratedValidators | undefined {
  try {
    const generated = createRequire(import.meta.url)(GENERATED_MODULE) as GeneratedValidators;
    return generated.fingerprint === fingerprint ? generated : undefined;
  } catch {
    return undefined;
  }
}
