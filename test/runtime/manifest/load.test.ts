import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnector } from '../../../runtime/connector.js';
import { ManifestError } from '../../../runtime/manifest/load.js';

const bundled = JSON.parse(
  readFileSync(new URL('../../../connector.manifest.json', import.meta.url), 'utf8'),
) as { commands: Record<string, unknown>[] } & Record<string, unknown>;

const HANDLER = `export default async function handler() { return { rawData: null }; }\n`;

/** A folder holding a manifest of the first `count` commands and one handler file for each. */
function workspace(edit: (manifest: typeof bundled) => void = () => {}, count = 2) {
  const folder = mkdtempSync(join(tmpdir(), 'manifest-'));
  const manifest = structuredClone(bundled);
  manifest.commands = manifest.commands.slice(0, count);
  edit(manifest);
  const commandsDir = join(folder, 'commands');
  mkdirSync(commandsDir);
  for (const command of bundled.commands.slice(0, count)) {
    writeFileSync(join(commandsDir, `${String(command.handler)}.ts`), HANDLER);
  }
  const manifestPath = join(folder, 'connector.manifest.json');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { folder, manifestPath, commandsDir };
}

async function refusal(options: Parameters<typeof loadConnector>[0]): Promise<ManifestError> {
  const error = await loadConnector(options).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ManifestError);
  return error as ManifestError;
}

describe('loadConnector', () => {
  it('loads the bundled manifest with its 16 commands', async () => {
    const connector = await loadConnector();

    expect(connector.commands).toHaveLength(16);
    expect(connector.command('Find Assets')?.apiVersions).toEqual(['v2']);
  });

  it('loads a smaller manifest whose commands all have handlers', async () => {
    const { manifestPath, commandsDir } = workspace();

    const connector = await loadConnector({ manifestPath, commandsDir });

    expect(connector.commands.map((command) => command.name)).toEqual(
      bundled.commands.slice(0, 2).map((command) => command.name),
    );
  });

  it('refuses a manifest that is not JSON', async () => {
    const { manifestPath, commandsDir } = workspace();
    writeFileSync(manifestPath, '{ "name": ');

    const error = await refusal({ manifestPath, commandsDir });

    expect(error.pointer).toBe('');
    expect(error.message).toContain('cannot be read as JSON');
  });

  it('refuses an invalid manifest, naming the JSON Pointer of the field', async () => {
    const { manifestPath, commandsDir } = workspace((manifest) => {
      (manifest.commands[1] as { apiVersions: string[] }).apiVersions = ['v3'];
    });

    const error = await refusal({ manifestPath, commandsDir });

    expect(error.pointer).toBe('/commands/1/apiVersions/0');
  });

  it('refuses a command with no handler file', async () => {
    const { manifestPath, commandsDir } = workspace((manifest) => {
      (manifest.commands[1] as { handler: string }).handler = 'no-such-handler';
    });

    const error = await refusal({ manifestPath, commandsDir });

    expect(error.pointer).toBe('/commands/1/handler');
    expect(error.message).toContain('no handler file commands/no-such-handler.ts');
  });

  it('refuses a handler file with no command', async () => {
    const { manifestPath, commandsDir } = workspace();
    writeFileSync(join(commandsDir, 'orphan-command.ts'), HANDLER);

    const error = await refusal({ manifestPath, commandsDir });

    expect(error.pointer).toBe('/commands');
    expect(error.message).toContain('orphan-command.ts has no command in the manifest');
  });

  it('refuses a handler file without a default export function', async () => {
    const { manifestPath, commandsDir } = workspace();
    const first = String(bundled.commands[0]?.handler);
    writeFileSync(join(commandsDir, `${first}.ts`), 'export const handler = 1;\n');

    const error = await refusal({ manifestPath, commandsDir });

    expect(error.pointer).toBe('/commands/0/handler');
  });

  it('refuses two commands with the same name', async () => {
    const { manifestPath, commandsDir } = workspace((manifest) => {
      (manifest.commands[1] as { name: string }).name = String(manifest.commands[0]?.name);
    });

    const error = await refusal({ manifestPath, commandsDir });

    expect(error.pointer).toBe('/commands/1/name');
  });

  it('refuses a mapping whose JSON path does not parse, with its location', async () => {
    const { folder } = workspace();
    const mapping = join(folder, 'events.json');
    writeFileSync(
      mapping,
      JSON.stringify({ mainPath: '$.Issues', fields: [{ name: 'Hostname', source: '.a[0' }] }),
    );

    const error = await refusal({ mappings: { 'Fetch Incident': { event: mapping } } });

    expect(error.pointer).toMatch(/^\/commands\/\d+\/mappings$/);
    expect(error.message).toContain('mappings/event/fields/0/source');
    expect(error.message).toContain("'[' is never closed");
  });
});
