import { mkdir, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One JSON line of intake output. */
export interface IntakeLine {
  type: 'event' | 'incident';
  unique_key: string | null;
  fields: Record<string, unknown>;
}

/**
 * Where the mapped events and incidents go. The state is saved only after a write returns, so a
 * crash in between leaves lines on the output that the saved state does not cover; an output
 * that can be read back reports their keys so that the next run does not write them twice.
 */
export interface IntakeOutput {
  readonly description: string;
  /** Writes the lines durably and returns the output's end: the position to save with the state. */
  write(lines: IntakeLine[]): Promise<number | undefined>;
  /** `type:unique_key` of every line after `committed`, the end saved with the last state. */
  uncommitted(committed: number | undefined): Promise<Set<string>>;
}

export function lineKey(line: Pick<IntakeLine, 'type' | 'unique_key'>): string {
  return `${line.type}:${String(line.unique_key)}`;
}

function serialise(lines: IntakeLine[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

/** Appends to a JSON-lines file, flushed to disk before the write returns. */
export class FileOutput implements IntakeOutput {
  constructor(readonly path: string) {}

  get description(): string {
    return this.path;
  }

  async write(lines: IntakeLine[]): Promise<number> {
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(this.path, 'a');
    try {
      if (lines.length > 0) {
        await handle.writeFile(serialise(lines), 'utf8');
        await handle.sync();
      }
      return (await handle.stat()).size;
    } finally {
      await handle.close();
    }
  }

  /**
   * Reads the lines past the committed end. Without a committed end (no state saved yet), or
   * when the file is now shorter than it (rotated), the whole file counts. A last line cut off
   * by a crash is cut away, so that the next append starts on a line of its own.
   */
  async uncommitted(committed: number | undefined): Promise<Set<string>> {
    const size = await stat(this.path).then(
      (info) => info.size,
      () => 0,
    );
    const from = committed !== undefined && committed <= size ? committed : 0;
    if (size === from) return new Set();

    const handle = await open(this.path, 'r+');
    try {
      const buffer = Buffer.alloc(size - from);
      await handle.read(buffer, 0, buffer.length, from);
      const complete = buffer.lastIndexOf(0x0a) + 1;
      if (complete < buffer.length) await handle.truncate(from + complete);
      return keysOf(buffer.subarray(0, complete).toString('utf8'));
    } finally {
      await handle.close();
    }
  }
}

/** Writes to a stream such as stdout, which cannot be read back: a crash may repeat a batch. */
export class StreamOutput implements IntakeOutput {
  constructor(
    private readonly stream: NodeJS.WritableStream,
    readonly description = 'standard output',
  ) {}

  async write(lines: IntakeLine[]): Promise<undefined> {
    if (lines.length === 0) return undefined;
    await new Promise<void>((resolve, reject) => {
      this.stream.write(serialise(lines), (error) => (error ? reject(error) : resolve()));
    });
    return undefined;
  }

  async uncommitted(): Promise<Set<string>> {
    return new Set();
  }
}

function keysOf(text: string): Set<string> {
  const keys = new Set<string>();
  for (const row of text.split('\n')) {
    if (row.trim() === '') continue;
    try {
      const line = JSON.parse(row) as Partial<IntakeLine>;
      if (line.type !== undefined && typeof line.unique_key === 'string')
        keys.add(lineKey(line as IntakeLine));
    } catch {
      // A line that does not parse was not written by a completed run; it carries no key to skip.
    }
  }
  return keys;
}
