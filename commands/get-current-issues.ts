import { apiPath } from '../runtime/http/api-path.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { listOf, numberOr, recordOf } from './shared/shapes.js';

/**
 * The risk issues of the project's latest snapshot (`recent`). The API does not filter or page
 * this list. The counts per classification come from `meta.counts`; when a count is missing
 * they are counted from the issues themselves.
 */
export default async function getCurrentIssues(context: CommandContext): Promise<CommandResult> {
  const projectId = String(context.inputs['Project ID']);

  const body = await context.client.get(apiPath`/v1/asi/rules/${projectId}/recent/issues`);
  const issues = listOf(body);
  const meta = recordOf(recordOf(body).meta);
  const counts = countsOf(meta.counts, issues);

  return {
    rawData: { ...recordOf(body), data: issues },
    keyFields: {
      Snapshot: meta.snapshot ?? null,
      'Project Title': meta.project_title ?? null,
      High: counts.high,
      Moderate: counts.moderate,
      Informational: counts.informational,
      'Issue Count': issues.length,
    },
  };
}

function countsOf(reported: unknown, issues: Record<string, unknown>[]) {
  const counts = recordOf(reported);
  const tally = (classification: string): number =>
    numberOr(counts[classification], undefined) ??
    issues.filter((issue) => String(issue.classification).toLowerCase() === classification).length;

  return {
    high: tally('high'),
    moderate: tally('moderate'),
    informational: tally('informational'),
  };
}
