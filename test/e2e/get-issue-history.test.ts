import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { connection, connector, fastOptions } from '../helpers/connector.js';

interface Rule {
  id: string;
  name: string;
  description: string;
  classification: string;
}

interface Entry {
  snapshot: string;
  risk_score: number;
  added_rules: Rule[];
  removed_rules: Rule[];
}

/** Wide enough to hold every snapshot the emulator generates. */
const ALL_TIME = { 'Start Time': '2020-01-01T00:00:00Z', 'End Time': '2027-01-01T00:00:00Z' };

let emu: RunningEmulator;
let projectId: string;

async function run(inputs: Record<string, unknown> = {}) {
  const envelope = await (
    await connector()
  ).execute(
    'Get Issue History',
    { 'Project ID': projectId, ...ALL_TIME, ...inputs },
    connection({ serverUrl: emu.url, apiKey: emu.apiKey }),
    fastOptions(),
  );
  return { envelope, entries: (envelope.rawData as { data?: Entry[] } | null)?.data ?? [] };
}

beforeAll(async () => {
  // 130 weekly scans: more history entries than the API's page of 100.
  emu = await startEmulator({
    projects: 1,
    assetsPerProject: [300],
    snapshots: 130,
    ratePerSecond: 0,
  });
  projectId = emu.projectIds[0] ?? '';
});

afterAll(async () => {
  await emu.stop();
});

describe('Get Issue History against the emulator', () => {
  it('reads every page of the history, each snapshot once, oldest first', async () => {
    const { envelope, entries } = await run();
    const snapshots = entries.map((entry) => entry.snapshot);

    expect(entries).toHaveLength(130);
    expect(new Set(snapshots).size).toBe(snapshots.length);
    expect([...snapshots].sort()).toEqual(snapshots);
    expect(envelope.keyFields).toMatchObject({
      Snapshots: entries.length,
      'Latest Snapshot': snapshots.at(-1),
      'Latest Risk Score': entries.at(-1)?.risk_score,
    });
  });

  it('shows the rules a new scan added and removed as the latest snapshot', async () => {
    const scan = emu.advanceSnapshot();
    const change = scan.projects[0];

    const { envelope, entries } = await run();
    const latest = entries.at(-1);

    expect(envelope.keyFields).toMatchObject({
      'Latest Snapshot': scan.snapshot,
      'Latest Risk Score': change?.riskScore,
    });
    expect(latest?.added_rules.map((rule) => rule.id).sort()).toEqual(
      [...(change?.addedRules ?? [])].sort(),
    );
    expect(latest?.removed_rules.map((rule) => rule.id).sort()).toEqual(
      [...(change?.removedRules ?? [])].sort(),
    );
  });

  it('keeps only added rules of the asked classifications', async () => {
    const every = (await run()).entries;
    const { entries } = await run({
      'Rule Action': 'Added Rules',
      Classification: 'High & Moderate',
    });
    const expected = every.flatMap((entry) =>
      entry.added_rules.filter((rule) => rule.classification !== 'informational'),
    );

    expect(expected.length).toBeGreaterThan(0);
    expect(entries.flatMap((entry) => entry.removed_rules)).toEqual([]);
    expect(entries.flatMap((entry) => entry.added_rules).map((rule) => rule.id)).toEqual(
      expected.map((rule) => rule.id),
    );
  });

  it('finds the rules whose name or description contains Query, in any letter case', async () => {
    const every = (await run()).entries.flatMap((entry) => [
      ...entry.added_rules,
      ...entry.removed_rules,
    ]);
    const word = every[0]?.name.split(' ')[0] ?? '';
    const matching = every.filter((rule) =>
      `${rule.name} ${rule.description}`.toLowerCase().includes(word.toLowerCase()),
    );

    const { envelope } = await run({ Query: word.toUpperCase() });

    expect(matching.length).toBeGreaterThan(0);
    expect(
      Number(envelope.keyFields?.['Added Rules']) + Number(envelope.keyFields?.['Removed Rules']),
    ).toBe(matching.length);
  });

  it('returns nothing for a window with no scan', async () => {
    const { envelope } = await run({
      'Start Time': '2019-01-01T00:00:00Z',
      'End Time': '2019-01-02T00:00:00Z',
    });

    expect(envelope.keyFields).toEqual({
      Snapshots: 0,
      'Added Rules': 0,
      'Removed Rules': 0,
      'Latest Snapshot': null,
      'Latest Risk Score': null,
    });
  });

  it('surfaces 404 "Project ID Not Found." for an unknown project', async () => {
    const envelope = await (
      await connector()
    ).execute(
      'Get Issue History',
      { 'Project ID': 'no-such-project' },
      connection({ serverUrl: emu.url, apiKey: emu.apiKey, apiVersion: 'v1' }),
      fastOptions(),
    );

    expect(envelope.error).toMatchObject({
      statusCode: 404,
      message: 'Project ID Not Found.',
      code: 'NOT_FOUND',
    });
  });
});
