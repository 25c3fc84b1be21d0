import fc from 'fast-check';
import { expect } from 'vitest';
import type { FaultRule, RunningEmulator, SnapshotInfo } from '../../../emulator/index.js';
import type { Connector } from '../../../runtime/connector.js';
import type { Envelope } from '../../../runtime/types.js';
import { capturedLogger } from '../../helpers/connector.js';
import { emulatorConnection } from './fixtures.js';

const HOUR_MS = 3_600_000;

/** Snapshots the emulator adds in one chaos run: 20+ always, five times more with the full run. */
export const SNAPSHOTS = process.env.RELIABILITY_FULL === '1' ? 110 : 24;

/** What happens around one new snapshot: how many fetches, which restart, crash or fail. */
export interface Round {
  faultRate: number;
  fetches: { restart: boolean; crashBeforeSave: boolean }[];
}

export const rounds: fc.Arbitrary<Round[]> = fc.array(
  fc.record({
    faultRate: fc.constantFrom(0, 0.2, 0.5, 0.9),
    fetches: fc.array(fc.record({ restart: fc.boolean(), crashBeforeSave: fc.boolean() }), {
      minLength: 0,
      maxLength: 3,
    }),
  }),
  { minLength: SNAPSHOTS, maxLength: SNAPSHOTS },
);

/**
 * Faults drawn per request at the given rate: retried ones (503, reset, 429) that the client may
 * ride out, and ones that fail the run at once (500, malformed and truncated bodies).
 */
export function chaosFaults(rate: number): FaultRule[] {
  if (rate === 0) return [];
  const share = (part: number) => Math.min(1, rate * part);
  return [
    { rate: share(0.3), status: 503 },
    { rate: share(0.2), kind: 'reset' },
    { rate: share(0.15), status: 429, retryAfter: '1' },
    { rate: share(0.15), status: 500 },
    { rate: share(0.1), kind: 'malformed' },
    { rate: share(0.1), kind: 'truncate' },
  ];
}

/** The time a scheduled run starts: an hour after the newest scan, whatever the wall clock says. */
export function clockAfter(snapshot: SnapshotInfo): () => number {
  return () => snapshot.time + HOUR_MS;
}

/** An issue's identity independent of how its key is derived: snapshot, rule and change. */
export function issueIdentity(snapshot: unknown, ruleId: unknown, status: unknown): string {
  return `${String(snapshot)} | ${String(ruleId)} | ${String(status)}`;
}

/**
 * Every change the emulator holds for the project between two times, read with Get Issue History
 * and no faults: the issues a complete, exactly-once intake must have delivered.
 */
export async function issuesHeld(
  connector: Connector,
  emu: RunningEmulator,
  projectId: string,
  window: { start: string; end: string },
): Promise<string[]> {
  emu.setFaults([]);
  const envelope = await connector.execute(
    'Get Issue History',
    { 'Project ID': projectId, 'Start Time': window.start, 'End Time': window.end },
    emulatorConnection(emu),
    { logger: capturedLogger().logger },
  );
  expect(envelope.returnData, envelope.error?.message).toBe('Successful');
  const entries = (envelope.rawData as { data: Record<string, unknown>[] }).data;
  return entries.flatMap((entry) => [
    ...rulesOf(entry.added_rules).map((r) => issueIdentity(entry.snapshot, r.id, 'Added')),
    ...rulesOf(entry.removed_rules).map((r) => issueIdentity(entry.snapshot, r.id, 'Resolved')),
  ]);
}

/** The same changes as the emulator announced them when each snapshot was added. */
export function issuesAnnounced(snapshots: SnapshotInfo[], projectId: string): string[] {
  return snapshots.flatMap((info) => {
    const project = info.projects.find((p) => p.projectId === projectId);
    return [
      ...(project?.addedRules ?? []).map((id) => issueIdentity(info.snapshot, id, 'Added')),
      ...(project?.removedRules ?? []).map((id) => issueIdentity(info.snapshot, id, 'Resolved')),
    ];
  });
}

function rulesOf(value: unknown): { id?: unknown }[] {
  return Array.isArray(value) ? (value as { id?: unknown }[]) : [];
}

export interface Delivered {
  issue: string;
  key: string;
}

/** The issues of a Successful Fetch Incident envelope, each with its unique key. */
export function deliveredIssues(envelope: Envelope): Delivered[] {
  const raw = envelope.rawData as { Issues?: Record<string, unknown>[] };
  return (raw.Issues ?? []).map((issue) => ({
    issue: issueIdentity(issue.snapshot, issue.id, issue.Status),
    key: String(issue.unique_key),
  }));
}

/** Every key once, and the delivered issues exactly those held upstream. */
export function expectExactlyOnce(delivered: Delivered[], held: string[]): void {
  const keys = delivered.map((d) => d.key);
  const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
  expect(repeated, 'issues delivered more than once').toEqual([]);
  expect(delivered.map((d) => d.issue).sort()).toEqual([...held].sort());
}

export interface IntakeLine {
  type: string;
  unique_key: string;
  fields: Record<string, unknown>;
}

/** The complete JSON lines of an intake output file. */
export function intakeLines(text: string): IntakeLine[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as IntakeLine);
}

/** An event line as a delivered issue, through the event mapping's field names. */
export function deliveredLine(line: IntakeLine): Delivered {
  const { fields } = line;
  return {
    issue: issueIdentity(fields['Start Time'], fields['Event code'], fields.Status),
    key: line.unique_key,
  };
}
