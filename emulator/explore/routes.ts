import type { Clock, Route } from '../types.js';
import { buildDataset } from './dataset.js';
import { searchOrder } from './domain-search.js';
import { domainSearchRoutes, type DomainCursor } from './dsl-routes.js';
import { ScrollStore } from './scroll-store.js';
import { sqlScrollRoutes, type SqlCursor } from './sql-routes.js';

export interface ExploreOptions {
  seed: number;
  /** Hostnames in the data set (fixed examples included). */
  hosts: number;
  clock: Clock;
  /** How long a scroll id stays valid after its last use. */
  scrollTtlMs: number;
}

/**
 * The exploration endpoints over one data set: DSL search with paging and scrolling, and the
 * SQL scroll API. Authentication, quota, rate limits and faults are the server's business and
 * have happened before any handler here runs.
 */
export function exploreRoutes(options: ExploreOptions): Route[] {
  const dataset = buildDataset({ seed: options.seed, hosts: options.hosts });
  const store = <T>(kind: string): ScrollStore<T> =>
    new ScrollStore<T>(options.clock, options.scrollTtlMs, `${kind}:${options.seed}`);

  return [
    ...domainSearchRoutes({
      orderedHosts: searchOrder(dataset.hosts),
      scrolls: store<DomainCursor>('dsl'),
    }),
    ...sqlScrollRoutes({ dataset, scrolls: store<SqlCursor>('sql') }),
  ];
}
