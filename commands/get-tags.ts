import { apiPath } from '../runtime/http/api-path.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { listAllPages } from './shared/list-all-pages.js';
import { recordOf } from './shared/shapes.js';

/** Lists the project's user-defined tags. */
export default async function getTags(context: CommandContext): Promise<CommandResult> {
  const projectId = String(context.inputs['Project ID']);

  const path = apiPath`/v2/projects/${projectId}/tags`;
  const list = await listAllPages(context, path, { items: tagsOf, noun: 'tags' });

  const titles = list.items
    .map((tag) => tag.title)
    .filter((title): title is string => typeof title === 'string');
  return {
    rawData: list.rawData,
    keyFields: { 'Tag Count': list.items.length, 'Tag Titles': titles },
    warnings: list.warnings,
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
