import { appendFile, readFile } from 'node:fs/promises';
import type { CheckOutcome, CheckResult } from './types.js';

export interface HealthHistory {
  append(result: CheckResult): Promise<void>;
}

/** The history as JSON lines, one per check, appended in the order the checks finish. */
export class JsonLinesHistory implements HealthHistory {
  // Appends go one after another so that lines of concurrent checks never interleave.
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  append(result: CheckResult): Promise<void> {
    const write = this.queue.then(() => appendFile(this.path, `${JSON.stringify(result)}\n`));
    this.queue = write.catch(() => undefined);
    return write;
  }
}

/**
 * The last outcome per connection in a history file; none when the file does not exist. A line
 * that does not parse (a write cut short by a crash) is skipped rather than fatal.
 */
export async function lastOutcomes(path: string): Promise<Map<string, CheckOutcome>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }

  const outcomes = new Map<string, CheckOutcome>();
  for (const line of text.split('\n')) {
    const entry = parseLine(line);
    if (entry !== undefined) outcomes.set(entry.connection, entry.outcome);
  }
  return outcomes;
}

function parseLine(line: string): Pick<CheckResult, 'connection' | 'outcome'> | undefined {
  if (line.trim() === '') return undefined;
  try {
    const entry = JSON.parse(line) as Partial<CheckResult>;
    const { connection, outcome } = entry;
    if (typeof connection !== 'string' || (outcome !== 'Passed' && outcome !== 'Failed'))
      return undefined;
    return { connection, outcome };
  } catch {
    return undefined;
  }
}
