import type { RouteContext } from '../context.js';
import { projectRoute } from '../context.js';
import type { ProjectData } from '../data/world.js';
import { assetNotFound, detail, ok } from '../responses.js';
import type { EmulatorResponse, Route } from '../types.js';
import { validationFailed } from '../validation.js';

const MAX_TAG_LENGTH = 100;

function tagNameProblem(name: string): EmulatorResponse | undefined {
  if (name.trim() !== '' && name.length <= MAX_TAG_LENGTH) return undefined;
  return validationFailed([
    {
      type: name.trim() === '' ? 'string_too_short' : 'string_too_long',
      loc: ['path', 'tag_name'],
      msg: `Tag name must have 1 to ${MAX_TAG_LENGTH} characters`,
      input: name,
    },
  ]);
}

function stringList(value: unknown): string[] | null | undefined {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return undefined;
  return value;
}

/** Reads `{add_tags, remove_tags}`: each a list of strings or null, at least one non-empty. */
function readTagBody(
  body: unknown,
): { add: string[] | null; remove: string[] | null } | EmulatorResponse {
  const fields =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? body : undefined;
  if (fields === undefined) {
    return validationFailed([
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: body ?? null,
      },
    ]);
  }
  const { add_tags: addRaw, remove_tags: removeRaw } = fields as Record<string, unknown>;
  const add = stringList(addRaw);
  const remove = stringList(removeRaw);
  for (const [name, parsed, raw] of [
    ['add_tags', add, addRaw],
    ['remove_tags', remove, removeRaw],
  ] as const) {
    if (parsed === undefined) {
      return validationFailed([
        {
          type: 'list_type',
          loc: ['body', name],
          msg: 'Input should be a valid list of strings',
          input: raw,
        },
      ]);
    }
  }
  if ((add ?? []).length === 0 && (remove ?? []).length === 0) {
    return validationFailed([
      {
        type: 'value_error',
        loc: ['body'],
        msg: 'Value error, add_tags or remove_tags must name at least one tag',
        input: body,
      },
    ]);
  }
  return { add: add ?? null, remove: remove ?? null };
}

function tagAsset(
  ctx: RouteContext,
  project: ProjectData,
  assetId: string,
  add: string[] | null,
  remove: string[] | null,
): EmulatorResponse {
  const i = project.table.byName.get(assetId.toLowerCase());
  if (i === undefined) return assetNotFound(assetId);
  const name = project.table.names[i] ?? assetId;
  const change = { assets: [i], add: add ?? [], remove: remove ?? [] };
  const shown = { add, remove, assets: [name] };
  return ok({
    data: ctx.world.tagging.submit(
      project.profile.id,
      project.tags,
      change,
      shown,
      ctx.clock.now(),
    ),
  });
}

export function tagRoutes(ctx: RouteContext): Route[] {
  const single = (method: 'PUT' | 'DELETE'): Route =>
    projectRoute(
      ctx,
      method,
      '/v2/projects/:projectId/assets/:assetId/tags/:tagName',
      (project, req) => {
        const tag = req.params.tagName ?? '';
        const problem = tagNameProblem(tag);
        if (problem !== undefined) return problem;
        const add = method === 'PUT' ? [tag] : null;
        return tagAsset(ctx, project, req.params.assetId ?? '', add, add === null ? [tag] : null);
      },
    );
  return [
    projectRoute(ctx, 'GET', '/v2/projects/:projectId/tags', (project) => {
      const data = project.tags.list().map((title) => ({ title }));
      return ok({
        data,
        meta: {
          counts: { returned: data.length, total: data.length },
          request_id: ctx.requestId(),
        },
      });
    }),
    projectRoute(ctx, 'POST', '/v2/projects/:projectId/tags/:tagName', (project, req) => {
      const tag = req.params.tagName ?? '';
      const problem = tagNameProblem(tag);
      if (problem !== undefined) return problem;
      project.tags.define(tag);
      return ok({ data: { title: tag } });
    }),
    single('PUT'),
    single('DELETE'),
    projectRoute(ctx, 'POST', '/v2/projects/:projectId/assets/:assetId/tags', (project, req) => {
      const parsed = readTagBody(req.body);
      if ('status' in parsed) return parsed;
      return tagAsset(ctx, project, req.params.assetId ?? '', parsed.add, parsed.remove);
    }),
    projectRoute(
      ctx,
      'GET',
      '/v2/projects/:projectId/tags/_task_status/:taskId',
      (project, req) => {
        const taskId = req.params.taskId ?? '';
        const status = ctx.world.tagging.status(project.profile.id, taskId);
        return status === undefined
          ? detail(404, `Task not found: ${taskId}`)
          : ok({ data: status });
      },
    ),
  ];
}
