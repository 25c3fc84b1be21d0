import { apiPath } from '../runtime/http/api-path.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { listOf, recordOf } from './shared/shapes.js';
import {
  incompletenessWarnings,
  listingTotal,
  mergedMeta,
  readV2Listing,
  V2_MAX_PAGE_SIZE,
  type Item,
} from './shared/v2-listing.js';

/** Key field per API severity; a missing or unrecognised severity counts as unknown. */
const SEVERITY_FIELDS = {
  critical: 'Critical Exposures',
  moderate: 'Moderate Exposures',
  informational: 'Informational Exposures',
  unknown: 'Unknown Severity Exposures',
} as const;

type Severity = keyof typeof SEVERITY_FIELDS;

/**
 * Lists the exposures (signatures with their affected asset count) detected in a project, every
 * page of them. Severity is a minimum: Moderate returns moderate and critical exposures.
 */
export default async function listExposures(context: CommandContext): Promise<CommandResult> {
  const { inputs, client, progress } = context;
  const cve = inputs.CVE as string | undefined;
  const severity = inputs.Severity as string | undefined;

  const listing = await readV2Listing({
    client,
    path: apiPath`/v2/projects/${inputs['Project ID']}/exposures`,
    query: { filter_cve_id: cve?.toUpperCase(), filter_severity_min: severity?.toLowerCase() },
    itemsOf: listOf,
    pageSize: V2_MAX_PAGE_SIZE,
    progress,
  });
  const exposures = listing.items;

  return {
    rawData: { data: exposures, meta: mergedMeta(listing) },
    keyFields: {
      'Total Exposures': listingTotal(listing),
      'Signature IDs': exposures.map((exposure) => recordOf(exposure.signature).id),
      ...severityCounts(exposures),
    },
    warnings: incompletenessWarnings(listing, 'exposures'),
  };
}

function severityCounts(exposures: Item[]): Record<string, number> {
  const counts = { critical: 0, moderate: 0, informational: 0, unknown: 0 };
  for (const exposure of exposures) counts[severityOf(exposure)] += 1;
  return Object.fromEntries(
    Object.entries(counts).map(([severity, count]) => [
      SEVERITY_FIELDS[severity as Severity],
      count,
    ]),
  );
}

function severityOf(exposure: Item): Severity {
  const severity = recordOf(exposure.signature).severity;
  return typeof severity === 'string' && Object.hasOwn(SEVERITY_FIELDS, severity)
    ? (severity as Severity)
    : 'unknown';
}
