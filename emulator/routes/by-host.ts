import type { RouteContext } from '../context.js';
import { projectRoute } from '../context.js';
import { hostRiskScore, hostRuleJson } from '../data/issue-view.js';
import { ruleOf } from '../data/rules.js';
import { snapshotText } from '../data/time.js';
import type { ProjectData } from '../data/world.js';
import { readInstant, readPositive, readRuleFilter } from '../query/history-params.js';
import { isResponse, ok, projectNotFoundV1 } from '../responses.js';
import type { EmulatorRequest, EmulatorResponse, Route } from '../types.js';

interface HostChange {
  i: number;
  added: number[];
  removed: number[];
  score: number;
  previousScore: number;
}

/** The snapshot to compare the latest against: the newest one not after `last_checked`. */
function baseline(
  ctx: RouteContext,
  project: ProjectData,
  latest: number,
  lastChecked: number | null,
): number | null {
  const snapshots = ctx.world.snapshotsOf(project).filter((k) => k < latest);
  if (lastChecked === null) return snapshots[snapshots.length - 1] ?? null;
  const older = snapshots.filter((k) => (ctx.world.timeline.times[k] ?? 0) <= lastChecked);
  return older[older.length - 1] ?? null;
}

/**
 * Fetch Incident's per-host comparison: every host whose rules changed between the latest snapshot
 * and the one current at `last_checked`, highest risk first. `limit` truncates the host list and
 * `meta.counts.hosts.total` tells how many there were, with no cursor, as recorded.
 */
function compare(ctx: RouteContext, project: ProjectData, req: EmulatorRequest): EmulatorResponse {
  const lastChecked = readInstant(req.query, 'last_checked');
  if (isResponse(lastChecked)) return lastChecked;
  const filter = readRuleFilter(req.query);
  if (isResponse(filter)) return filter;
  const limit = readPositive(req.query, 'limit', 100, 10_000);
  if (isResponse(limit)) return limit;

  const params = {
    classification: filter.classifications,
    query: filter.query,
    rule_action: filter.action,
  };
  const snapshots = ctx.world.snapshotsOf(project);
  const latest = snapshots[snapshots.length - 1];
  const times = ctx.world.timeline.times;
  if (latest === undefined || (lastChecked !== null && (times[latest] ?? 0) <= lastChecked)) {
    return ok({ data: [], meta: { counts: { hosts: { returned: 0, total: 0 } }, params } });
  }
  const previous = baseline(ctx, project, latest, lastChecked);
  const now = project.history.rulesAt(latest) ?? [];
  const before = previous === null ? [] : (project.history.rulesAt(previous) ?? []);
  const keep = (r: number) => filter.test(ruleOf(r));
  const added =
    filter.action === 'removed' ? [] : now.filter((r) => !before.includes(r) && keep(r));
  const removed =
    filter.action === 'added' ? [] : before.filter((r) => !now.includes(r) && keep(r));

  const hosts = new Map<number, HostChange>();
  const touch = (i: number) => {
    let change = hosts.get(i);
    if (change === undefined) {
      change = {
        i,
        added: [],
        removed: [],
        score: hostRiskScore(project, now, i),
        previousScore: hostRiskScore(project, before, i),
      };
      hosts.set(i, change);
    }
    return change;
  };
  added.forEach((r) => project.ruleAssets[r]?.forEach((i) => touch(i).added.push(r)));
  removed.forEach((r) => project.ruleAssets[r]?.forEach((i) => touch(i).removed.push(r)));

  const names = project.table.names;
  const ranked = [...hosts.values()].sort(
    (a, b) => b.score - a.score || (names[a.i] ?? '').localeCompare(names[b.i] ?? ''),
  );
  const data = ranked.slice(0, limit).map((h) => ({
    id: names[h.i],
    snapshot: snapshotText(times[latest] ?? 0),
    previous_snapshot: previous === null ? null : snapshotText(times[previous] ?? 0),
    risk_score: h.score,
    previous_risk_score: h.previousScore,
    counts: { added_rules: h.added.length, removed_rules: h.removed.length },
    added_rules: h.added.map((r) => hostRuleJson(project, r, h.i)),
    removed_rules: h.removed.map((r) => hostRuleJson(project, r, h.i)),
  }));
  return ok({
    data,
    meta: { counts: { hosts: { returned: data.length, total: ranked.length } }, params },
  });
}

export function byHostRoutes(ctx: RouteContext): Route[] {
  return [
    projectRoute(
      ctx,
      'GET',
      '/v1/asi/rules/history/:projectId/activity/by_host/compare',
      (p, req) => compare(ctx, p, req),
      projectNotFoundV1,
    ),
  ];
}
