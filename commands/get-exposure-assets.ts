import { apiPath } from '../runtime/http/api-path.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { recordOf } from './shared/shapes.js';
import {
  incompletenessWarnings,
  mergedMeta,
  readV2Listing,
  V2_MAX_PAGE_SIZE,
  type Item,
} from './shared/v2-listing.js';

/**
 * Lists every asset affected by one exposure signature. Each page repeats the signature next
 * to its slice of `asset_exposures`; the merged result keeps the signature once, from the first
 * page that has one.
 */
export default async function getExposureAssets(context: CommandContext): Promise<CommandResult> {
  const { inputs, client, progress } = context;
  const signatureId = inputs['Signature ID'] as string;
  let signature: Record<string, unknown> | undefined;

  const itemsOf = (body: Record<string, unknown>): Item[] => {
    const data = recordOf(body.data);
    const pageSignature = recordOf(data.signature);
    if (signature === undefined && Object.keys(pageSignature).length > 0) {
      signature = pageSignature;
    }
    return Array.isArray(data.asset_exposures) ? data.asset_exposures.map(recordOf) : [];
  };

  const listing = await readV2Listing({
    client,
    path: apiPath`/v2/projects/${inputs['Project ID']}/exposures/${signatureId}`,
    query: {},
    itemsOf,
    pageSize: V2_MAX_PAGE_SIZE,
    progress,
  });
  const assetExposures = listing.items;

  return {
    rawData: {
      data: { signature: signature ?? null, asset_exposures: assetExposures },
      meta: mergedMeta(listing),
    },
    keyFields: {
      'Signature ID': signature?.id ?? signatureId,
      Severity: signature?.severity ?? null,
      'Asset Count': assetExposures.length,
      'Asset IDs': assetExposures.map((exposure) => exposure.asset_id),
    },
    warnings: incompletenessWarnings(listing, 'asset exposures'),
  };
}
