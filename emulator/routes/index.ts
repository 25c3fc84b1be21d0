import type { RouteContext } from '../context.js';
import type { Route } from '../types.js';
import { accountRoutes } from './account.js';
import { assetRoutes } from './assets.js';
import { byHostRoutes } from './by-host.js';
import { exposureRoutes } from './exposures.js';
import { historyRoutes } from './history.js';
import { issueRoutes } from './issues.js';
import { projectRoutes } from './projects.js';
import { tagRoutes } from './tags.js';

/** Every public API route: ours plus the exploration routes (DSL, scroll, SQL). */
export function apiRoutes(ctx: RouteContext, exploration: readonly Route[]): Route[] {
  return [
    ...accountRoutes(ctx),
    ...projectRoutes(ctx),
    ...tagRoutes(ctx),
    ...assetRoutes(ctx),
    ...exposureRoutes(ctx),
    ...issueRoutes(ctx),
    ...historyRoutes(ctx),
    ...byHostRoutes(ctx),
    ...exploration,
  ];
}
