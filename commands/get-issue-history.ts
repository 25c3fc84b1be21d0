import { ConnectorError } from '../runtime/errors/connector-error.js';
import { apiPath } from '../runtime/http/api-path.js';
import { paginate } from '../runtime/http/paginate.js';
import { parseDateTime } from '../runtime/inputs/dates.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import {
  CLASSIFICATIONS,
  RULE_ACTIONS,
  filterEntry,
  mergeSnapshots,
  rulesOf,
  type RuleFilter,
} from './shared/history-filters.js';
import { listOf, numberOr, recordOf } from './shared/shapes.js';

type Item = Record<string, unknown>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** The API has been seen without any pagination; this bounds a `total_pages` that never ends. */
const MAX_PAGES = 100;

/**
 * The project's rule changes per snapshot between Start Time and End Time. The filters are sent
 * to the API and applied again to what comes back, since the API may ignore them; `start` and
 * `end` go as Unix seconds. Pages are followed when the response carries `meta.pagination`.
 */
export default async function getIssueHistory(context: CommandContext): Promise<CommandResult> {
  const { inputs, client } = context;
  const projectId = String(inputs['Project ID']);
  const window = timeWindow(inputs['Start Time'], inputs['End Time'], context.now());
  const action =
    inputs['Rule Action'] === undefined ? undefined : RULE_ACTIONS[String(inputs['Rule Action'])];
  const classifications =
    inputs.Classification === undefined
      ? undefined
      : CLASSIFICATIONS[String(inputs.Classification)];
  const text = typeof inputs.Query === 'string' ? inputs.Query : undefined;

  const path = apiPath`/v1/asi/rules/history/${projectId}/activity`;
  const query = {
    start: window.start,
    end: window.end,
    rule_action: action,
    classification: classifications?.join(','),
    query: text,
  };
  let first: unknown;
  let totalPages = 1;
  const result = await paginate<Item>({
    pageSize: 1,
    maxPages: MAX_PAGES,
    onPage: context.progress,
    fetchPage: async (cursor) => {
      const page = cursor === undefined ? 1 : Number(cursor);
      const body = await client.get(path, { ...query, ...(page > 1 && { page }) });
      first ??= body;
      const pagination = recordOf(recordOf(recordOf(body).meta).pagination);
      totalPages = numberOr(pagination.total_pages, 1) ?? 1;
      return {
        items: listOf(body),
        nextCursor: page < totalPages ? String(page + 1) : undefined,
        total: undefined,
      };
    },
  });

  const filter: RuleFilter = {
    actions: action === undefined ? ['added', 'removed'] : [action],
    classifications,
    text: text?.toLowerCase(),
  };
  const entries = mergeSnapshots(result.items)
    .map((entry) => filterEntry(entry, filter))
    .filter((entry): entry is Item => entry !== undefined);

  return {
    rawData: { ...recordOf(first), data: entries },
    keyFields: summary(entries),
    warnings: result.pages < totalPages ? [unreadPages(result.pages, totalPages)] : [],
  };
}

function unreadPages(pages: number, totalPages: number): string {
  const why = pages >= MAX_PAGES ? `stopped at the cap of ${MAX_PAGES} pages` : 'a page was empty';
  return (
    `Read ${pages} of ${totalPages} pages of history (${why}); later snapshots may be missing. ` +
    'Narrow Start Time and End Time.'
  );
}

/** Unix seconds; End Time defaults to now and Start Time to 24 hours before End Time. */
function timeWindow(start: unknown, end: unknown, now: number): { start: number; end: number } {
  const endMs = end === undefined ? now : epochOf('End Time', end);
  const startMs = start === undefined ? endMs - DAY_MS : epochOf('Start Time', start);
  if (startMs >= endMs) {
    const endText = end === undefined ? `now (${new Date(endMs).toISOString()})` : String(end);
    throw new ConnectorError(
      'INPUT_INVALID',
      `Start Time must be before End Time; got Start Time ${String(start)} and End Time ` +
        `${endText}. Give a Start Time earlier than the End Time.`,
      { details: { parameter: 'Start Time', start, end: end ?? null } },
    );
  }
  return { start: Math.floor(startMs / 1000), end: Math.floor(endMs / 1000) };
}

function epochOf(parameter: string, value: unknown): number {
  const parsed = parseDateTime(String(value));
  if (parsed.ok) return parsed.epochMs;
  throw new ConnectorError(
    'INPUT_INVALID',
    `${parameter} must be a date-time; got '${String(value)}': ${parsed.reason}.`,
    { details: { parameter, value } },
  );
}

/** Snapshots are `YYYY-MM-DD HH:MM:SS`, so the latest is the greatest string. */
function summary(entries: Item[]): Record<string, unknown> {
  const latest = entries
    .filter((entry) => typeof entry.snapshot === 'string')
    .reduce<Item | undefined>(
      (best, entry) =>
        best === undefined || String(entry.snapshot) > String(best.snapshot) ? entry : best,
      undefined,
    );
  const count = (list: string) =>
    entries.reduce((sum, entry) => sum + rulesOf(entry[list]).length, 0);

  return {
    Snapshots: entries.length,
    'Added Rules': count('added_rules'),
    'Removed Rules': count('removed_rules'),
    'Latest Snapshot': latest?.snapshot ?? null,
    'Latest Risk Score': numberOr(latest?.risk_score, undefined) ?? null,
  };
}
