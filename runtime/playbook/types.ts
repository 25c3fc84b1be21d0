import type { ErrorCode } from '../errors/catalog.js';
import type { Envelope } from '../types.js';

export type OnFailure = 'stop' | 'continue';

export interface PlaybookStep {
  /** Names the step in references: `$.steps.<id>`. Letters, digits, `_` and `-`. */
  id: string;
  command: string;
  description?: string;
  /** Input values; strings may hold `{{ <JSONPath> }}` references to earlier steps or the item. */
  inputs: Record<string, unknown>;
  /** A JSONPath into an earlier step that selects a list; the step runs once per element. */
  forEach?: string;
  /** Whether a failure of this step stops the playbook; default "stop". */
  onFailure: OnFailure;
}

export interface Playbook {
  name: string;
  description?: string;
  steps: PlaybookStep[];
}

/** Why a step, or one run of it, failed: the command's Error tab or an unresolved reference. */
export interface StepFailure {
  message: string;
  code: ErrorCode | 'REFERENCE_UNRESOLVED';
  failureIndicator?: string;
  statusCode?: number | null;
  /** The reference that could not be resolved, as written in the playbook. */
  reference?: string;
  /** The input that held it. */
  input?: string;
}

/** A run that never reached the command because an input reference did not resolve. */
export interface UnrunOutput {
  command: string;
  returnData: 'Failed';
  rawData: null;
  failure: StepFailure;
}

/** What `$.steps.<id>` holds for a `forEach` step: every run, and their raw data side by side. */
export interface ForEachOutput {
  command: string;
  returnData: 'Successful' | 'Failed';
  items: unknown[];
  runs: (Envelope | UnrunOutput)[];
  rawData: unknown[];
}

/** What `$.steps.<id>` holds: the envelope of a single run, or the runs of a forEach step. */
export type StepOutput = Envelope | ForEachOutput | UnrunOutput;

export interface RunSummary {
  outcome: 'Successful' | 'Failed';
  /** Position in the forEach list; absent for a step that runs once. */
  item?: number;
  durationMs: number;
  keyFields?: Record<string, unknown>;
  warnings?: string[];
  error?: StepFailure;
}

export type StepOutcome = 'Successful' | 'Failed' | 'Skipped';

export interface StepSummary {
  id: string;
  command: string;
  outcome: StepOutcome;
  durationMs: number;
  runs: RunSummary[];
  /** The first failure, when the step failed. */
  error?: StepFailure;
  /** Why the step did not run. */
  skipped?: string;
}

/** The playbook summary, written as JSON by `soar-connector playbook --summary FILE`. */
export interface PlaybookSummary {
  playbook: string;
  outcome: 'Passed' | 'Failed';
  startedAt: string;
  durationMs: number;
  counts: { successful: number; failed: number; skipped: number; commandRuns: number };
  steps: StepSummary[];
}

export interface PlaybookRun {
  summary: PlaybookSummary;
  /** Each step's output by step id, as references saw it. */
  outputs: Record<string, StepOutput>;
}
