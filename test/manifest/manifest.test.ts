import { describe, expect, it } from 'vitest';

import { Ajv } from 'ajv';
import formats from 'ajv-formats';

import {
  coerceFormValue,
  createInputsAjv,
  findCommand,
  findParameter,
  manifest,
  manifestSchema,
  requiredInputs,
} from './helpers.js';

// The commands and their parameters as the integration documentation lists them, in its order.
// Include IPs and Max Records are the connector's own additions to the two query commands.
const DOC_PARAMETERS: Record<string, { required: string[]; optional: string[] }> = {
  'Apply Tags to Asset': { required: ['Project ID', 'Asset ID', 'Tags'], optional: [] },
  'Create Tag': { required: ['Project ID', 'Tag Name'], optional: [] },
  'DSL Query': { required: ['Query'], optional: ['Include IPs', 'Max Records'] },
  'Fetch Incident': {
    required: ['Project ID'],
    optional: ['Start Time', 'End Time', 'Previous Snapshot Fetch State'],
  },
  'Find Assets': {
    required: ['Project ID'],
    optional: [
      'Limit',
      'Sort',
      'Asset Type',
      'Tags',
      'Start Time',
      'End Time',
      'Additional Fields',
      'Other Filters',
    ],
  },
  'Get Asset Details': { required: ['Project ID', 'Asset ID'], optional: ['Additional Fields'] },
  'Get Current Issues': { required: ['Project ID'], optional: [] },
  'Get Exposure Assets': { required: ['Project ID', 'Signature ID'], optional: [] },
  'Get Issue History': {
    required: ['Project ID'],
    optional: ['Start Time', 'End Time', 'Rule Action', 'Classification', 'Query'],
  },
  'Get Tags': { required: ['Project ID'], optional: [] },
  'List Asset Exposures': { required: ['Project ID', 'Asset ID'], optional: [] },
  'List Exposures': { required: ['Project ID'], optional: ['CVE', 'Severity'] },
  'List Projects': { required: [], optional: [] },
  'Remove Tags From Asset': { required: ['Project ID', 'Asset ID', 'Tags'], optional: [] },
  'SQL Query': { required: ['Query'], optional: ['Max Records'] },
  'Test Connection': { required: [], optional: [] },
};

const V2_ONLY = [
  'Apply Tags to Asset',
  'Create Tag',
  'Find Assets',
  'Get Asset Details',
  'Get Exposure Assets',
  'Get Tags',
  'List Asset Exposures',
  'List Exposures',
  'List Projects',
  'Remove Tags From Asset',
];

const ADDITIONAL_FIELDS = [
  'custom_tags',
  'dns_records',
  'whois',
  'ip_metadata',
  'open_tcp_ports',
  'open_udp_ports',
  'web_technologies',
  'certificates',
  'certificate_chain',
  'defenses',
  'exposures',
  'exposure_instance_details',
];

const DOC_ENUMS: [string, string, unknown[]][] = [
  [
    'Find Assets',
    'Sort',
    ['Discovered At', 'Added To Project At', 'Last Scanned At', 'Exposure Score', 'Asset ID'],
  ],
  ['Find Assets', 'Asset Type', ['Domain', 'IP']],
  ['List Exposures', 'Severity', ['Unknown', 'Informational', 'Moderate', 'Critical']],
  ['Get Issue History', 'Rule Action', ['Added Rules', 'Removed Rules']],
  [
    'Get Issue History',
    'Classification',
    ['High', 'High & Moderate', 'Moderate', 'Moderate & Informational', 'Informational'],
  ],
];

const commandNames = manifest.commands.map((command) => command.name);

describe('connector manifest', () => {
  it('validates against the manifest schema under strict Ajv', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    formats.default(ajv);
    const validate = ajv.compile(manifestSchema);

    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it('declares exactly the 16 commands of the integration documentation, once each', () => {
    expect([...commandNames].sort()).toEqual(Object.keys(DOC_PARAMETERS));
    expect(new Set(manifest.commands.map((command) => command.handler)).size).toBe(16);
  });

  it.each(commandNames)('names the handler of %s after the command in kebab-case', (name) => {
    expect(findCommand(name).handler).toBe(name.toLowerCase().replaceAll(' ', '-'));
  });

  it.each(commandNames)('limits %s to the API versions the documentation gives', (name) => {
    const expected = V2_ONLY.includes(name) ? ['v2'] : ['v1', 'v2'];

    expect(findCommand(name).apiVersions).toEqual(expected);
  });

  it.each(commandNames)('compiles the inputs of %s with strict Ajv', (name) => {
    expect(() => createInputsAjv().compile(findCommand(name).inputs)).not.toThrow();
  });

  it.each(Object.entries(DOC_PARAMETERS))(
    'gives %s every parameter of the documentation and no other',
    (name, { required, optional }) => {
      const inputs = findCommand(name).inputs;

      expect(Object.keys(inputs.properties).sort()).toEqual([...required, ...optional].sort());
      expect(inputs.required ?? []).toEqual(required);
      for (const [key, parameter] of Object.entries(inputs.properties)) {
        expect(parameter.title).toBe(key);
        expect(parameter.examples?.length, `${name} / ${key} has no example`).toBeGreaterThan(0);
      }
    },
  );

  it.each(DOC_ENUMS)('offers the documented values for %s / %s', (command, parameter, values) => {
    expect(findParameter(command, parameter).enum).toEqual(values);
  });

  it.each(['Find Assets', 'Get Asset Details'])(
    'offers the 12 documented Additional Fields for %s, custom_tags by default',
    (command) => {
      const parameter = findParameter(command, 'Additional Fields');

      expect(parameter.items?.enum).toEqual(ADDITIONAL_FIELDS);
      expect(parameter.default).toEqual(['custom_tags']);
    },
  );

  it('defaults Find Assets to sorting by Exposure Score and leaves Limit unset', () => {
    expect(findParameter('Find Assets', 'Sort').default).toBe('Exposure Score');
    expect(findParameter('Find Assets', 'Limit').default).toBeUndefined();
  });

  it.each(commandNames)('accepts every example and default of %s', (name) => {
    const command = findCommand(name);
    const ajv = createInputsAjv();

    for (const [key, parameter] of Object.entries(command.inputs.properties)) {
      const validate = ajv.compile(parameter);
      const values = [
        ...(parameter.examples ?? []),
        ...('default' in parameter ? [parameter.default] : []),
      ];
      for (const value of values) {
        const coerced = coerceFormValue(value, parameter);
        expect(validate(coerced), `${name} / ${key}: ${JSON.stringify(validate.errors)}`).toBe(
          true,
        );
      }
    }
    expect(ajv.validate(command.inputs, requiredInputs(command))).toBe(true);
  });
});
