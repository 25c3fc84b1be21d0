import { apiPath } from '../../runtime/http/api-path.js';
import type { CommandContext, CommandResult } from '../../runtime/types.js';
import { recordOf } from './shapes.js';

export type TagAction = 'add' | 'remove';

const REQUEST_FIELD = { add: 'add_tags', remove: 'remove_tags' } as const;
const TAGS_KEY = { add: 'Tags Added', remove: 'Tags Removed' } as const;

/**
 * Adds or removes tags on one asset with the bulk form of the tagging endpoint, one request for
 * every tag. Tagging is asynchronous: the API waits about two seconds and, when the change is not
 * finished by then, answers `complete: false` with task ids. That is reported as a warning with
 * the way to check, not hidden. `complete` absent counts as false, its documented default.
 */
export async function changeAssetTags(
  { inputs, client }: CommandContext,
  action: TagAction,
): Promise<CommandResult> {
  const projectId = String(inputs['Project ID']);
  const assetId = String(inputs['Asset ID']);
  const tags = inputs.Tags as string[];
  const field = REQUEST_FIELD[action];

  const path = apiPath`/v2/projects/${projectId}/assets/${assetId}/tags`;
  const body = await client.post(path, { [field]: tags });

  const data = recordOf(recordOf(body).data);
  const complete = data.complete === true;
  const taskIds = stringsOf(data.task_ids);
  const echoed = stringsOf(data[field]);
  return {
    rawData: body,
    keyFields: {
      'Asset ID': stringsOf(data.assets)[0] ?? assetId,
      [TAGS_KEY[action]]: echoed.length > 0 ? echoed : tags,
      Complete: complete,
      'Task IDs': taskIds,
    },
    warnings: complete ? [] : [pendingWarning(projectId, taskIds)],
  };
}

function pendingWarning(projectId: string, taskIds: string[]): string {
  const start =
    'SecurityTrails accepted the tag change but had not finished it when it answered; ' +
    'the tags apply after a short delay.';
  if (taskIds.length === 0) {
    return `${start} No task id was returned: run Get Asset Details later to confirm.`;
  }
  const statusPath = apiPath`/v2/projects/${projectId}/tags/_task_status/`;
  return (
    `${start} Check progress with GET ${statusPath}{task_id} for task ${taskIds.join(', ')}, ` +
    'or run Get Asset Details later.'
  );
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
