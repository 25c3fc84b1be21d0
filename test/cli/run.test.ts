import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../runtime/types.js';
import { cleanEnv, runCli } from './cli.js';
import { useEmulator } from './emulator.js';

const { emulator, env } = useEmulator();

async function tempFile(name: string, content: unknown): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'cli-run-')), name);
  await writeFile(path, JSON.stringify(content));
  return path;
}

describe('soar-connector run', () => {
  it('prints the envelope alone with --json and exits 0 when the command is Successful', async () => {
    const result = await runCli(['run', 'List Projects', '--json'], env());

    expect(result.code, result.stdout + result.stderr).toBe(0);
    const envelope = JSON.parse(result.stdout) as Envelope;
    expect(envelope).toMatchObject({ command: 'List Projects', returnData: 'Successful' });
    expect(envelope.keyFields?.['Total Projects']).toBe(emulator().projectIds.length);
    expect(result.stderr).not.toContain('No connection configured');
  });

  it('shows the Test Result sections: Return Data, Key Fields and Raw Data', async () => {
    const result = await runCli(['run', 'Test Connection'], env());

    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^Command: Test Connection\nReturn Data: Successful\n\nKey Fields\n {2}API Version: v2\n/,
    );
    expect(result.stdout).toContain('\nRaw Data\n{\n  "success": true,');
    expect(result.stdout).not.toContain('\nError\n');
  });

  it('exits 1 and shows the Error tab with failure indicator, status code and message when Failed', async () => {
    const result = await runCli(
      ['run', 'Test Connection'],
      env({ SECURITYTRAILS_API_KEY: 'not-a-known-key' }),
    );

    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('Return Data: Failed');
    expect(result.stdout).toMatch(
      /\nError\n {2}Failure Indicator: Test Connection failed\. Failed to check the connector\.\n {2}Status Code: 401\n {2}Message: .+\n {2}Code: AUTH_FAILED \(configuration, not retryable\)/,
    );
    expect(result.stdout).not.toContain('not-a-known-key');
  });

  it('exits 1 with the parameter named when an input value is out of range', async () => {
    const project = emulator().projectIds[0] ?? '';
    const result = await runCli(
      ['run', 'Find Assets', '-i', `Project ID=${project}`, '-i', 'Limit=1001', '--json'],
      env(),
    );

    expect(result.code, result.stdout + result.stderr).toBe(1);
    const envelope = JSON.parse(result.stdout) as Envelope;
    expect(envelope.error).toMatchObject({
      code: 'INPUT_INVALID',
      statusCode: null,
      details: { parameter: 'Limit' },
    });
  });

  it('cuts huge raw data short with a note saying how to see all of it', async () => {
    const project = emulator().projectIds[0] ?? '';
    const args = [
      'run',
      'Find Assets',
      '-i',
      `Project ID=${project}`,
      '-i',
      'Limit=100',
      '-i',
      'Start Time=2015-01-01',
    ];

    const result = await runCli(args, env());

    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /\.\.\. Raw Data truncated: 200 of \d+ lines shown; run with --json for the whole envelope\./,
    );
  });

  it('reads inputs from --inputs FILE and the connection from --connection FILE', async () => {
    const connection = await tempFile('connection.json', {
      serverUrl: emulator().url,
      apiKey: emulator().apiKey,
      apiVersion: 'v2',
    });
    const inputs = await tempFile('inputs.json', { 'Project ID': emulator().projectIds[1] });

    const result = await runCli(
      ['run', 'Get Tags', '--inputs', inputs, '--connection', connection, '--json'],
      cleanEnv(),
    );

    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      command: 'Get Tags',
      returnData: 'Successful',
    });
    expect(result.stderr).not.toContain('No connection configured');
  });

  it('uses the built-in emulator with API Version v2 when no connection is configured, and says so', async () => {
    const result = await runCli(['run', 'List Projects', '--json'], cleanEnv());

    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /No connection configured: using the built-in SecurityTrails emulator at http:\/\/127\.0\.0\.1:\d+ \(API Version v2\)\./,
    );
  });

  it.each([
    [['run', 'Find Asets'], 'error: There is no command "Find Asets". Did you mean "Find Assets"?'],
    [
      ['run', 'Find Assets', '-i', 'Projet ID=x'],
      'error: Find Assets has no input "Projet ID". Did you mean "Project ID"?',
    ],
    [
      ['run', 'Find Assets', '-i', 'Project ID'],
      'error: --input "Project ID" must read "Name=value"',
    ],
    [
      ['run', 'Test Connection', '--date-order', 'YMD'],
      "argument 'YMD' is invalid. Allowed choices are MDY, DMY.",
    ],
    [
      ['run', 'Test Connection', '--inputs', '/nonexistent/inputs.json'],
      'error: --inputs /nonexistent/inputs.json: no such file.',
    ],
    [['run', 'Test Connection', '--verbose'], "error: unknown option '--verbose'"],
    [['run'], "error: missing required argument 'command'"],
    [['rnu'], '(Did you mean run?)'],
  ])('exits 2 for %j with a message that says what to fix', async (args, message) => {
    const result = await runCli(args, env());

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it.each([
    [[]],
    [['run']],
    [['commands']],
    [['health-check']],
    [['playbook']],
    [['emulator']],
    [['demo']],
  ])('prints help and exits 0 for %j --help', async (args) => {
    const result = await runCli([...args, '--help']);

    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: soar-connector/);
  });
});
