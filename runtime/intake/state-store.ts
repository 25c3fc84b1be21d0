import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConnectorError } from '../errors/connector-error.js';

/**
 * Where the intake keeps its state between runs, one JSON value per key. A file serves one
 * machine; a shared store (Redis) can implement the same two calls for a fleet.
 */
export interface StateStore {
  /** The value saved under the key, or undefined when there is none yet. */
  load(key: string): Promise<unknown>;
  save(key: string, state: unknown): Promise<void>;
}

/**
 * Keeps every key in one JSON object in a file. A save writes a temporary file next to it,
 * flushes it to disk and renames it over the old one, so a crash at any point leaves either the
 * old state or the new one, never a mix. A file that does not parse is refused, never reset:
 * resetting would deliver every issue of the window again.
 */
export class FileStateStore implements StateStore {
  constructor(readonly path: string) {}

  async load(key: string): Promise<unknown> {
    const entries = await this.readEntries();
    return Object.hasOwn(entries, key) ? entries[key] : undefined;
  }

  async save(key: string, state: unknown): Promise<void> {
    const entries = await this.readEntries();
    Object.defineProperty(entries, key, { value: state, enumerable: true, writable: true });
    await writeAtomically(this.path, `${JSON.stringify(entries, null, 2)}\n`);
  }

  private async readEntries(): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw this.invalid(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown'})`);
    }

    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch (error) {
      throw this.invalid(`is not valid JSON (${(error as Error).message})`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw this.invalid('does not hold a JSON object');
    }
    return parsed as Record<string, unknown>;
  }

  private invalid(reason: string): ConnectorError {
    return new ConnectorError(
      'STATE_INVALID',
      `The state file ${this.path} ${reason}; it was left as it is. Repair it, or move it away ` +
        'to start again from Start Time (issues of that window are then delivered again).',
      { details: { path: this.path } },
    );
  }
}

/** Temp file, fsync, rename, fsync of the folder: the rename is what makes the new state real. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes the rename itself durable; some platforms cannot open a folder, which is then skipped. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync();
  } catch {
    // Folders cannot be flushed on every file system; the rename is still atomic there.
  } finally {
    await handle.close();
  }
}
