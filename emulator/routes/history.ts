import type { RouteContext } from '../context.js';
import { projectRoute } from '../context.js';
import { issueJson, sortIssues } from '../data/issue-view.js';
import { ruleOf } from '../data/rules.js';
import { snapshotText } from '../data/time.js';
import type { ProjectData } from '../data/world.js';
import { echoInstant, readInstant, readPositive, readRuleFilter } from '../query/history-params.js';
import type { RuleFilter } from '../query/history-params.js';
import { isResponse, ok, projectNotFoundV1 } from '../responses.js';
import type { EmulatorRequest, EmulatorResponse, Route } from '../types.js';

interface Diff {
  added: number[];
  removed: number[];
}

/** Rules that appeared and disappeared between two snapshots, after the request's filters. */
function diff(project: ProjectData, k: number, previous: number | null, filter: RuleFilter): Diff {
  const now = project.history.rulesAt(k) ?? [];
  const before = previous === null ? [] : (project.history.rulesAt(previous) ?? []);
  const keep = (r: number) => filter.test(ruleOf(r));
  return {
    added: filter.action === 'removed' ? [] : now.filter((r) => !before.includes(r) && keep(r)),
    removed: filter.action === 'added' ? [] : before.filter((r) => !now.includes(r) && keep(r)),
  };
}

/**
 * Get Issue History: one entry per snapshot newer than `start` and not newer than `end`, oldest
 * first, each against the snapshot before it. Entries left without rules by the filters are
 * dropped.
 */
function activity(ctx: RouteContext, project: ProjectData, req: EmulatorRequest): EmulatorResponse {
  const start = readInstant(req.query, 'start');
  if (isResponse(start)) return start;
  const end = readInstant(req.query, 'end');
  if (isResponse(end)) return end;
  const filter = readRuleFilter(req.query);
  if (isResponse(filter)) return filter;
  const page = readPositive(req.query, 'page', 1, 1_000_000);
  if (isResponse(page)) return page;
  const limit = readPositive(req.query, 'limit', 100, 1000);
  if (isResponse(limit)) return limit;

  const times = ctx.world.timeline.times;
  const entries: Record<string, unknown>[] = [];
  for (const k of ctx.world.snapshotsOf(project)) {
    const t = times[k] ?? 0;
    if ((start !== null && t <= start) || (end !== null && t > end)) continue;
    const previous = k > project.history.firstSnapshot ? k - 1 : null;
    const change = diff(project, k, previous, filter);
    if (change.added.length + change.removed.length === 0) continue;
    entries.push({
      snapshot: snapshotText(t),
      previous_snapshot: previous === null ? null : snapshotText(times[previous] ?? 0),
      risk_score: ctx.world.riskScore(project, k),
      previous_risk_score: previous === null ? 0 : ctx.world.riskScore(project, previous),
      counts: { added_rules: change.added.length, removed_rules: change.removed.length },
      added_rules: sortIssues(project, change.added).map((r) => issueJson(project, r, true)),
      removed_rules: sortIssues(project, change.removed).map((r) => issueJson(project, r, true)),
    });
  }

  const totalPages = Math.max(1, Math.ceil(entries.length / limit));
  const data = entries.slice((page - 1) * limit, page * limit);
  const meta: Record<string, unknown> = {
    params: {
      classification: filter.classifications,
      end: echoInstant(end),
      query: filter.query,
      rule_action: filter.action,
      start: echoInstant(start),
    },
    project_id: project.profile.id,
  };
  if (totalPages > 1) {
    meta.counts = { returned: data.length, total: entries.length };
    meta.pagination = { page, total_pages: totalPages };
  }
  return ok({ data, meta });
}

export function historyRoutes(ctx: RouteContext): Route[] {
  return [
    projectRoute(
      ctx,
      'GET',
      '/v1/asi/rules/history/:projectId/activity',
      (p, req) => activity(ctx, p, req),
      projectNotFoundV1,
    ),
  ];
}
