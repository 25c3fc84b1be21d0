/** Every command of the manifest; a test checks the list against it so none is left out. */
export const ALL_COMMANDS = [
  'Test Connection',
  'List Projects',
  'Create Tag',
  'Get Tags',
  'Apply Tags to Asset',
  'Remove Tags From Asset',
  'Find Assets',
  'Get Asset Details',
  'List Asset Exposures',
  'List Exposures',
  'Get Exposure Assets',
  'Get Current Issues',
  'Get Issue History',
  'Fetch Incident',
  'DSL Query',
  'SQL Query',
] as const;
