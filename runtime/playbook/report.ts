import type { PlaybookSummary, StepSummary } from './types.js';

const MARK = { Successful: '✔', Failed: '✘', Skipped: '-' } as const;
const KEY_FIELD_CHARS = 120;

/** One line per step as it finishes, and an indented line for its failure or skip reason. */
export function formatStep(step: StepSummary): string {
  const runs = step.runs.length === 1 ? '' : `, ${describeRuns(step)}`;
  const timing = step.outcome === 'Skipped' ? '' : ` (${step.durationMs} ms${runs})`;
  const lines = [`${MARK[step.outcome]} ${step.id}: ${step.command} ${step.outcome}${timing}`];

  if (step.outcome === 'Skipped' && step.skipped !== undefined)
    lines.push(`    skipped: ${step.skipped}`);
  if (step.error !== undefined) {
    const status =
      step.error.statusCode === undefined ? '' : ` [status ${step.error.statusCode ?? 'none'}]`;
    lines.push(`    ${step.error.code}${status}: ${step.error.message}`);
  }
  const keyFields = step.runs.length === 1 ? step.runs[0]?.keyFields : undefined;
  if (step.outcome === 'Successful' && keyFields !== undefined)
    lines.push(`    ${describeKeyFields(keyFields)}`);
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
