import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlaybookSummary } from '../../runtime/playbook/types.js';
import { runCli } from './cli.js';
import { useEmulator } from './emulator.js';

const { env } = useEmulator();

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cli-playbook-'));
}

async function playbookFile(steps: unknown[]): Promise<string> {
  const path = join(await folder(), 'playbook.json');
  await writeFile(path, JSON.stringify({ name: 'tag review', steps }));
  return path;
}

const PROJECT = '{{ $.steps.projects.rawData.data[0].id }}';
const projects = { id: 'projects', command: 'List Projects', inputs: {} };

describe('soar-connector playbook', () => {
  it('prints each step as it finishes, writes the summary and exits 0 when every step succeeds', async () => {
    const file = await playbookFile([
      projects,
      {
        id: 'tag',
        command: 'Create Tag',
        inputs: { 'Project ID': PROJECT, 'Tag Name': 'Reviewed' },
      },
      { id: 'tags', command: 'Get Tags', inputs: { 'Project ID': PROJECT } },
    ]);
    const summaryPath = join(await folder(), 'summary.json');

    const result = await runCli(['playbook', file, '--summary', summaryPath], env());

    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^✔ projects: List Projects Successful \(\d+ ms\)\n/);
    expect(result.stdout).toMatch(/\n✔ tag: Create Tag Successful/);
    expect(result.stdout).toMatch(
      /Playbook "tag review" Passed: 3 of 3 steps successful, 0 failed, 0 skipped/,
    );
    const summary = JSON.parse(await readFile(summaryPath, 'utf8')) as PlaybookSummary;
    expect(summary).toMatchObject({
      playbook: 'tag review',
      outcome: 'Passed',
      counts: { successful: 3, commandRuns: 3 },
    });
    expect(summary.steps.map((step) => step.id)).toEqual(['projects', 'tag', 'tags']);
  });

  it('exits 1 and names the unresolved reference when a step cannot get its input', async () => {
    const file = await playbookFile([
      projects,
      {
        id: 'tags',
        command: 'Get Tags',
        inputs: { 'Project ID': '{{ $.steps.projects.rawData.data[99].id }}' },
      },
    ]);

    const result = await runCli(['playbook', file], env());

    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain(
      'REFERENCE_UNRESOLVED: Input "Project ID": The reference {{ $.steps.projects.rawData.data[99].id }} ' +
        'cannot be resolved: nothing matches it in the output of step "projects".',
    );
    expect(result.stdout).toMatch(/Playbook "tag review" Failed/);
  });

  it('exits 2 without running anything when the playbook is malformed', async () => {
    const file = await playbookFile([
      projects,
      { id: 'assets', command: 'Find Asset', inputs: {} },
    ]);

    const result = await runCli(['playbook', file], env());

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'Step "assets" names the command "Find Asset", which does not exist. Did you mean "Find Assets"?',
    );
    expect(result.stdout).toBe('');
  });

  it('exits 2 when the playbook file does not exist', async () => {
    const result = await runCli(['playbook', '/nonexistent/playbook.json'], env());

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('playbook /nonexistent/playbook.json: no such file.');
  });
});
