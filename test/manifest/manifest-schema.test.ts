import { describe, expect, it } from 'vitest';

import { Ajv } from 'ajv';
import formats from 'ajv-formats';

import { manifest, manifestSchema, type Manifest } from './helpers.js';

const ajv = new Ajv({ strict: true, allErrors: true });
formats.default(ajv);
const validateManifest = ajv.compile(manifestSchema);

/** JSON Pointers of the errors the schema reports for a copy of the manifest changed by `edit`. */
function errorsAfter(edit: (copy: Manifest & Record<string, unknown>) => void): string[] {
  const copy = structuredClone(manifest) as Manifest & Record<string, unknown>;
  edit(copy);
  validateManifest(copy);
  return (validateManifest.errors ?? []).map((error) => error.instancePath);
}

// Each edit goes through an untyped view, as a hand-edited manifest would.
type Loose = Record<string, unknown>;
const findAssets = (copy: Manifest): Loose =>
  copy.commands.find((command) => command.name === 'Find Assets') as unknown as Loose;
const findAssetsIndex = manifest.commands.findIndex((command) => command.name === 'Find Assets');
const inputsOf = (copy: Manifest): Record<string, Loose> =>
  (findAssets(copy).inputs as { properties: Record<string, Loose> }).properties;
const at = `/commands/${findAssetsIndex}`;

describe('manifest schema', () => {
  it.each<[string, (copy: Manifest & Loose) => void, string]>([
    ['a misspelled top-level key', (copy) => (copy.catgory = 'x'), ''],
    ['a misspelled command key', (copy) => (findAssets(copy).hander = 'find-assets'), at],
    ['a handler that is not kebab-case', (copy) => (findAssets(copy).handler = 'FindAssets'), at],
    ['an empty apiVersions list', (copy) => (findAssets(copy).apiVersions = []), at],
    ['a repeated API version', (copy) => (findAssets(copy).apiVersions = ['v2', 'v2']), at],
    ['an unknown API version', (copy) => (findAssets(copy).apiVersions = ['v3']), at],
    ['a command without sample output', (copy) => delete findAssets(copy).sampleOutput, at],
    [
      'inputs that allow undeclared parameters',
      (copy) => ((findAssets(copy).inputs as Loose).additionalProperties = true),
      `${at}/inputs`,
    ],
    [
      'a parameter without a description',
      (copy) => delete inputsOf(copy).Limit?.description,
      `${at}/inputs/properties/Limit`,
    ],
    [
      'a parameter without a title',
      (copy) => delete inputsOf(copy).Sort?.title,
      `${at}/inputs/properties/Sort`,
    ],
    [
      'a free string without maxLength',
      (copy) => delete inputsOf(copy)['Project ID']?.maxLength,
      `${at}/inputs/properties/Project ID`,
    ],
    [
      'an array without maxItems',
      (copy) => delete inputsOf(copy).Tags?.maxItems,
      `${at}/inputs/properties/Tags`,
    ],
    [
      'an integer without a maximum',
      (copy) => delete inputsOf(copy).Limit?.maximum,
      `${at}/inputs/properties/Limit`,
    ],
    [
      'a misspelled schema keyword',
      (copy) => Object.assign(inputsOf(copy).Limit ?? {}, { maximun: 10 }),
      `${at}/inputs/properties/Limit`,
    ],
    [
      'an unknown x-input hint',
      (copy) => Object.assign(inputsOf(copy).Tags ?? {}, { 'x-input': 'csv' }),
      `${at}/inputs/properties/Tags`,
    ],
    [
      'a list hint on a string',
      (copy) => Object.assign(inputsOf(copy)['Project ID'] ?? {}, { 'x-input': 'list' }),
      `${at}/inputs/properties/Project ID`,
    ],
    [
      'a date parameter without the date hint',
      (copy) => delete inputsOf(copy)['Start Time']?.['x-input'],
      `${at}/inputs/properties/Start Time`,
    ],
    [
      'a nested object that allows unknown keys',
      (copy) =>
        Object.assign(inputsOf(copy)['Other Filters'] ?? {}, { additionalProperties: true }),
      `${at}/inputs/properties/Other Filters`,
    ],
    [
      'a connection without the API key parameter',
      (copy) => delete copy.connection.properties.apiKey,
      '/connection/properties',
    ],
  ])('refuses %s', (_label, edit, pointer) => {
    const pointers = errorsAfter(edit);

    expect(pointers.length).toBeGreaterThan(0);
    expect(pointers.some((path) => path === pointer || path.startsWith(`${pointer}/`))).toBe(true);
  });

  it('refuses a mapping file outside mappings/', () => {
    const index = manifest.commands.findIndex((command) => command.name === 'Fetch Incident');
    const pointers = errorsAfter((copy) => {
      const mappings = copy.commands[index]?.mappings;
      if (mappings) mappings.event = '../secrets/events.json';
    });

    expect(pointers).toContain(`/commands/${index}/mappings/event`);
  });
});
