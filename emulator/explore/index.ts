export { exploreRoutes, type ExploreOptions } from './routes.js';
export { buildDataset, type DatasetOptions } from './dataset.js';
export type { ExploreDataset, HostRecord, IpRecord } from './records.js';
export { compileDsl, filterToDsl, parseDsl } from './dsl.js';
export { compileSql, parseSql, type SqlPlan, type SqlResult } from './sql.js';
export { QueryError } from './query-error.js';
