import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { connection, connector, fastOptions } from '../helpers/connector.js';

interface Exposure {
  asset_count: number;
  signature: { id: string; severity: string };
}

let emu: RunningEmulator;

async function run(command: string, inputs: Record<string, unknown>) {
  return (await connector()).execute(
    command,
    { 'Project ID': emu.projectIds[0], ...inputs },
    connection({ serverUrl: emu.url, apiKey: emu.apiKey }),
    fastOptions(),
  );
}

beforeAll(async () => {
  emu = await startEmulator({ projects: 1, assetsPerProject: [3217], ratePerSecond: 0 });
});

afterAll(async () => {
  await emu.stop();
});

describe('Get Exposure Assets against the emulator', () => {
  it('returns as many distinct assets as List Exposures counts, for every signature', async () => {
    const listed = await run('List Exposures', {});
    const exposures = (listed.rawData as { data: Exposure[] }).data;

    for (const exposure of exposures) {
      const { signature } = exposure;
      const envelope = await run('Get Exposure Assets', { 'Signature ID': signature.id });
      const ids = envelope.keyFields?.['Asset IDs'] as string[];

      expect(envelope.keyFields).toMatchObject({
        'Signature ID': signature.id,
        Severity: signature.severity,
        'Asset Count': exposure.asset_count,
      });
      expect(new Set(ids).size).toBe(exposure.asset_count);
      expect(envelope.warnings).toBeUndefined();
    }
  });

  it('lists assets that Find Assets knows', async () => {
    const found = await run('Find Assets', {
      'Start Time': '2000-01-01',
      'End Time': '2099-12-31',
    });
    const known = new Set((found.rawData as { data: { id: string }[] }).data.map((a) => a.id));
    const listed = await run('List Exposures', {});
    const first = (listed.rawData as { data: { signature: { id: string } }[] }).data[0];

    const envelope = await run('Get Exposure Assets', { 'Signature ID': first?.signature.id });

    for (const id of envelope.keyFields?.['Asset IDs'] as string[])
      expect(known.has(id)).toBe(true);
  });

  it('reads a signature with more than 1000 assets over two pages', async () => {
    const large = await startEmulator({
      projects: 1,
      assetsPerProject: [30_000],
      ratePerSecond: 0,
    });
    try {
      const options = connection({ serverUrl: large.url, apiKey: large.apiKey });
      const execute = async (command: string, inputs: Record<string, unknown>) =>
        (await connector()).execute(
          command,
          { 'Project ID': large.projectIds[0], ...inputs },
          options,
          fastOptions(),
        );
      const listed = await execute('List Exposures', {});
      const widest = (listed.rawData as { data: Exposure[] }).data[0];

      const envelope = await execute('Get Exposure Assets', {
        'Signature ID': widest?.signature.id,
      });
      const ids = envelope.keyFields?.['Asset IDs'] as string[];

      expect(widest?.asset_count).toBeGreaterThan(1000);
      expect(ids).toHaveLength(widest?.asset_count ?? 0);
      expect(new Set(ids).size).toBe(ids.length);
      expect(envelope.rawData).toMatchObject({ meta: { pagination: { pages: 2 } } });
    } finally {
      await large.stop();
    }
  });

  it('fails with the API message for an unknown signature', async () => {
    const envelope = await run('Get Exposure Assets', { 'Signature ID': 'spf-record-detectt' });

    expect(envelope.error).toMatchObject({
      failureIndicator: 'Get Exposure Assets failed.',
      statusCode: 404,
      message: 'Signature spf-record-detectt not found.',
      code: 'NOT_FOUND',
    });
  });
});
