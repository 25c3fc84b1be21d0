import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, type GeneratedValidators } from '../../../runtime/manifest/compiler.js';
import { createAjv } from '../../../runtime/inputs/ajv.js';
import type { Manifest } from '../../../runtime/manifest/types.js';

const root = new URL('../../../', import.meta.url);
const generatedPath = new URL('dist/runtime/generated/validators.cjs', root);
const manifestText = readFileSync(new URL('connector.manifest.json', root), 'utf8');
const schemaText = readFileSync(new URL('runtime/manifest.schema.json', root), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;

describe.skipIf(!existsSync(generatedPath))('validators precompiled by the build', () => {
  const generated = createRequire(import.meta.url)(generatedPath.pathname) as GeneratedValidators;

  it('carry the fingerprint of the manifest and schema they were built from', () => {
    expect(generated.fingerprint).toBe(fingerprintOf(manifestText, schemaText));
    expect(Object.keys(generated.inputs)).toEqual(manifest.commands.map((command) => command.name));
  });

  it('accept the bundled manifest', () => {
    expect(generated.manifest(JSON.parse(manifestText))).toBe(true);
  });

  it.each([
    ['Find Assets', { 'Project ID': 'p', Limit: 5000 }],
    ['Find Assets', { 'Project ID': 'p', 'Other Filters': { asn: 'x', colour: 1 } }],
    ['Find Assets', { 'Project ID': 'p', Limit: 5 }],
    ['Get Issue History', { 'Project ID': 'p', 'Rule Action': 'Both' }],
    ['SQL Query', { Query: 'SELECT 1', 'Max Records': 0 }],
    ['Apply Tags to Asset', { 'Project ID': 'p', 'Asset ID': 'a', Tags: [] }],
  ])('judge %s inputs %j exactly as a runtime compile does', (name, inputs) => {
    const schema = manifest.commands.find((command) => command.name === name)?.inputs as object;
    const runtime = createAjv().compile(schema);
    const precompiled = generated.inputs[name] as GeneratedValidators['connection'];
    const [forRuntime, forPrecompiled] = [structuredClone(inputs), structuredClone(inputs)];

    expect(precompiled(forPrecompiled)).toBe(runtime(forRuntime));
    expect(precompiled.errors ?? null).toEqual(runtime.errors ?? null);
    expect(forPrecompiled).toEqual(forRuntime);
  });
});
