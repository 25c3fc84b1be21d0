import { readFile } from 'node:fs/promises';
import { closestNames } from '../suggest.js';

/** Exit codes of every subcommand: a Failed envelope or check is 1, a usage mistake is 2. */
export const EXIT = { successful: 0, failed: 1, usage: 2 } as const;

/** A mistake in how the CLI was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Reads and parses a JSON file named by an option; every problem is a usage error. */
export async function readJsonFile(path: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'unreadable';
    throw new UsageError(`${option} ${path}: ${reason}.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${option} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** ` Did you mean "A" or "B"?`, or nothing when no known name is close. */
export function didYouMean(typed: string, known: string[]): string {
  const close = closestNames(typed, known);
  if (close.length === 0) return '';
  return ` Did you mean ${close.map((name) => `"${name}"`).join(' or ')}?`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
