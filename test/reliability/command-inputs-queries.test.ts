import { describeInputProperties } from './support/input-properties.js';

describeInputProperties([
  'Test Connection',
  'Get Current Issues',
  'Get Issue History',
  'Fetch Incident',
  'DSL Query',
  'SQL Query',
]);
