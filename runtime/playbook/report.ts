import type { PlaybookSummary, StepSummary } from './types.js';

const MARK = { Successful: '✔', Failed: '✘', Skipped: '-' } as const;
const KEY_FIELD_CHARS = 120;

/** Runs of a forEach step whose key fields are shown; the summary file keeps all of them. */
const RUNS_SHOWN = 3;

/**
 * One line per step as it finishes, then indented lines: the failure or skip reason, or the key
 * fields of a successful run (of the first few runs for a forEach step).
 */
export function formatStep(step: StepSummary): string {
  const runs = step.runs.length === 1 ? '' : `, ${describeRuns(step)}`;
  const timing = step.outcome === 'Skipped' ? '' : ` (${step.durationMs} ms${runs})`;
  const lines = [`${MARK[step.outcome]} ${step.id}: ${step.command} ${step.outcome}${timing}`];

  if (step.skipped !== undefined) lines.push(`    skipped: ${step.skipped}`);
  if (step.error !== undefined) {
    const { code, statusCode, message } = step.error;
    const status = statusCode === undefined ? '' : ` [status ${statusCode ?? 'none'}]`;
    lines.push(`    ${code}${status}: ${message}`);
  }
  if (step.outcome !== 'Successful') return lines.join('\n');

  for (const run of step.runs.slice(0, RUNS_SHOWN)) {
    if (run.keyFields === undefined) continue;
    const position = run.item === undefined ? '' : `[${run.item}] `;
    lines.push(`    ${position}${describeKeyFields(run.keyFields)}`);
  }
  if (step.runs.length > RUNS_SHOWN)
    lines.push(`    ... ${step.runs.length - RUNS_SHOWN} more runs`);
  return lines.join('\n');
}

export function formatSummary(summary: PlaybookSummary): string {
  const { successful, failed, skipped, commandRuns } = summary.counts;
  const total = summary.steps.length;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  return (
    `Playbook "${summary.playbook}" ${summary.outcome}: ${successful} of ${total} steps successful, ` +
    `${failed} failed, ${skipped} skipped (${plural(commandRuns, 'command run')}, ${seconds} s).`
  );
}

function describeRuns(step: StepSummary): string {
  const failed = step.runs.filter((run) => run.outcome === 'Failed').length;
  const runs = plural(step.runs.length, 'run');
  return failed === 0 ? runs : `${runs}, ${failed} failed`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function describeKeyFields(keyFields: Record<string, unknown>): string {
  const text = Object.entries(keyFields)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
  return text.length > KEY_FIELD_CHARS ? `${text.slice(0, KEY_FIELD_CHARS)}...` : text;
}
