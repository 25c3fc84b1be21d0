import type { RouteContext } from '../context.js';
import { ok } from '../responses.js';
import type { Route } from '../types.js';

export function accountRoutes(ctx: RouteContext): Route[] {
  return [
    { method: 'GET', pattern: '/v1/ping', handle: () => ok({ success: true }) },
    {
      method: 'GET',
      pattern: '/v1/account/usage',
      handle: () => {
        const usage = ctx.usage();
        return ok({ current_monthly_usage: usage.current, allowed_monthly_usage: usage.allowed });
      },
    },
  ];
}
