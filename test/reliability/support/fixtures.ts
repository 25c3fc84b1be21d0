import { startEmulator, type RunningEmulator } from '../../../emulator/index.js';
import type { EmulatorOptions } from '../../../emulator/index.js';
import { SECRET_KEY, connection } from '../../helpers/connector.js';
import type { Connection } from '../../../runtime/types.js';

/** Identifiers that exist in the emulator, found through its API rather than its internals. */
export interface Fixtures {
  projectIds: string[];
  assetIds: string[];
  signatureIds: string[];
  /** Unix seconds of the emulator's oldest snapshot: a Start Time before it covers all history. */
  firstSnapshotMs: number;
}

/**
 * An emulator small enough that every command finishes in a few requests, accepting only the
 * recognisable test key, with no rate limit or quota in the way of a long run.
 */
export async function startReliabilityEmulator(
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  return startEmulator({
    apiKeys: [SECRET_KEY],
    ratePerSecond: 0,
    monthlyQuota: 1e9,
    projects: 2,
    assetsPerProject: [60, 12],
    hosts: 300,
    ...options,
  });
}

export function emulatorConnection(emu: RunningEmulator, extra: Partial<Connection> = {}) {
  return connection({ serverUrl: emu.url, apiKey: SECRET_KEY, apiVersion: 'v2', ...extra });
}

async function getJson(emu: RunningEmulator, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${emu.url}${path}`, { headers: { APIKEY: SECRET_KEY } });
  if (!response.ok) throw new Error(`emulator answered ${path} with ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

function listed(body: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(body.data) ? (body.data as Record<string, unknown>[]) : [];
}

export async function discoverFixtures(emu: RunningEmulator): Promise<Fixtures> {
  const project = emu.projectIds[0] ?? '';
  const assets = listed(await getJson(emu, `/v2/projects/${project}/assets?limit=5`));
  const exposures = listed(await getJson(emu, `/v2/projects/${project}/exposures`));
  const history = listed(await getJson(emu, `/v1/asi/rules/history/${project}/activity?start=0`));
  const first = String(history[0]?.snapshot ?? '');

  const fixtures = {
    projectIds: emu.projectIds,
    assetIds: assets.map((asset) => String(asset.id)),
    signatureIds: exposures.map((e) => String((e.signature as { id?: unknown } | undefined)?.id)),
    firstSnapshotMs: Date.parse(`${first.replace(' ', 'T')}Z`),
  };
  if (fixtures.assetIds.length === 0 || fixtures.signatureIds.length === 0) {
    throw new Error('the emulator project has no assets or no exposures to test with');
  }
  if (Number.isNaN(fixtures.firstSnapshotMs)) throw new Error('the emulator has no snapshot');
  return fixtures;
}

export const DSL_QUERY = "tld = 'com'";
export const SQL_QUERY = "SELECT domain.hostname FROM hosts WHERE domain.apex = 'example.com'";

/** One set of valid inputs per command, each expected to succeed against the emulator. */
export function validInputs(fixtures: Fixtures): Record<string, Record<string, unknown>> {
  const project = fixtures.projectIds[0] ?? '';
  const asset = fixtures.assetIds[0] ?? '';
  const start = new Date(fixtures.firstSnapshotMs - 86_400_000).toISOString();
  return {
    'Test Connection': {},
    'List Projects': {},
    'Create Tag': { 'Project ID': project, 'Tag Name': 'reliability' },
    'Get Tags': { 'Project ID': project },
    'Apply Tags to Asset': { 'Project ID': project, 'Asset ID': asset, Tags: ['reliability'] },
    'Remove Tags From Asset': { 'Project ID': project, 'Asset ID': asset, Tags: ['reliability'] },
    'Find Assets': { 'Project ID': project, Limit: 20 },
    'Get Asset Details': { 'Project ID': project, 'Asset ID': asset },
    'List Asset Exposures': { 'Project ID': project, 'Asset ID': asset },
    'List Exposures': { 'Project ID': project },
    'Get Exposure Assets': { 'Project ID': project, 'Signature ID': fixtures.signatureIds[0] },
    'Get Current Issues': { 'Project ID': project },
    'Get Issue History': { 'Project ID': project, 'Start Time': start },
    'Fetch Incident': { 'Project ID': project, 'Start Time': start },
    'DSL Query': { Query: DSL_QUERY, 'Max Records': 200 },
    'SQL Query': { Query: SQL_QUERY, 'Max Records': 200 },
  };
}
