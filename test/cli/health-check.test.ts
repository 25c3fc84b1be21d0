import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../runtime/health/types.js';
import { smtpReceiver, webhookReceiver, type Received } from '../health/receivers.js';
import { cleanEnv, finished, runCli, startCli, waitForOutput } from './cli.js';
import { useEmulator } from './emulator.js';

const { emulator } = useEmulator();
const receivers: Received<unknown>[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function setup(entries: { name: string; active: boolean; apiKey?: string }[]) {
  const folder = await mkdtemp(join(tmpdir(), 'cli-health-'));
  const connections = join(folder, 'connections.json');
  const content = entries.map(({ name, active, apiKey }) => ({
    name,
    description: `${name} tenant`,
    active,
    connection: {
      serverUrl: emulator().url,
      apiKey: apiKey ?? emulator().apiKey,
      apiVersion: 'v2',
    },
  }));
  await writeFile(connections, JSON.stringify({ connections: content }));
  return { connections, history: join(folder, 'history.jsonl') };
}

async function historyOf(path: string): Promise<CheckResult[]> {
  return (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CheckResult);
}

describe('soar-connector health-check', () => {
  it('--once checks each active connection, records the history, notifies the failure and exits 1', async () => {
    const webhook = await webhookReceiver();
    receivers.push(webhook);
    const { connections, history } = await setup([
      { name: 'prod', active: true },
      { name: 'revoked', active: true, apiKey: 'revoked-key-1234' },
      { name: 'retired', active: false },
    ]);

    const result = await runCli(
      [
        'health-check',
        '--connections',
        connections,
        '--once',
        '--history',
        history,
        '--webhook',
        webhook.url,
      ],
      cleanEnv(),
    );

    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/ prod {2}Passed {2}\d+ ms\n/);
    expect(result.stdout).toMatch(/ revoked {2}Failed {2}\d+ ms {2}credentials AUTH_FAILED 401: /);
    expect(result.stderr).toContain('Connection "revoked" failed: credentials (AUTH_FAILED)');
    const lines = await historyOf(history);
    expect(lines.map((line) => [line.connection, line.outcome, line.errorCode])).toEqual(
      expect.arrayContaining([
        ['prod', 'Passed', undefined],
        ['revoked', 'Failed', 'AUTH_FAILED'],
      ]),
    );
    expect(lines).toHaveLength(2);
    expect(webhook.received).toEqual([
      expect.objectContaining({
        event: 'failure',
        connection: 'revoked',
        errorClass: 'configuration',
      }),
    ]);
  });

  it('does not notify again on the next run when the history shows the connection was already failing', async () => {
    const smtp = await smtpReceiver();
    receivers.push(smtp);
    const { connections, history } = await setup([
      { name: 'revoked', active: true, apiKey: 'revoked-key-1234' },
    ]);
    const args = [
      'health-check',
      '--connections',
      connections,
      '--once',
      '--history',
      history,
      '--smtp',
      smtp.url,
      '--email-to',
      'soc@example.test',
    ];

    const first = await runCli(args, cleanEnv());
    const second = await runCli(args, cleanEnv());

    expect([first.code, second.code]).toEqual([1, 1]);
    expect(await historyOf(history)).toHaveLength(2);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({
      to: ['soc@example.test'],
      subject: expect.stringContaining('"revoked" failed: credentials'),
    });
  });

  it('exits 0 with --once when every active connection passes', async () => {
    const { connections } = await setup([
      { name: 'prod', active: true },
      { name: 'retired', active: false, apiKey: 'x-revoked' },
    ]);

    const result = await runCli(
      ['health-check', '--connections', connections, '--once'],
      cleanEnv(),
    );

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('retired');
  });

  it('keeps checking until SIGTERM, then waits for running checks and exits 0', async () => {
    const { connections } = await setup([{ name: 'prod', active: true }]);
    const child = startCli(
      ['health-check', '--connections', connections, '--interval', '5'],
      cleanEnv(),
    );
    const done = finished(child);

    await waitForOutput(child, / prod {2}Passed /);
    child.kill('SIGTERM');
    const result = await done;

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Checking 1 connection; press Ctrl+C to stop.');
    expect(result.stderr).toContain('SIGTERM: waiting for running checks to finish.');
  });

  it.each([
    [
      ['--smtp', 'smtp://127.0.0.1:2525'],
      'Email notices need both --smtp URL and --email-to ADDRESS.',
    ],
    [
      ['--webhook', 'ftp://hooks.example.test'],
      '--webhook must be a http: or https: URL; got "ftp://hooks.example.test".',
    ],
    [['--interval', '0'], 'expected a positive number of minutes; got "0".'],
  ])('exits 2 for %j', async (args, message) => {
    const result = await runCli(['health-check', '--once', ...args], cleanEnv());

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('exits 2 when the connections file has no active connection', async () => {
    const { connections } = await setup([{ name: 'retired', active: false }]);

    const result = await runCli(
      ['health-check', '--connections', connections, '--once'],
      cleanEnv(),
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${connections} has no active connection.`);
  });
});
