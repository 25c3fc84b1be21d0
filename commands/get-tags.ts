import { apiPath } from '../runtime/http/api-path.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { recordOf } from './shared/shapes.js';
import { readV2Listing, UNPAGED_MAX_PAGES, wholeListWarnings } from './shared/v2-listing.js';

/** Lists the project's user-defined tags. */
export default async function getTags(context: CommandContext): Promise<CommandResult> {
  const projectId = String(context.inputs['Project ID']);

  const listing = await readV2Listing({
    client: context.client,
    path: apiPath`/v2/projects/${projectId}/tags`,
    itemsOf: tagsOf,
    maxPages: UNPAGED_MAX_PAGES,
    progress: context.progress,
  });
  const tags = listing.items;

  const titles = tags
    .map((tag) => tag.title)
    .filter((title): title is string => typeof title === 'string');
  return {
    rawData: { ...listing.last, data: tags },
    keyFields: { 'Tag Count': tags.length, 'Tag Titles': titles },
    warnings: wholeListWarnings(listing, 'tags'),
  };
}

/**
 * Tags as `{title}` objects. `data` absent means no tags; a bare string is taken as a title so
 * `$.data[*].title` reads the same whichever form the API used.
 */
function tagsOf(body: unknown): Record<string, unknown>[] {
  const data = recordOf(body).data;
  const entries = Array.isArray(data) ? data : data === undefined || data === null ? [] : [data];
  return entries.map((entry) => (typeof entry === 'string' ? { title: entry } : recordOf(entry)));
}
