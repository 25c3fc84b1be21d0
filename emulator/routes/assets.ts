import type { RouteContext } from '../context.js';
import { projectRoute } from '../context.js';
import { assetDocument } from '../data/asset-document.js';
import { keyOf, positionAfter } from '../data/asset-order.js';
import { encodeCursor } from '../data/cursor.js';
import { assetExposure } from '../data/exposure-view.js';
import type { ProjectData } from '../data/world.js';
import { matchingAssets } from '../query/asset-query.js';
import { readAdditionalFields, readFindAssets } from '../query/find-assets-params.js';
import { assetNotFound, ok } from '../responses.js';
import type { EmulatorRequest, EmulatorResponse, Route } from '../types.js';
import { QueryReader, validationFailed } from '../validation.js';

/**
 * Find Assets. `next_cursor` points after the last asset of every non-empty page, so a short last
 * page still carries one, as recorded; following it returns an empty page with a null cursor.
 */
function findAssets(
  ctx: RouteContext,
  project: ProjectData,
  req: EmulatorRequest,
): EmulatorResponse {
  const parsed = readFindAssets(req.query, project);
  if (Array.isArray(parsed)) return validationFailed(parsed);

  const { table } = project;
  const { sortBy, direction } = parsed.query;
  const matches = matchingAssets(project, parsed.query);
  const start =
    parsed.after === undefined ? 0 : positionAfter(table, matches, sortBy, direction, parsed.after);
  const page = matches.subarray(start, start + parsed.limit);
  const last = page[page.length - 1];

  const data = Array.from(page, (i) => assetDocument(project, i, parsed.fields, ctx.world.base));
  const nextCursor =
    last === undefined ? null : encodeCursor(keyOf(table, last, sortBy), direction);
  return ok({
    data,
    meta: {
      counts: { returned: data.length, total: matches.length },
      pagination: {
        limit: parsed.limit,
        next_cursor: nextCursor,
        sort: [[sortBy, direction]],
        total: matches.length,
      },
      params: parsed.params,
      request_id: ctx.requestId(),
    },
  });
}

function findAsset(project: ProjectData, req: EmulatorRequest): number | undefined {
  return project.table.byName.get((req.params.assetId ?? '').toLowerCase());
}

function assetDetails(
  ctx: RouteContext,
  project: ProjectData,
  req: EmulatorRequest,
): EmulatorResponse {
  const reader = new QueryReader(req.query);
  const fields = readAdditionalFields(reader);
  if (!reader.ok) return validationFailed(reader.issues);
  const i = findAsset(project, req);
  if (i === undefined) return assetNotFound(req.params.assetId ?? '');

  return ok({
    data: assetDocument(project, i, fields, ctx.world.base),
    meta: {
      counts: { returned: 1, total: 1 },
      params: { asset_id: project.table.names[i] },
      request_id: ctx.requestId(),
    },
  });
}

function assetExposures(
  ctx: RouteContext,
  project: ProjectData,
  req: EmulatorRequest,
): EmulatorResponse {
  const i = findAsset(project, req);
  if (i === undefined) return assetNotFound(req.params.assetId ?? '');
  const data = project.table.signatures(i).map((sig) => assetExposure(project.table, i, sig));
  return ok({
    data,
    meta: {
      counts: { returned: data.length, total: data.length },
      params: { asset_id: project.table.names[i] },
      request_id: ctx.requestId(),
    },
  });
}

export function assetRoutes(ctx: RouteContext): Route[] {
  return [
    projectRoute(ctx, 'GET', '/v2/projects/:projectId/assets', (p, req) => findAssets(ctx, p, req)),
    projectRoute(ctx, 'GET', '/v2/projects/:projectId/assets/:assetId', (p, req) =>
      assetDetails(ctx, p, req),
    ),
    projectRoute(ctx, 'GET', '/v2/projects/:projectId/assets/:assetId/exposures', (p, req) =>
      assetExposures(ctx, p, req),
    ),
  ];
}
