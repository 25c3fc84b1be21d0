import type { RouteContext } from '../context.js';
import { projectRoute } from '../context.js';
import { compareKeys, keyOf, positionAfter } from '../data/asset-order.js';
import { decodeCursor, encodeCursor } from '../data/cursor.js';
import { exposureOfAsset, signaturePublic } from '../data/exposure-view.js';
import { SEVERITY_RANK } from '../data/signature-types.js';
import type { SignatureDef } from '../data/signature-types.js';
import { SIGNATURES } from '../data/signatures.js';
import type { ProjectData } from '../data/world.js';
import { readExposureFilter } from '../query/exposure-filters.js';
import { detail, ok } from '../responses.js';
import type { EmulatorRequest, EmulatorResponse, Route } from '../types.js';
import { QueryReader, validationFailed } from '../validation.js';

/** The project's signatures with at least one asset: most severe first, then most widespread. */
function summaries(project: ProjectData): { sig: SignatureDef; count: number }[] {
  return SIGNATURES.map((sig, s) => ({ sig, count: project.signatureAssets[s]?.length ?? 0 }))
    .filter((entry) => entry.count > 0)
    .sort(
      (a, b) =>
        SEVERITY_RANK[b.sig.severity] - SEVERITY_RANK[a.sig.severity] ||
        b.count - a.count ||
        a.sig.id.localeCompare(b.sig.id),
    );
}

/** List Exposures: the cursor is a plain offset such as "100", as recorded. */
function listExposures(
  ctx: RouteContext,
  project: ProjectData,
  req: EmulatorRequest,
): EmulatorResponse {
  const reader = new QueryReader(req.query);
  const limit = reader.int('limit', { min: 1, max: 1000 }) ?? 100;
  const offset = reader.int('cursor', { min: 0 }) ?? 0;
  const filter = readExposureFilter(reader);
  if (!reader.ok) return validationFailed(reader.issues);

  const matches = summaries(project).filter((entry) => filter.test(entry.sig));
  const page = matches.slice(offset, offset + limit);
  const end = offset + page.length;
  return ok({
    data: page.map((entry) => ({
      signature: signaturePublic(entry.sig),
      asset_count: entry.count,
    })),
    meta: {
      counts: { returned: page.length, total: matches.length },
      pagination: {
        limit,
        next_cursor: end < matches.length ? String(end) : null,
        total: matches.length,
      },
      params: { filter: filter.echo },
      request_id: ctx.requestId(),
    },
  });
}

const sortedBySignature = new WeakMap<Int32Array, Int32Array>();

/** A signature's assets by exposure score, highest first; ties by asset id, also descending. */
function assetsOf(project: ProjectData, s: number): Int32Array {
  const assets = project.signatureAssets[s] ?? new Int32Array(0);
  let sorted = sortedBySignature.get(assets);
  if (sorted === undefined) {
    const { table } = project;
    sorted = Int32Array.from(assets).sort((a, b) =>
      compareKeys(keyOf(table, a, 'exposure_score'), keyOf(table, b, 'exposure_score'), 'desc'),
    );
    sortedBySignature.set(assets, sorted);
  }
  return sorted;
}

function findSignature(id: string): number {
  const exact = SIGNATURES.findIndex((sig) => sig.id === id);
  return exact >= 0
    ? exact
    : SIGNATURES.findIndex((sig) => sig.id.toLowerCase() === id.toLowerCase());
}

/**
 * Get Exposure Assets. Like Find Assets, a short last page still carries a cursor (recorded with
 * total 5 and all 5 returned); `meta` has no `counts`, as recorded.
 */
function exposureAssets(
  ctx: RouteContext,
  project: ProjectData,
  req: EmulatorRequest,
): EmulatorResponse {
  const id = req.params.signatureId ?? '';
  const reader = new QueryReader(req.query);
  const limit = reader.int('limit', { min: 1, max: 1000 }) ?? 100;
  const rawCursor = reader.raw('cursor');
  const after = rawCursor === undefined || rawCursor === '' ? undefined : decodeCursor(rawCursor);
  if (
    rawCursor !== undefined &&
    rawCursor !== '' &&
    (after === undefined || typeof after.value === 'string')
  ) {
    reader.fail('cursor', 'value_error', 'Value error, Invalid pagination cursor', rawCursor);
  }
  if (!reader.ok) return validationFailed(reader.issues);
  const s = findSignature(id);
  const sig = SIGNATURES[s];
  if (sig === undefined) return detail(404, `Signature ${id} not found.`);

  const { table } = project;
  const assets = assetsOf(project, s);
  const start =
    after === undefined ? 0 : positionAfter(table, assets, 'exposure_score', 'desc', after);
  const page = assets.subarray(start, start + limit);
  const last = page[page.length - 1];
  return ok({
    data: {
      signature: signaturePublic(sig),
      asset_exposures: Array.from(page, (i) => exposureOfAsset(table, i, sig)),
    },
    meta: {
      pagination: {
        limit,
        next_cursor:
          last === undefined ? null : encodeCursor(keyOf(table, last, 'exposure_score'), 'desc'),
        sort: [['exposure_score', 'desc']],
        total: assets.length,
      },
      params: { signature_id: sig.id },
      request_id: ctx.requestId(),
    },
  });
}

export function exposureRoutes(ctx: RouteContext): Route[] {
  return [
    projectRoute(ctx, 'GET', '/v2/projects/:projectId/exposures', (p, req) =>
      listExposures(ctx, p, req),
    ),
    projectRoute(ctx, 'GET', '/v2/projects/:projectId/exposures/:signatureId', (p, req) =>
      exposureAssets(ctx, p, req),
    ),
  ];
}
