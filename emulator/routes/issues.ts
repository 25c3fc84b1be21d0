import type { RouteContext } from '../context.js';
import { projectRoute } from '../context.js';
import { issueJson, sortIssues } from '../data/issue-view.js';
import { ruleOf } from '../data/rules.js';
import { parseSnapshotText, snapshotText } from '../data/time.js';
import type { ProjectData } from '../data/world.js';
import { message, ok, projectNotFoundV1 } from '../responses.js';
import type { EmulatorRequest, EmulatorResponse, Route } from '../types.js';

/** Resolves `recent` or a `YYYY-MM-DD HH:MM:SS` snapshot to a global snapshot index. */
function snapshotIndex(
  ctx: RouteContext,
  project: ProjectData,
  text: string,
): number | EmulatorResponse | undefined {
  const snapshots = ctx.world.snapshotsOf(project);
  if (text === 'recent') return snapshots[snapshots.length - 1];
  const time = parseSnapshotText(text);
  if (time === undefined)
    return message(
      400,
      `Invalid snapshot: expected "recent" or YYYY-MM-DD HH:MM:SS, got "${text}".`,
    );
  const k = snapshots.find((s) => ctx.world.timeline.times[s] === time);
  return k ?? message(404, 'Snapshot Not Found.');
}

/**
 * Get Current Issues: the rules active in a snapshot. A project with no finished scan answers with
 * an empty list and a null snapshot.
 */
function currentIssues(
  ctx: RouteContext,
  project: ProjectData,
  req: EmulatorRequest,
): EmulatorResponse {
  const k = snapshotIndex(ctx, project, req.params.snapshot ?? 'recent');
  if (typeof k === 'object') return k;

  const rules = k === undefined ? [] : sortIssues(project, project.history.rulesAt(k) ?? []);
  const counts = { high: 0, moderate: 0, informational: 0 };
  rules.forEach((r) => (counts[ruleOf(r).classification] += 1));
  return ok({
    data: rules.map((r) => issueJson(project, r, false)),
    meta: {
      counts,
      project_id: project.profile.id,
      project_title: project.profile.title,
      snapshot: k === undefined ? null : snapshotText(ctx.world.timeline.times[k] ?? 0),
    },
  });
}

export function issueRoutes(ctx: RouteContext): Route[] {
  return [
    projectRoute(
      ctx,
      'GET',
      '/v1/asi/rules/:projectId/:snapshot/issues',
      (p, req) => currentIssues(ctx, p, req),
      projectNotFoundV1,
    ),
  ];
}
