import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerFetch } from '../../../../runtime/cli/commands/fetch.js';
import { API, SECRET_KEY } from '../../../helpers/connector.js';
import {
  HISTORY,
  PROJECT,
  body,
  diff,
  rule,
  seconds,
} from '../../../commands/fetch-incident-history.js';

let stderr: string[];
let files: { state: string; output: string; connection: string };

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-fetch-'));
  files = {
    state: join(dir, 'state.json'),
    output: join(dir, 'issues.jsonl'),
    connection: join(dir, 'connection.json'),
  };
  writeFileSync(
    files.connection,
    JSON.stringify({ serverUrl: API, apiKey: SECRET_KEY, apiVersion: 'v1' }),
  );
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function fetchCli(...extra: string[]): Promise<void> {
  const program = new Command('soar-connector').exitOverride();
  registerFetch(program);
  const common = ['--project', PROJECT, '--state', files.state, '--connection', files.connection];
  await program.parseAsync(['fetch', ...common, ...extra], { from: 'user' });
}

describe('soar-connector fetch', () => {
  it('writes the events and incidents to --output, saves the state and exits 0', async () => {
    const start = '2025-06-01 00:00';
    nock(API)
      .get(HISTORY)
      .query((query) => query.start === String(seconds('2025-06-01 00:00:00')))
      .reply(200, body([diff('2025-06-25 02:41:07', { added: [rule('git-config', 'moderate')] })]));

    await fetchCli('--output', files.output, '--start', start);

    const lines = readFileSync(files.output, 'utf8')
      .trimEnd()
      .split('\n')
      .map((row) => JSON.parse(row));
    expect(lines.map((line) => line.type)).toEqual(['event', 'incident']);
    expect(lines[0].fields).toMatchObject({
      'Event code': 'git-config',
      Hostname: 'git-config.example.com',
    });
    const saved = JSON.parse(readFileSync(files.state, 'utf8'));
    expect(saved[`fetch-incident:${PROJECT}`].fetchState).toEqual({
      snapshot_time: '2025-06-25 02:41:07',
      is_fetched: true,
    });
    expect(stderr.join('')).toContain(
      'Fetch Incident: 1 events, 1 incidents; snapshot 2025-06-25 02:41:07 fetched.',
    );
    expect(process.exitCode).toBe(0);
  });

  it('stops with exit 1 on a corrupt state file, leaving it as it is and fetching nothing', async () => {
    writeFileSync(files.state, '{"fetch-incident:');

    await fetchCli('--output', files.output);

    expect(process.exitCode).toBe(1);
    expect(stderr.join('')).toContain(
      `Fetch stopped: The state file ${files.state} is not valid JSON`,
    );
    expect(readFileSync(files.state, 'utf8')).toBe('{"fetch-incident:');
    expect(existsSync(files.output)).toBe(false);
  });

  it('exits 1 and keeps no state when Fetch Incident fails', async () => {
    nock(API).get(HISTORY).query(true).reply(404, { message: 'Unknown Project.' });

    await fetchCli('--output', files.output);

    expect(process.exitCode).toBe(1);
    expect(stderr.join('')).toContain(
      'Fetch Incident failed (NOT_FOUND, status 404): Unknown Project.',
    );
    expect(existsSync(files.state)).toBe(false);
  });

  it.each([
    ['--every 0', ['--every', '0'], 'expected a positive number of minutes'],
    [
      '--start that is not a time',
      ['--start', 'yesterday'],
      '--start "yesterday" is not a date-time',
    ],
  ])('refuses %s as a usage error', async (_label, extra, message) => {
    const outcome = await fetchCli(...extra).catch((error: unknown) => error);

    expect(String((outcome as Error).message)).toContain(message);
  });
});
