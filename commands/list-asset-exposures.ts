import { apiPath } from '../runtime/http/api-path.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { recordOf, totalOf } from './shared/shapes.js';
import { readV2Listing, UNPAGED_MAX_PAGES, wholeListWarnings } from './shared/v2-listing.js';

type Exposure = Record<string, unknown>;

/** Lowest to highest; v1's `high` is the level v2 calls `critical`. */
const SEVERITY_RANK: Record<string, number> = {
  unknown: 0,
  informational: 1,
  moderate: 2,
  high: 3,
  critical: 3,
};

/**
 * Lists an asset's exposures with their ports, signatures and extracted details. `data` is
 * documented as a list of AssetExposure, but one client reads it as the asset itself; that form
 * is accepted too, its `exposures` taken as the list.
 */
export default async function listAssetExposures(context: CommandContext): Promise<CommandResult> {
  const projectId = String(context.inputs['Project ID']);
  const assetId = String(context.inputs['Asset ID']);

  const listing = await readV2Listing({
    client: context.client,
    path: apiPath`/v2/projects/${projectId}/assets/${assetId}/exposures`,
    itemsOf: exposuresOf,
    totalOf: (body) => (assetFormOf(body) === undefined ? totalOf(body) : undefined),
    maxPages: UNPAGED_MAX_PAGES,
    progress: context.progress,
  });
  const exposures = listing.items;

  return {
    rawData: { ...listing.last, data: exposures },
    keyFields: {
      'Exposure Count': exposures.length,
      'Signature IDs': [...new Set(exposures.map(signatureIdOf).filter(isText))],
      'Highest Severity': highestSeverity(exposures.map(severityOf).filter(isText)),
    },
    warnings: wholeListWarnings(listing, 'exposures'),
  };
}

function exposuresOf(body: unknown): Exposure[] {
  const asset = assetFormOf(body);
  if (asset !== undefined) return (asset.exposures as unknown[]).map(recordOf);
  const data = recordOf(body).data;
  if (Array.isArray(data)) return data.map(recordOf);
  return data !== null && typeof data === 'object' ? [recordOf(data)] : [];
}

/** `data` as an asset object (an `exposures` list, no `signature`), when it is one. */
function assetFormOf(body: unknown): Record<string, unknown> | undefined {
  const data = recordOf(recordOf(body).data);
  return Array.isArray(data.exposures) && data.signature === undefined ? data : undefined;
}

/** AssetExposure carries `signature.id`; an asset's embedded exposure carries `id`. */
function signatureIdOf(exposure: Exposure): unknown {
  return recordOf(exposure.signature).id ?? exposure.id;
}

function severityOf(exposure: Exposure): unknown {
  return recordOf(exposure.signature).severity ?? exposure.severity;
}

function highestSeverity(severities: string[]): string | null {
  let highest: string | null = null;
  for (const severity of severities) {
    if (highest === null || rankOf(severity) > rankOf(highest)) highest = severity;
  }
  return highest;
}

function rankOf(severity: string): number {
  return SEVERITY_RANK[severity.toLowerCase()] ?? -1;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
