import type { ApiVersion } from '../types.js';
import type { InputSchema } from '../inputs/validate.js';

/** connector.manifest.json, as runtime/manifest.schema.json describes it. */
export interface Manifest {
  $schema?: string;
  name: string;
  vendor: string;
  version: string;
  category: string;
  description: string;
  connection: ConnectionSchema;
  commands: CommandDefinition[];
}

export interface ConnectionSchema {
  type: 'object';
  required: string[];
  additionalProperties: false;
  properties: Record<string, Record<string, unknown> & { title: string; 'x-secret'?: boolean }>;
}

export interface CommandDefinition {
  name: string;
  handler: string;
  description: string;
  apiVersions: ApiVersion[];
  inputs: InputSchema;
  sampleOutput?: unknown;
  keyFields?: string[];
  mappings?: { event: string; incident: string };
}
