import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { connection, connector, fastOptions } from '../helpers/connector.js';

interface Exposure {
  asset_count: number;
  signature: { id: string; severity: string; vulnerabilities: { cve_id: string }[] };
}

let emu: RunningEmulator;
let projectId: string;

async function run(inputs: Record<string, unknown> = {}) {
  const envelope = await (
    await connector()
  ).execute(
    'List Exposures',
    { 'Project ID': projectId, ...inputs },
    connection({ serverUrl: emu.url, apiKey: emu.apiKey }),
    fastOptions(),
  );
  const exposures = ((envelope.rawData as { data?: Exposure[] } | null)?.data ?? []) as Exposure[];
  return { envelope, exposures };
}

beforeAll(async () => {
  emu = await startEmulator({ projects: 1, assetsPerProject: [3217], ratePerSecond: 0 });
  projectId = emu.projectIds[0] ?? '';
});

afterAll(async () => {
  await emu.stop();
});

describe('List Exposures against the emulator', () => {
  it('lists every exposure once with counts per severity that add up', async () => {
    const { envelope, exposures } = await run();
    const ids = envelope.keyFields?.['Signature IDs'] as string[];
    const keyFields = envelope.keyFields ?? {};

    expect(exposures.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(exposures.length);
    expect(keyFields['Total Exposures']).toBe(exposures.length);
    expect(
      Number(keyFields['Critical Exposures']) +
        Number(keyFields['Moderate Exposures']) +
        Number(keyFields['Informational Exposures']) +
        Number(keyFields['Unknown Severity Exposures']),
    ).toBe(exposures.length);
  });

  it('keeps the exposures matching or exceeding Severity Moderate', async () => {
    const every = (await run()).exposures;
    const { exposures } = await run({ Severity: 'Moderate' });
    const expected = every.filter((e) => ['moderate', 'critical'].includes(e.signature.severity));

    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(every.length);
    expect(exposures.map((e) => e.signature.id)).toEqual(expected.map((e) => e.signature.id));
  });

  it('keeps the exposures of one CVE, given in lower case', async () => {
    const every = (await run()).exposures;
    const cve = every.flatMap((e) => e.signature.vulnerabilities).find((v) => v.cve_id)?.cve_id;

    const { exposures } = await run({ CVE: String(cve).toLowerCase() });

    expect(exposures.length).toBeGreaterThan(0);
    for (const exposure of exposures) {
      expect(exposure.signature.vulnerabilities.map((v) => v.cve_id).join(' ')).toContain(cve);
    }
  });

  it('fails with the API message for an unknown project', async () => {
    projectId = 'no-such-project';
    const { envelope } = await run();
    projectId = emu.projectIds[0] ?? '';

    expect(envelope.error).toMatchObject({ statusCode: 404, message: 'Unknown Project.' });
  });
});
