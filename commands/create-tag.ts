import { isConnectorError, type ConnectorError } from '../runtime/errors/connector-error.js';
import { apiPath } from '../runtime/http/api-path.js';
import type { HttpResponse } from '../runtime/http/client.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { recordOf } from './shared/shapes.js';

type TagStatus = 'Created' | 'Already Existed' | 'Created or Already Existed';

const ALREADY_EXISTS = /already exist/i;

/**
 * Creates a project tag. The API returns an existing tag instead of failing; a 409 or a refusal
 * saying the tag already exists is read the same way, so running the command twice is safe.
 * Which shape the answer takes is not settled: the tag object `{data: {title}}` and the tagging
 * task object `{data: {add_tags, ...}}` are both read. Only a 201 or an "already exists" message
 * tells whether the tag is new; a plain 200 leaves it open.
 */
export default async function createTag({
  inputs,
  client,
  logger,
}: CommandContext): Promise<CommandResult> {
  const projectId = String(inputs['Project ID']);
  const tagName = String(inputs['Tag Name']);
  const path = apiPath`/v2/projects/${projectId}/tags/${tagName}`;

  let response: HttpResponse;
  try {
    response = await client.request({ method: 'POST', path });
  } catch (error) {
    if (!isExistingTag(error)) throw error;
    logger.debug({ statusCode: error.statusCode }, 'tag already exists');
    return tagResult({ data: { title: tagName } }, tagName, 'Already Existed');
  }

  const body = recordOf(response.data);
  const status: TagStatus = ALREADY_EXISTS.test(messageOf(body))
    ? 'Already Existed'
    : response.status === 201
      ? 'Created'
      : 'Created or Already Existed';
  const rawData = 'data' in body ? body : { ...body, data: { title: tagName } };
  return tagResult(rawData, titleOf(body.data) ?? tagName, status);
}

function tagResult(rawData: unknown, title: string, status: TagStatus): CommandResult {
  return { rawData, keyFields: { 'Tag Name': title, 'Tag Status': status } };
}

function isExistingTag(error: unknown): error is ConnectorError {
  if (!isConnectorError(error)) return false;
  if (error.statusCode === 409) return true;
  const refused = error.statusCode === 400 || error.statusCode === 422;
  return refused && ALREADY_EXISTS.test(error.message);
}

/** `data.title` of the tag object, else the first of `data.add_tags` of the task object. */
function titleOf(data: unknown): string | undefined {
  const record = recordOf(data);
  if (typeof record.title === 'string' && record.title !== '') return record.title;
  const added = record.add_tags;
  if (!Array.isArray(added)) return undefined;
  return added.find((tag): tag is string => typeof tag === 'string');
}

function messageOf(body: Record<string, unknown>): string {
  const { message, detail } = body;
  return [message, detail].filter((text) => typeof text === 'string').join(' ');
}
