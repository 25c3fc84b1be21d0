import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonLinesHistory, lastOutcomes } from '../../runtime/health/history.js';

async function historyPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'health-history-')), 'history.jsonl');
}

describe('health history', () => {
  it('appends concurrent checks as whole lines', async () => {
    const path = await historyPath();
    const history = new JsonLinesHistory(path);

    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        history.append({ time: 't', connection: `c${index}`, outcome: 'Passed', latencyMs: index }),
      ),
    );

    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { connection: string }).connection)).toEqual(
      Array.from({ length: 50 }, (_, index) => `c${index}`),
    );
  });

  it('gives the last outcome per connection and skips a line cut short', async () => {
    const path = await historyPath();
    const history = new JsonLinesHistory(path);
    await history.append({ time: 't1', connection: 'prod', outcome: 'Passed', latencyMs: 1 });
    await history.append({ time: 't1', connection: 'lab', outcome: 'Passed', latencyMs: 1 });
    await history.append({ time: 't2', connection: 'prod', outcome: 'Failed', latencyMs: 1 });
    await appendFile(path, '{"time":"t3","connection":"lab","outc');

    expect(await lastOutcomes(path)).toEqual(
      new Map([
        ['prod', 'Failed'],
        ['lab', 'Passed'],
      ]),
    );
  });

  it('has no outcomes when the history file does not exist yet', async () => {
    expect(await lastOutcomes(await historyPath())).toEqual(new Map());
  });
});
