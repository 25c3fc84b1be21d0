import { describeInputProperties } from './support/input-properties.js';

describeInputProperties([
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
]);
