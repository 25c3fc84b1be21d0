import type { Logger } from 'pino';
import type { Connector } from '../connector.js';
import { ConnectorError } from '../errors/connector-error.js';
import type { Envelope, ErrorPayload, ExecuteOptions } from '../types.js';
import { lineKey, type IntakeLine, type IntakeOutput } from './output.js';
import type { StateStore } from './state-store.js';

export const FETCH_COMMAND = 'Fetch Incident';

/** What the store keeps per project: the command's fetch state and the output's saved end. */
export interface IntakeRecord {
  fetchState: unknown;
  outputPosition?: number;
}

export interface IntakeOptions {
  connector: Pick<Connector, 'execute'>;
  connection: unknown;
  projectId: string;
  store: StateStore;
  output: IntakeOutput;
  logger: Logger;
  /** Start Time of a run with no saved state; the command's default (24 h back) otherwise. */
  startTime?: string;
  executeOptions?: ExecuteOptions;
  /** Runs after the output is written and before the state is saved. */
  beforeSave?: () => void | Promise<void>;
}

export interface IntakeRun {
  returnData: Envelope['returnData'];
  events: number;
  incidents: number;
  /** Lines already on the output from a run that stopped before saving its state. */
  skipped: number;
  state: unknown;
  warnings: string[];
  error?: ErrorPayload;
}

export function stateKey(projectId: string): string {
  return `fetch-incident:${projectId}`;
}

/**
 * One intake run: Fetch Incident from the saved state, the mapped events and incidents written
 * to the output, then the new state saved. A Failed run writes nothing and keeps the state, so
 * the next run fetches the same window again.
 */
export async function runIntake(options: IntakeOptions): Promise<IntakeRun> {
  const { store, output, projectId, logger } = options;
  const key = stateKey(projectId);
  const record = readRecord(await store.load(key), key);
  const written = await output.uncommitted(record?.outputPosition);

  const envelope = await options.connector.execute(
    FETCH_COMMAND,
    inputsFor(options, record),
    options.connection,
    options.executeOptions,
  );
  const warnings = envelope.warnings ?? [];
  if (envelope.returnData === 'Failed') {
    return {
      returnData: 'Failed',
      events: 0,
      incidents: 0,
      skipped: 0,
      state: record?.fetchState ?? null,
      warnings,
      ...(envelope.error && { error: envelope.error }),
    };
  }

  const lines = linesOf(envelope);
  const fresh = lines.filter((line) => !written.has(lineKey(line)));
  const position = await output.write(fresh);
  await options.beforeSave?.();

  const state = envelope.state ?? record?.fetchState ?? null;
  await store.save(key, {
    fetchState: state,
    ...(position !== undefined && { outputPosition: position }),
  });
  logger.debug(
    { projectId, lines: fresh.length, skipped: lines.length - fresh.length },
    'intake run saved',
  );

  return {
    returnData: 'Successful',
    events: fresh.filter((line) => line.type === 'event').length,
    incidents: fresh.filter((line) => line.type === 'incident').length,
    skipped: lines.length - fresh.length,
    state,
    warnings,
  };
}

function inputsFor(
  options: IntakeOptions,
  record: IntakeRecord | undefined,
): Record<string, unknown> {
  const inputs: Record<string, unknown> = { 'Project ID': options.projectId };
  if (record?.fetchState != null) inputs['Previous Snapshot Fetch State'] = record.fetchState;
  else if (options.startTime !== undefined) inputs['Start Time'] = options.startTime;
  return inputs;
}

/**
 * Pairs each mapped event and incident with its item's unique key: the mapping's "Unique Key"
 * field when it has one, else the key of the item at the same place in Issues or Results.
 */
function linesOf(envelope: Envelope): IntakeLine[] {
  const raw = (envelope.rawData ?? {}) as { Issues?: unknown[]; Results?: unknown[] };
  const keyed =
    (type: IntakeLine['type'], items: unknown[] | undefined) =>
    (fields: Record<string, unknown>, index: number): IntakeLine => {
      const own = fields['Unique Key'];
      const item = items?.[index] as { unique_key?: unknown } | undefined;
      const key = typeof own === 'string' ? own : item?.unique_key;
      return { type, unique_key: typeof key === 'string' ? key : null, fields };
    };
  return [
    ...(envelope.events ?? []).map(keyed('event', raw.Issues)),
    ...(envelope.incidents ?? []).map(keyed('incident', raw.Results)),
  ];
}

function readRecord(value: unknown, key: string): IntakeRecord | undefined {
  if (value === undefined) return undefined;
  const record = value as Partial<IntakeRecord> | null;
  const position = record?.outputPosition;
  const valid =
    record !== null &&
    typeof record === 'object' &&
    !Array.isArray(record) &&
    'fetchState' in record &&
    (position === undefined || (Number.isInteger(position) && position >= 0));
  if (valid) return record as IntakeRecord;
  throw new ConnectorError(
    'STATE_INVALID',
    `The saved state of ${key} must be {"fetchState": ..., "outputPosition": n}; got ` +
      `${JSON.stringify(value)}. Repair it, or remove the entry to start again from Start Time.`,
    { details: { key } },
  );
}
