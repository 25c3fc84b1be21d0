import { ConnectorError } from '../runtime/errors/connector-error.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { progressFrom } from './shared/fetch-progress.js';
import { readFetchState, snapshotEpochMs, type FetchState } from './shared/fetch-state.js';
import { readRiskHistory } from './shared/risk-history.js';
import { incidentsOf } from './shared/risk-issues.js';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Turns the project's risk-rule changes since the saved snapshot into events (one per added or
 * resolved issue) and incidents (one per host and snapshot). The window starts at the saved
 * snapshot when there is one, else at Start Time; the state returned is what the next run
 * resumes from, and only data received moves it.
 */
export default async function fetchIncident(context: CommandContext): Promise<CommandResult> {
  const { inputs, mappings } = context;
  if (mappings === undefined) {
    throw new ConnectorError('INTERNAL', 'Fetch Incident was loaded without its mappings.');
  }
  const projectId = String(inputs['Project ID']);
  const saved = readFetchState(inputs['Previous Snapshot Fetch State']);
  const window = windowOf(inputs, saved, context.now());

  if (window.startMs > window.endMs) {
    return unchanged(saved, [
      `The saved snapshot ${saved?.snapshot_time ?? ''} is after End Time ` +
        `${new Date(window.endMs).toISOString()}; nothing was fetched.`,
    ]);
  }

  const read = await readRiskHistory(context, projectId, {
    start: Math.floor(window.startMs / 1000),
    end: Math.floor(window.endMs / 1000),
  });
  const progress = progressFrom(read, saved, projectId);
  const rawData = { Issues: progress.issues, Results: incidentsOf(progress.issues, projectId) };
  const events = mappings.event.apply(rawData);
  const incidents = mappings.incident.apply(rawData);

  return {
    rawData,
    keyFields: keyFieldsOf(progress.snapshots, events.length, incidents.length, progress.state),
    warnings: progress.warnings,
    events,
    incidents,
    state: progress.state ?? null,
  };
}

function windowOf(
  inputs: Record<string, unknown>,
  saved: FetchState | undefined,
  now: number,
): { startMs: number; endMs: number } {
  const endMs = timeInput(inputs['End Time']) ?? now;
  // Whether `start` itself is inside the window is not documented; one second earlier makes
  // sure a snapshot to resume comes back either way. A fetched one coming back is dropped.
  if (saved !== undefined) {
    return { startMs: snapshotEpochMs(saved) - (saved.is_fetched ? 0 : 1000), endMs };
  }

  const startMs = timeInput(inputs['Start Time']) ?? endMs - DAY_MS;
  if (startMs > endMs) {
    throw new ConnectorError(
      'INPUT_INVALID',
      `Start Time must be before End Time; got Start Time ${new Date(startMs).toISOString()} ` +
        `and End Time ${new Date(endMs).toISOString()}. Swap them or widen the range.`,
      { details: { parameter: 'Start Time' } },
    );
  }
  return { startMs, endMs };
}

/** Date-time inputs arrive as ISO 8601 UTC strings, already checked. */
function timeInput(value: unknown): number | undefined {
  return typeof value === 'string' ? Date.parse(value) : undefined;
}

function unchanged(saved: FetchState | undefined, warnings: string[]): CommandResult {
  return {
    rawData: { Issues: [], Results: [] },
    keyFields: keyFieldsOf([], 0, 0, saved),
    warnings,
    events: [],
    incidents: [],
    state: saved ?? null,
  };
}

function keyFieldsOf(
  snapshots: string[],
  events: number,
  incidents: number,
  state: FetchState | undefined,
): Record<string, unknown> {
  return {
    'New Snapshots': snapshots,
    Events: events,
    Incidents: incidents,
    'Latest Snapshot': state?.snapshot_time ?? null,
    State: state ?? null,
  };
}
