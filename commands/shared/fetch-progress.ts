import { MAX_STATE_KEYS, snapshotEpochMs, type FetchState } from './fetch-state.js';
import type { HistoryRead, SnapshotDiff } from './risk-history.js';
import { issuesOf, type Issue } from './risk-issues.js';

export interface FetchProgress {
  /** The snapshots that brought something to deliver or to complete, oldest first. */
  snapshots: string[];
  issues: Issue[];
  /** The state to save; the saved one, unchanged, when nothing new came. */
  state: FetchState | undefined;
  warnings: string[];
}

/**
 * Decides what a run delivers and where the next one resumes. Snapshots newer than the saved
 * one are new; the saved one itself is new again only while it is not fully fetched, and then
 * the keys already delivered from it are skipped. The state moves to the newest snapshot
 * received, marked fetched only when every page of the window was read.
 */
export function progressFrom(
  read: HistoryRead,
  saved: FetchState | undefined,
  projectId: string,
): FetchProgress {
  const fresh = read.diffs.filter((diff) => isNew(diff, saved));
  const newest = fresh[fresh.length - 1];
  const warnings = readWarnings(read);
  if (newest === undefined) return { snapshots: [], issues: [], state: saved, warnings };

  const skip = new Set(saved?.is_fetched === false ? (saved.delivered_keys ?? []) : []);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const diff of fresh) {
    const resumed = saved !== undefined && diff.snapshot === saved.snapshot_time;
    for (const issue of issuesOf(diff, projectId)) {
      if ((resumed && skip.has(issue.unique_key)) || seen.has(issue.unique_key)) continue;
      seen.add(issue.unique_key);
      issues.push(issue);
    }
  }

  const state = nextState(newest, read.complete, issues, saved, warnings);
  return { snapshots: fresh.map((diff) => diff.snapshot), issues, state, warnings };
}

function isNew(diff: SnapshotDiff, saved: FetchState | undefined): boolean {
  if (saved === undefined) return true;
  const savedMs = snapshotEpochMs(saved);
  return diff.epochMs > savedMs || (diff.epochMs === savedMs && !saved.is_fetched);
}

function nextState(
  newest: SnapshotDiff,
  complete: boolean,
  issues: Issue[],
  saved: FetchState | undefined,
  warnings: string[],
): FetchState {
  if (complete) return { snapshot_time: newest.snapshot, is_fetched: true };

  // Unread pages may still hold more of the newest snapshot: resume it, skipping what was sent.
  const earlier = saved?.snapshot_time === newest.snapshot ? (saved.delivered_keys ?? []) : [];
  const sent = issues.filter((issue) => issue.snapshot === newest.snapshot);
  const keys = [...new Set([...earlier, ...sent.map((issue) => issue.unique_key)])];
  if (keys.length > MAX_STATE_KEYS) {
    warnings.push(
      `Snapshot ${newest.snapshot} is resumed with ${keys.length} issues already delivered, more ` +
        `than the ${MAX_STATE_KEYS} keys the state keeps; the platform's unique key drops the rest.`,
    );
  }
  return {
    snapshot_time: newest.snapshot,
    is_fetched: false,
    ...(keys.length > 0 && { delivered_keys: keys.slice(-MAX_STATE_KEYS) }),
  };
}

function readWarnings(read: HistoryRead): string[] {
  const warnings: string[] = [];
  if (!read.complete) {
    warnings.push(
      `Read ${read.pages} of ${read.totalPages} pages of risk history; the next run resumes ` +
        'from the newest snapshot received.',
    );
  }
  if (!read.complete && !read.ascending) {
    warnings.push(
      'The pages did not come oldest snapshot first, so snapshots on the unread pages may be ' +
        'older than the one the next run resumes from; narrow Start Time and End Time.',
    );
  }
  if (read.unreadable.length > 0) {
    warnings.push(
      `Skipped history entries whose snapshot is not a time: ${read.unreadable.join(', ')}.`,
    );
  }
  return warnings;
}
