import { ConnectorError } from '../runtime/errors/connector-error.js';
import { apiPath } from '../runtime/http/api-path.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { numberOr, recordOf } from './shared/shapes.js';

/**
 * Reads one asset with the enrichments named in Additional Fields, sent comma-joined. Naming any
 * field replaces the API's default of custom_tags, so Custom Tags is null when custom_tags was
 * not asked for rather than an empty list that would read as "no tags".
 */
export default async function getAssetDetails({
  inputs,
  client,
}: CommandContext): Promise<CommandResult> {
  const projectId = String(inputs['Project ID']);
  const assetId = String(inputs['Asset ID']);
  const fields = inputs['Additional Fields'] as string[];

  const path = apiPath`/v2/projects/${projectId}/assets/${assetId}`;
  const body = await client.get(path, { additional_fields: fields.join(',') });

  const data = recordOf(body).data;
  const asset = recordOf(Array.isArray(data) ? data[0] : data);
  if (Object.keys(asset).length === 0) {
    throw new ConnectorError(
      'RESPONSE_INVALID',
      `SecurityTrails answered GET ${path} without the asset in data.`,
      { statusCode: 200, details: { path } },
    );
  }

  return { rawData: body, keyFields: keyFieldsOf(asset, assetId) };
}

function keyFieldsOf(asset: Record<string, unknown>, assetId: string): Record<string, unknown> {
  const resolvedIps = asset.resolved_ips;
  return {
    'Asset ID': textOr(asset.id) ?? assetId,
    'Asset Type': textOr(asset.type) ?? null,
    'Apex Domain': textOr(asset.apex_domain) ?? null,
    'Exposure Score': numberOr(asset.exposure_score, undefined) ?? null,
    'Custom Tags': Array.isArray(asset.custom_tags) ? asset.custom_tags : null,
    'Resolved IP Count': Array.isArray(resolvedIps) ? resolvedIps.length : 0,
    'Last Scanned At': textOr(asset.last_scanned_at) ?? null,
  };
}

function textOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
