import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { connection, connector, fastOptions } from '../helpers/connector.js';

interface Issues {
  data: { id: string; classification: string }[];
  meta: { project_id: string; snapshot: string };
}

let emu: RunningEmulator;

async function run(projectId: string, apiVersion: 'v1' | 'v2' = 'v2') {
  const envelope = await (
    await connector()
  ).execute(
    'Get Current Issues',
    { 'Project ID': projectId },
    connection({ serverUrl: emu.url, apiKey: emu.apiKey, apiVersion }),
    fastOptions(),
  );
  return { envelope, issues: envelope.rawData as Issues };
}

beforeAll(async () => {
  emu = await startEmulator({ projects: 2, assetsPerProject: [400, 60], ratePerSecond: 0 });
});

afterAll(async () => {
  await emu.stop();
});

describe('Get Current Issues against the emulator', () => {
  it('returns the latest snapshot with counts per classification that add up', async () => {
    const projectId = emu.projectIds[0] ?? '';
    const { envelope, issues } = await run(projectId, 'v1');
    const count = (name: string) => issues.data.filter((i) => i.classification === name).length;

    expect(envelope.returnData).toBe('Successful');
    expect(issues.meta.project_id).toBe(projectId);
    expect(envelope.keyFields).toEqual({
      Snapshot: issues.meta.snapshot,
      'Project Title': expect.any(String),
      High: count('high'),
      Moderate: count('moderate'),
      Informational: count('informational'),
      'Issue Count': issues.data.length,
    });
  });

  it('moves to the new snapshot after a scan', async () => {
    const projectId = emu.projectIds[0] ?? '';
    const scan = emu.advanceSnapshot();
    const added = scan.projects.find((p) => p.projectId === projectId)?.addedRules ?? [];

    const { envelope, issues } = await run(projectId);

    expect(envelope.keyFields?.Snapshot).toBe(scan.snapshot);
    expect(issues.data.map((issue) => issue.id)).toEqual(expect.arrayContaining(added));
  });

  it('surfaces 404 "Project ID Not Found." for an unknown project', async () => {
    const { envelope } = await run('no-such-project');

    expect(envelope.error).toMatchObject({
      failureIndicator: 'Get Current Issues failed.',
      statusCode: 404,
      message: 'Project ID Not Found.',
      code: 'NOT_FOUND',
    });
  });
});
