import { apiPath } from '../runtime/http/api-path.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import {
  addedWindow,
  ASSET_TYPES,
  commaList,
  otherFilterParams,
  SORT_FIELDS,
} from './shared/asset-filters.js';
import { listOf } from './shared/shapes.js';
import {
  incompletenessWarnings,
  listingTotal,
  mergedMeta,
  readV2Listing,
  V2_MAX_PAGE_SIZE,
} from './shared/v2-listing.js';

/**
 * Lists a project's assets matching the filters. Without Limit every matching asset is read,
 * 1000 per page (the API maximum); with Limit the pages stop at exactly that many assets.
 */
export default async function findAssets(context: CommandContext): Promise<CommandResult> {
  const { inputs, client, now, logger, progress } = context;
  const limit = inputs.Limit as number | undefined;
  const window = addedWindow(inputs['Start Time'], inputs['End Time'], now());
  logger.debug({ added: window }, 'added-to-project window');

  const query = {
    ...otherFilterParams(inputs['Other Filters']),
    sort_by: SORT_FIELDS[String(inputs.Sort)],
    sort_direction: 'desc',
    asset_type: ASSET_TYPES[String(inputs['Asset Type'])],
    custom_tags: commaList(inputs.Tags),
    added_to_project_after: window.start,
    added_to_project_before: window.before,
    additional_fields: commaList(inputs['Additional Fields']),
  };

  const listing = await readV2Listing({
    client,
    path: apiPath`/v2/projects/${inputs['Project ID']}/assets`,
    query,
    itemsOf: listOf,
    pageSize: Math.min(limit ?? V2_MAX_PAGE_SIZE, V2_MAX_PAGE_SIZE),
    limit,
    progress,
  });
  const assets = listing.items;

  return {
    rawData: { data: assets, meta: mergedMeta(listing) },
    keyFields: {
      'Total Assets': listingTotal(listing),
      'Returned Assets': assets.length,
      Pages: listing.pages,
      'Asset IDs': assets.map((asset) => asset.id),
    },
    warnings: incompletenessWarnings(listing, 'assets', limit),
  };
}
