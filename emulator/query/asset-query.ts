import { buildOrder } from '../data/asset-order.js';
import type { Direction, SortField } from '../data/asset-order.js';
import type { ProjectData } from '../data/world.js';
import type { Predicate } from './filter-kinds.js';

export interface AssetQuery {
  sortBy: SortField;
  direction: Direction;
  predicates: Predicate[];
  /** Canonical text of the filter parameters, the cache key of the result. */
  filterKey: string;
  usesTags: boolean;
}

interface CachedResult {
  tagVersion: number;
  list: Int32Array;
}

const MAX_CACHED_RESULTS = 16;

/**
 * Sorted orders and recent filter results of one project. Walking 100,000 assets page by page
 * would otherwise re-sort and re-filter on every page; a result that depends on tags is
 * recomputed once the project's tags change.
 */
class ProjectQueries {
  private readonly orders = new Map<string, Int32Array>();
  private readonly results = new Map<string, CachedResult>();

  constructor(private readonly project: ProjectData) {}

  order(sortBy: SortField, direction: Direction): Int32Array {
    const key = `${sortBy}:${direction}`;
    let order = this.orders.get(key);
    if (order === undefined) {
      order = buildOrder(this.project.table, sortBy, direction);
      this.orders.set(key, order);
    }
    return order;
  }

  run(query: AssetQuery): Int32Array {
    const order = this.order(query.sortBy, query.direction);
    if (query.predicates.length === 0) return order;
    const key = `${query.sortBy}:${query.direction}:${query.filterKey}`;
    const version = query.usesTags ? this.project.tags.version : -1;
    const cached = this.results.get(key);
    if (cached !== undefined && cached.tagVersion === version) return cached.list;

    const matches: number[] = [];
    for (const i of order) {
      if (query.predicates.every((test) => test(i))) matches.push(i);
    }
    const list = Int32Array.from(matches);
    this.results.delete(key);
    this.results.set(key, { tagVersion: version, list });
    if (this.results.size > MAX_CACHED_RESULTS) {
      const oldest = this.results.keys().next().value;
      if (oldest !== undefined) this.results.delete(oldest);
    }
    return list;
  }
}

const byProject = new WeakMap<ProjectData, ProjectQueries>();

/** Indexes of the assets matching the query, in the query's order. */
export function matchingAssets(project: ProjectData, query: AssetQuery): Int32Array {
  let queries = byProject.get(project);
  if (queries === undefined) {
    queries = new ProjectQueries(project);
    byProject.set(project, queries);
  }
  return queries.run(query);
}
