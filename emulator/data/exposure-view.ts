import type { AssetTable } from './asset-table.js';
import { PORTS } from './services.js';
import { hash32, hexFrom } from './prng.js';
import type { SignatureDef } from './signature-types.js';

/** The signature as the API serves it: the generator's own fields left out. */
export function signaturePublic(sig: SignatureDef): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: sig.id,
    name: sig.name,
    description: sig.description,
    severity: sig.severity,
    added_at: sig.added_at,
    references: sig.references,
    vulnerabilities: sig.vulnerabilities,
  };
  if (sig.remediation_steps !== undefined) out.remediation_steps = sig.remediation_steps;
  return out;
}

/** Where the finding was seen: a URL for web findings, host:port for services, the host for DNS. */
export function exposureTarget(table: AssetTable, i: number, sig: SignatureDef): string {
  const host = table.names[i] ?? '';
  if (sig.port === null) return host;
  if (sig.path === undefined) return `${host}:${sig.port}`;
  const tls = PORTS.find((p) => p.port === sig.port)?.tls ?? false;
  return `${tls ? 'https' : 'http'}://${host}:${sig.port}${sig.path}`;
}

function extraction(table: AssetTable, i: number, sig: SignatureDef): string | undefined {
  const values = sig.extractions ?? [];
  if (values.length === 0) return undefined;
  return values[hash32(table.seed, i, values.length) % values.length];
}

export function exposureDetails(
  table: AssetTable,
  i: number,
  sig: SignatureDef,
): Record<string, unknown> {
  const details: Record<string, unknown> = { target: exposureTarget(table, i, sig) };
  const value = extraction(table, i, sig);
  if (value !== undefined) details.extractions = value;
  return details;
}

/** Port-level instances of a finding; DNS findings have none, as recorded (`instances: []`). */
export function exposureInstances(
  table: AssetTable,
  i: number,
  sig: SignatureDef,
  withDetails: boolean,
): Record<string, unknown>[] {
  if (sig.port === null) return [];
  const instance: Record<string, unknown> = { port_number: sig.port };
  if (sig.path !== undefined) instance.url = exposureTarget(table, i, sig);
  if (withDetails) instance.details = exposureDetails(table, i, sig);
  return [instance];
}

/** An entry of an asset's `exposures` list. */
export function assetExposureSummary(
  table: AssetTable,
  i: number,
  sig: SignatureDef,
  withDetails: boolean,
): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    id: sig.id,
    detection_id: hexFrom(32, table.seed, table.projectIndex, i, sig.id.length, 0xde7),
    severity: sig.severity,
    instances: exposureInstances(table, i, sig, withDetails),
    supports_evidence: sig.path !== undefined,
  };
  if (withDetails) entry.details = exposureDetails(table, i, sig);
  return entry;
}

/** An item of Get Exposure Assets' `asset_exposures`. */
export function exposureOfAsset(
  table: AssetTable,
  i: number,
  sig: SignatureDef,
): Record<string, unknown> {
  return {
    asset_id: table.names[i],
    instances: exposureInstances(table, i, sig, true),
    details: exposureDetails(table, i, sig),
  };
}

/** An item of List Asset Exposures: the asset's finding with the full signature. */
export function assetExposure(
  table: AssetTable,
  i: number,
  sig: SignatureDef,
): Record<string, unknown> {
  return { ...exposureOfAsset(table, i, sig), signature: signaturePublic(sig) };
}
