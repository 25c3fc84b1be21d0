import type { Connector } from '../connector.js';
import type { Envelope, ExecuteOptions } from '../types.js';
import {
  evaluateReference,
  resolveValue,
  UnresolvedReference,
  type ReferenceScope,
} from './references.js';
import type {
  PlaybookStep,
  RunSummary,
  StepFailure,
  StepOutput,
  StepSummary,
  UnrunOutput,
} from './types.js';

export interface StepContext {
  connector: Pick<Connector, 'execute'>;
  connection: unknown;
  executeOptions: ExecuteOptions;
  now: () => number;
}

interface Run {
  output: Envelope | UnrunOutput;
  summary: RunSummary;
}

/** Runs a step once, or once per element of its forEach list, in order. */
export async function runStep(
  step: PlaybookStep,
  steps: Record<string, StepOutput>,
  context: StepContext,
): Promise<{ summary: StepSummary; output: StepOutput }> {
  const started = context.now();
  if (step.forEach === undefined) {
    const run = await runOnce(step, { steps }, context);
    return { summary: summarize(step, [run], context.now() - started), output: run.output };
  }

  let items: unknown[];
  try {
    items = listAt(step.forEach, { steps });
  } catch (error) {
    const run = unrun(step, failureOf(error, 'forEach'), 0);
    return { summary: summarize(step, [run], context.now() - started), output: run.output };
  }

  const runs: Run[] = [];
  for (const [index, item] of items.entries()) {
    const run = await runOnce(step, { steps, item, index }, context);
    runs.push({ ...run, summary: { ...run.summary, item: index } });
    if (run.summary.outcome === 'Failed' && step.onFailure === 'stop') break;
  }
  const summary = summarize(step, runs, context.now() - started);
  const output = {
    command: step.command,
    returnData: summary.outcome === 'Failed' ? 'Failed' : 'Successful',
    items,
    runs: runs.map((run) => run.output),
    rawData: runs.map((run) => run.output.rawData),
  } as const;
  return { summary, output };
}

async function runOnce(
  step: PlaybookStep,
  scope: ReferenceScope,
  context: StepContext,
): Promise<Run> {
  const started = context.now();
  const inputs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(step.inputs)) {
    try {
      inputs[name] = resolveValue(value, scope);
    } catch (error) {
      return unrun(step, failureOf(error, name), context.now() - started);
    }
  }

  const envelope = await context.connector.execute(
    step.command,
    inputs,
    context.connection,
    context.executeOptions,
  );
  const { error } = envelope;
  const summary: RunSummary = {
    outcome: envelope.returnData,
    durationMs: envelope.durationMs,
    ...(envelope.keyFields && { keyFields: envelope.keyFields }),
    ...(envelope.warnings && { warnings: envelope.warnings }),
    ...(error && {
      error: {
        message: error.message,
        code: error.code,
        failureIndicator: error.failureIndicator,
        statusCode: error.statusCode,
      },
    }),
  };
  return { output: envelope, summary };
}

/** The elements a forEach path selects: one list's elements, or every match of a wildcard path. */
function listAt(path: string, scope: ReferenceScope): unknown[] {
  const found = evaluateReference(path, scope);
  if (Array.isArray(found)) return found;
  throw new UnresolvedReference(
    path,
    `forEach needs a list, and ${path} selects ${typeof found === 'object' ? 'an object' : `a ${typeof found}`}`,
  );
}

function failureOf(error: unknown, input: string): StepFailure {
  if (!(error instanceof UnresolvedReference)) throw error;
  return {
    message: error.message,
    code: 'REFERENCE_UNRESOLVED',
    reference: error.reference,
    input,
  };
}

function unrun(step: PlaybookStep, failure: StepFailure, durationMs: number): Run {
  const where = failure.input === 'forEach' ? 'forEach' : `Input "${failure.input}"`;
  const named = { ...failure, message: `${where}: ${failure.message}` };
  return {
    output: { command: step.command, returnData: 'Failed', rawData: null, failure: named },
    summary: { outcome: 'Failed', durationMs, error: named },
  };
}

function summarize(step: PlaybookStep, runs: Run[], durationMs: number): StepSummary {
  const failed = runs.find((run) => run.summary.outcome === 'Failed');
  return {
    id: step.id,
    command: step.command,
    outcome: failed === undefined ? 'Successful' : 'Failed',
    durationMs,
    runs: runs.map((run) => run.summary),
    ...(failed?.summary.error && { error: failed.summary.error }),
  };
}
