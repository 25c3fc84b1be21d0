import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../../emulator/index.js';
import type { Envelope } from '../../../runtime/types.js';
import { connection, connector, fastOptions } from '../../helpers/connector.js';

export interface EmulatedAsset {
  id: string;
  type: string;
  custom_tags: string[];
  exposures: { id: string; severity: string }[];
  exposure_score?: number | null;
}

export interface AssetSession {
  emu: RunningEmulator;
  projectId: string;
  run(command: string, inputs: Record<string, unknown>): Promise<Envelope>;
  /** The first assets of the project, highest exposure score first, read from the API directly. */
  assets(limit: number): Promise<EmulatedAsset[]>;
}

/** An emulator with the connector pointed at its first project. */
export async function openAssetSession(options: EmulatorOptions = {}): Promise<AssetSession> {
  const emu = await startEmulator({ projects: 1, assetsPerProject: [300], ...options });
  const projectId = emu.projectIds[0] ?? '';

  return {
    emu,
    projectId,
    run: async (command, inputs) =>
      (await connector()).execute(
        command,
        { 'Project ID': projectId, ...inputs },
        connection({ serverUrl: emu.url, apiKey: emu.apiKey }),
        fastOptions(),
      ),
    assets: async (limit) => {
      const query = `limit=${limit}&additional_fields=custom_tags,exposures`;
      const response = await fetch(`${emu.url}/v2/projects/${projectId}/assets?${query}`, {
        headers: { APIKEY: emu.apiKey },
      });
      return ((await response.json()) as { data: EmulatedAsset[] }).data;
    },
  };
}
