import { describe, expect, it } from 'vitest';
import type { CommandInfo } from '../../runtime/connector.js';
import { runCli } from './cli.js';

describe('soar-connector commands', () => {
  it('lists every command with its API versions, inputs (required first) and an example invocation', async () => {
    const result = await runCli(['commands']);

    expect(result.code).toBe(0);
    const blocks = result.stdout.trim().split('\n\n');
    expect(blocks).toHaveLength(16);
    const findAssets = blocks.find((block) => block.startsWith('Find Assets  (API v2)')) ?? '';
    const inputs = [...findAssets.matchAll(/^ {4}(\w[\w ]*) \((required|optional);/gm)].map(
      (match) => match[1],
    );
    expect(inputs[0]).toBe('Project ID');
    expect(inputs).toContain('Other Filters');
    expect(findAssets).toContain(
      'Sort (optional; string; one of "Discovered At", "Added To Project At"',
    );
    expect(findAssets).toContain(
      '"Exposure Score", "Asset ID"; default "Exposure Score"): The field',
    );
    expect(findAssets).toContain(
      '  Example: soar-connector run "Find Assets" --input "Project ID=c797*****dc4f"',
    );
    expect(result.stdout).toContain('Test Connection  (API v1, v2)\n');
  });

  it('writes list examples the way a form sends them, comma-separated', async () => {
    const result = await runCli(['commands', 'Apply Tags to Asset']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Example: soar-connector run "Apply Tags to Asset" --input "Project ID=c797*****dc4f" --input "Asset ID=foo.example.com" --input "Tags=test"',
    );
  });

  it('prints the command descriptions as JSON with --json', async () => {
    const result = await runCli(['commands', '--json']);

    const commands = JSON.parse(result.stdout) as CommandInfo[];
    expect(commands.map((command) => command.name)).toContain('Get Issue History');
    expect(
      commands
        .find((command) => command.name === 'Create Tag')
        ?.inputs.map((input) => input.required),
    ).toEqual([true, true]);
  });

  it('exits 2 and suggests the closest name for a mistyped command', async () => {
    const result = await runCli(['commands', 'Get Tag']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no command "Get Tag". Did you mean "Get Tags"');
  });
});
