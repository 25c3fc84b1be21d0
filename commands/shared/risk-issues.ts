import { createHash } from 'node:crypto';
import type { SnapshotDiff } from './risk-history.js';
import { recordOf } from './shapes.js';

export type IssueStatus = 'Added' | 'Resolved';

/** A risk rule that was added to or removed from the project in one snapshot. */
export type Issue = Record<string, unknown> & {
  snapshot: string;
  Status: IssueStatus;
  host: string | null;
  unique_key: string;
};

/** One host's issue changes in one snapshot. */
export interface HostIncident {
  unique_key: string;
  origin_id: string;
  title: string;
  description: string;
  severity: 'High' | 'Medium' | 'Low';
  host: string | null;
  snapshot: string;
  risk_score: number | null;
  issues: Record<string, unknown>[];
}

/**
 * A key that stays the same for the same change on every run, whatever else the API sends with
 * it, so that a SOAR platform (and the fetch state) can drop a change delivered twice.
 */
export function stableKey(...parts: (string | null)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** Every added and removed rule of a snapshot, each with the snapshot's facts and its key. */
export function issuesOf(diff: SnapshotDiff, projectId: string): Issue[] {
  const made = (rule: Record<string, unknown>, status: IssueStatus): Issue => {
    const host = hostOf(rule);
    return {
      ...rule,
      snapshot: diff.snapshot,
      previous_snapshot: diff.previousSnapshot,
      risk_score: diff.riskScore,
      Status: status,
      host,
      project_id: projectId,
      unique_key: stableKey(projectId, diff.snapshot, host, String(rule.id ?? ''), status),
    };
  };
  return [
    ...diff.added.map((rule) => made(rule, 'Added')),
    ...diff.removed.map((rule) => made(rule, 'Resolved')),
  ];
}

/**
 * The host an issue is about: the first example entity, domains before IPs. Rules of the history
 * endpoint carry `example_entities`; a rule without any (some removed rules) has no host.
 */
export function hostOf(rule: Record<string, unknown>): string | null {
  const entities = recordOf(rule.example_entities);
  for (const kind of ['domains', 'ips']) {
    const list = entities[kind];
    const example = Array.isArray(list) ? recordOf(list[0]).example : undefined;
    if (typeof example === 'string' && example !== '') return example;
  }
  return null;
}

const SEVERITY_RANK = { High: 3, Medium: 2, Low: 1 } as const;
const SEVERITY_OF: Record<string, HostIncident['severity']> = {
  high: 'High',
  moderate: 'Medium',
  informational: 'Low',
};

/** One incident per host and snapshot, in the order the issues came. */
export function incidentsOf(issues: Issue[], projectId: string): HostIncident[] {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const key = JSON.stringify([issue.snapshot, issue.host]);
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  return [...groups.values()].map((group) => incidentOf(group, projectId));
}

function incidentOf(issues: Issue[], projectId: string): HostIncident {
  const [first] = issues as [Issue, ...Issue[]];
  const { host, snapshot } = first;
  const added = issues.filter((issue) => issue.Status === 'Added').length;
  const resolved = issues.length - added;
  const subject = host ?? `Project ${projectId}`;

  return {
    // The issues are part of the key: a snapshot resumed later makes a second, different incident.
    unique_key: stableKey(
      projectId,
      snapshot,
      host,
      'incident',
      ...issues.map((issue) => issue.unique_key),
    ),
    origin_id: `${projectId}/${snapshot}/${host ?? '-'}`,
    title: `${subject}: ${plural(added, 'issue')} added, ${resolved} resolved (snapshot ${snapshot})`,
    description: issues.map(describe).join('\n'),
    severity: highestSeverity(issues),
    host,
    snapshot,
    risk_score: typeof first.risk_score === 'number' ? first.risk_score : null,
    issues: issues.map((issue) => ({
      id: issue.id ?? null,
      name: issue.name ?? null,
      classification: issue.classification ?? null,
      Status: issue.Status,
      unique_key: issue.unique_key,
    })),
  };
}

/** Unknown classifications count as Low: an incident is never left without a severity. */
function highestSeverity(issues: Issue[]): HostIncident['severity'] {
  return issues
    .map((issue) => SEVERITY_OF[String(issue.classification)] ?? 'Low')
    .reduce((best, next) => (SEVERITY_RANK[next] > SEVERITY_RANK[best] ? next : best), 'Low');
}

function describe(issue: Issue): string {
  const name = typeof issue.name === 'string' ? `: ${issue.name}` : '';
  return `${issue.Status} [${String(issue.classification ?? 'unknown')}] ${String(issue.id)}${name}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
