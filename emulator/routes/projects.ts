import type { RouteContext } from '../context.js';
import { isoNoZone, isoZ } from '../data/time.js';
import type { ProjectData } from '../data/world.js';
import { ok } from '../responses.js';
import type { Route } from '../types.js';
import { QueryReader, validationFailed } from '../validation.js';

function maxExposureScore(project: ProjectData): number | null {
  let max = -1;
  for (const score of project.table.score) max = Math.max(max, score);
  return max < 0 ? null : max;
}

/**
 * A project as listed. A project that has never been scanned lacks `last_scanned_at` and
 * `max_exposure_score` altogether, as the third project of the recorded list does.
 */
function projectJson(ctx: RouteContext, project: ProjectData): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: project.profile.id,
    inserted_at: isoNoZone(project.profile.insertedAt),
  };
  const snapshots = ctx.world.snapshotsOf(project);
  const latest = snapshots[snapshots.length - 1];
  if (latest !== undefined) out.last_scanned_at = isoZ(ctx.world.timeline.times[latest] ?? 0);
  const max = maxExposureScore(project);
  if (max !== null) out.max_exposure_score = max;
  out.scanning_enabled = true;
  out.title = project.profile.title;
  return out;
}

export function projectRoutes(ctx: RouteContext): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/v2/projects',
      handle(req) {
        const reader = new QueryReader(req.query);
        const direction = reader.oneOf('sort_direction', ['asc', 'desc'] as const) ?? 'asc';
        if (!reader.ok) return validationFailed(reader.issues);

        const sign = direction === 'asc' ? 1 : -1;
        const projects = [...ctx.world.projects].sort(
          (a, b) => (a.profile.insertedAt - b.profile.insertedAt) * sign,
        );
        const data = projects.map((p) => projectJson(ctx, p));
        return ok({
          data,
          meta: {
            counts: { returned: data.length, total: data.length },
            request_id: ctx.requestId(),
          },
        });
      },
    },
  ];
}
