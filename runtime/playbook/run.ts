import type { Connector } from '../connector.js';
import type { ExecuteOptions } from '../types.js';
import { closestNames } from '../suggest.js';
import { parsePlaybook, PlaybookError } from './parse.js';
import { runStep } from './step.js';
import type { Playbook, PlaybookRun, PlaybookSummary, StepOutput, StepSummary } from './types.js';

export interface RunPlaybookOptions {
  connector: Pick<Connector, 'execute' | 'commands'>;
  connection: unknown;
  /** Passed to every command (logger, deadline, dateOrder, ...); `signal` also stops the playbook. */
  executeOptions?: ExecuteOptions;
  /** Called as each step finishes or is skipped, for progress output. */
  onStep?: (step: StepSummary) => void;
  now?: () => number;
}

/**
 * Runs the steps in order. A failed step with onFailure "stop" skips every step after it; with
 * "continue" the playbook goes on, and still counts as Failed. Throws PlaybookError before any
 * step runs when the playbook is malformed or names a command the connector does not have.
 */
export async function runPlaybook(
  source: Playbook | unknown,
  options: RunPlaybookOptions,
): Promise<PlaybookRun> {
  const playbook = parsePlaybook(source);
  checkCommands(
    playbook,
    options.connector.commands.map((command) => command.name),
  );
  const now = options.now ?? Date.now;
  const started = now();
  const signal = options.executeOptions?.signal;
  const context = {
    connector: options.connector,
    connection: options.connection,
    executeOptions: options.executeOptions ?? {},
    now,
  };

  const outputs: Record<string, StepOutput> = {};
  const steps: StepSummary[] = [];
  let stoppedBy: string | undefined;
  for (const step of playbook.steps) {
    let summary: StepSummary;
    if (stoppedBy !== undefined || signal?.aborted === true) {
      const reason =
        stoppedBy === undefined
          ? 'the playbook was interrupted'
          : `step "${stoppedBy}" failed and stops the playbook`;
      summary = {
        id: step.id,
        command: step.command,
        outcome: 'Skipped',
        durationMs: 0,
        runs: [],
        skipped: reason,
      };
    } else {
      const ran = await runStep(step, outputs, context);
      outputs[step.id] = ran.output;
      summary = ran.summary;
      if (summary.outcome === 'Failed' && step.onFailure === 'stop') stoppedBy = step.id;
    }
    steps.push(summary);
    options.onStep?.(summary);
  }

  return { summary: summarize(playbook, steps, started, now() - started), outputs };
}

function checkCommands(playbook: Playbook, known: string[]): void {
  for (const step of playbook.steps) {
    if (known.includes(step.command)) continue;
    const close = closestNames(step.command, known);
    const hint = close.length > 0 ? ` Did you mean "${close.join('" or "')}"?` : '';
    throw new PlaybookError(
      `Step "${step.id}" names the command "${step.command}", which does not exist.${hint}`,
    );
  }
}

function summarize(
  playbook: Playbook,
  steps: StepSummary[],
  started: number,
  durationMs: number,
): PlaybookSummary {
  const count = (outcome: StepSummary['outcome']) =>
    steps.filter((step) => step.outcome === outcome).length;
  const failed = count('Failed');
  return {
    playbook: playbook.name,
    outcome: failed === 0 && count('Skipped') === 0 ? 'Passed' : 'Failed',
    startedAt: new Date(started).toISOString(),
    durationMs,
    counts: {
      successful: count('Successful'),
      failed,
      skipped: count('Skipped'),
      commandRuns: steps.flatMap((step) => step.runs).filter(reachedCommand).length,
    },
    steps,
  };
}

function reachedCommand(run: StepSummary['runs'][number]): boolean {
  return run.error?.code !== 'REFERENCE_UNRESOLVED';
}
