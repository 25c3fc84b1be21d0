import { appendFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FileOutput, StreamOutput, type IntakeLine } from '../../../runtime/intake/output.js';

function line(type: IntakeLine['type'], key: string): IntakeLine {
  return { type, unique_key: key, fields: { Title: key } };
}

function outputFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'intake-output-')), 'out', 'issues.jsonl');
}

describe('FileOutput', () => {
  it('appends one JSON line per event or incident and returns the new end of the file', async () => {
    const path = outputFile();
    const output = new FileOutput(path);

    const first = await output.write([line('event', 'e1'), line('incident', 'i1')]);
    const second = await output.write([line('event', 'e2')]);

    const rows = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((row) => JSON.parse(row));
    expect(rows).toEqual([line('event', 'e1'), line('incident', 'i1'), line('event', 'e2')]);
    expect(first).toBeLessThan(second);
    expect(second).toBe(statSync(path).size);
  });

  it('reports the keys written after the committed end, and none before', async () => {
    const output = new FileOutput(outputFile());
    const committed = await output.write([line('event', 'e1')]);
    await output.write([line('event', 'e2'), line('incident', 'e2')]);

    expect(await output.uncommitted(committed)).toEqual(new Set(['event:e2', 'incident:e2']));
    expect(await output.uncommitted(undefined)).toEqual(
      new Set(['event:e1', 'event:e2', 'incident:e2']),
    );
  });

  it('reads the whole file when it is shorter than the committed end, as after a rotation', async () => {
    const output = new FileOutput(outputFile());
    await output.write([line('event', 'e1')]);

    expect(await output.uncommitted(10_000)).toEqual(new Set(['event:e1']));
  });

  it('cuts away a last line left half-written by a crash', async () => {
    const path = outputFile();
    const output = new FileOutput(path);
    const committed = await output.write([line('event', 'e1')]);
    await output.write([line('event', 'e2')]);
    appendFileSync(path, '{"type":"event","unique_key":"e3","fie');

    expect(await output.uncommitted(committed)).toEqual(new Set(['event:e2']));
    await output.write([line('event', 'e3')]);
    const rows = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((row) => JSON.parse(row).unique_key);
    expect(rows).toEqual(['e1', 'e2', 'e3']);
  });

  it('has nothing uncommitted when the file does not exist yet', async () => {
    expect(await new FileOutput(outputFile()).uncommitted(undefined)).toEqual(new Set());
  });
});

describe('StreamOutput', () => {
  it('writes the lines to the stream and cannot report what a stopped run wrote', async () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    const output = new StreamOutput(stream);

    expect(await output.write([line('event', 'e1')])).toBeUndefined();

    expect(chunks.join('')).toBe(`${JSON.stringify(line('event', 'e1'))}\n`);
    expect(await output.uncommitted()).toEqual(new Set());
  });
});
