import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlaybookSummary } from '../../runtime/playbook/types.js';
import { cleanEnv, MAIN, ROOT, runCli } from './cli.js';

describe('soar-connector demo (npm start)', () => {
  it('is what npm start runs', async () => {
    const scripts = (
      JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;

    expect(`node ${MAIN.slice(ROOT.length + 1)} demo`).toBe(scripts.start);
  });

  it('walks through the analyst playbook against the built-in emulator and exits 0', async () => {
    const summaryPath = join(await mkdtemp(join(tmpdir(), 'demo-')), 'summary.json');

    const result = await runCli(['demo', '--summary', summaryPath], cleanEnv());

    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^SecurityTrails connector demo against the built-in emulator at http:\/\/127\.0\.0\.1:\d+/,
    );
    for (const command of [
      'Test Connection',
      'List Projects',
      'Find Assets',
      'Get Asset Details',
      'List Exposures',
      'Get Exposure Assets',
      'Create Tag',
      'Apply Tags to Asset',
      'Fetch Incident',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^✔ \\w+: ${command} Successful`, 'm'));
    }
    expect(result.stdout).toContain('\nWhat the analyst learned\n');
    expect(result.stdout).toMatch(/Most exposed assets: .+ \(\d+\)/);
    expect(result.stdout).toMatch(
      /Playbook "SecurityTrails analyst walkthrough" Passed: 9 of 9 steps successful, 0 failed, 0 skipped/,
    );

    const summary = JSON.parse(await readFile(summaryPath, 'utf8')) as PlaybookSummary;
    expect(summary.outcome).toBe('Passed');
    expect(summary.steps.find((step) => step.id === 'details')?.runs).toHaveLength(3);
  });
});
