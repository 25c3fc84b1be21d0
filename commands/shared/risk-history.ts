import { apiPath } from '../../runtime/http/api-path.js';
import { paginate } from '../../runtime/http/paginate.js';
import { parseDateTime, toSnapshotTime } from '../../runtime/inputs/dates.js';
import type { CommandContext } from '../../runtime/types.js';
import { listOf, numberOr, recordOf } from './shapes.js';

/** One snapshot's changes to the project's risk rules, merged over every entry and page. */
export interface SnapshotDiff {
  /** `YYYY-MM-DD HH:MM:SS` (UTC), whatever form the API used. */
  snapshot: string;
  epochMs: number;
  previousSnapshot: string | null;
  riskScore: number | null;
  added: Record<string, unknown>[];
  removed: Record<string, unknown>[];
}

export interface HistoryRead {
  /** Oldest first. */
  diffs: SnapshotDiff[];
  /** False when a page cap or an early empty page left pages of the window unread. */
  complete: boolean;
  pages: number;
  totalPages: number;
  /** False when a page held a snapshot older than one on an earlier page. */
  ascending: boolean;
  /** `snapshot` values that are not a time, so cannot be placed against the fetch state. */
  unreadable: string[];
}

/** A snapshot spanning more pages than this cannot be resumed past; the cap keeps a run bounded. */
export const MAX_HISTORY_PAGES = 50;

/**
 * Reads the history activity of a project between two Unix times. The API has been seen with no
 * pagination at all; when `meta.pagination.total_pages` is present, pages 2 to total_pages follow.
 */
export async function readRiskHistory(
  context: CommandContext,
  projectId: string,
  window: { start: number; end: number },
): Promise<HistoryRead> {
  const path = apiPath`/v1/asi/rules/history/${projectId}/activity`;
  let lastPage = 0;
  let totalPages = 1;

  const result = await paginate<Record<string, unknown>>({
    pageSize: 1,
    maxPages: MAX_HISTORY_PAGES,
    onPage: context.progress,
    fetchPage: async (cursor) => {
      const page = cursor === undefined ? 1 : Number(cursor);
      const body = await context.client.get(path, { ...window, ...(page > 1 && { page }) });
      const pagination = recordOf(recordOf(recordOf(body).meta).pagination);
      lastPage = page;
      totalPages = Math.max(1, numberOr(pagination.total_pages, 1) ?? 1);
      const nextCursor = page < totalPages ? String(page + 1) : undefined;
      return { items: listOf(body), nextCursor, total: undefined };
    },
  });

  const { diffs, ascending, unreadable } = mergeBySnapshot(result.items);
  return {
    diffs,
    complete: lastPage >= totalPages,
    pages: result.pages,
    totalPages,
    ascending,
    unreadable,
  };
}

function mergeBySnapshot(entries: Record<string, unknown>[]) {
  const bySnapshot = new Map<string, SnapshotDiff>();
  const unreadable: string[] = [];
  let ascending = true;
  let newest = Number.NEGATIVE_INFINITY;

  for (const entry of entries) {
    const parsed = typeof entry.snapshot === 'string' ? parseDateTime(entry.snapshot) : undefined;
    if (parsed === undefined || !parsed.ok) {
      unreadable.push(String(entry.snapshot));
      continue;
    }
    if (parsed.epochMs < newest) ascending = false;
    newest = Math.max(newest, parsed.epochMs);

    const snapshot = toSnapshotTime(parsed.epochMs);
    const diff = bySnapshot.get(snapshot) ?? emptyDiff(snapshot, parsed.epochMs, entry);
    diff.added.push(...rulesOf(entry.added_rules));
    diff.removed.push(...rulesOf(entry.removed_rules));
    bySnapshot.set(snapshot, diff);
  }

  const diffs = [...bySnapshot.values()].sort((a, b) => a.epochMs - b.epochMs);
  return { diffs, ascending, unreadable };
}

function emptyDiff(
  snapshot: string,
  epochMs: number,
  entry: Record<string, unknown>,
): SnapshotDiff {
  const previous = entry.previous_snapshot;
  return {
    snapshot,
    epochMs,
    previousSnapshot: typeof previous === 'string' ? previous : null,
    riskScore: numberOr(entry.risk_score, undefined) ?? null,
    added: [],
    removed: [],
  };
}

function rulesOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(recordOf) : [];
}
