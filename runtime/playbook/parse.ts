import { parsePath, PathSyntaxError } from '../mapping/path-syntax.js';
import { referencesIn } from './references.js';
import type { OnFailure, Playbook, PlaybookStep } from './types.js';

/** A playbook that cannot run as written: the message names the step and the field. */
export class PlaybookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaybookError';
  }
}

const STEP_ID = /^[A-Za-z_][\w-]*$/;
const ON_FAILURE: OnFailure[] = ['stop', 'continue'];

/**
 * Checks a playbook's shape and the syntax of every reference before any step runs. Whether a
 * reference finds a value is only known when its step runs; one that does not fails that step.
 */
export function parsePlaybook(source: unknown): Playbook {
  if (!isRecord(source))
    throw new PlaybookError('A playbook is a JSON object with "name" and "steps".');
  const { name, description, steps } = source;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new PlaybookError('The playbook needs a "name": a non-empty string.');
  }
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new PlaybookError('The playbook needs "steps": a non-empty list of steps.');
  }

  const parsed = steps.map((step, index) => parseStep(step, `steps[${index}]`));
  const seen = new Set<string>();
  for (const step of parsed) {
    if (seen.has(step.id))
      throw new PlaybookError(`Two steps have the id "${step.id}"; ids must be unique.`);
    seen.add(step.id);
  }
  return { name, ...(typeof description === 'string' && { description }), steps: parsed };
}

function parseStep(step: unknown, at: string): PlaybookStep {
  if (!isRecord(step)) throw new PlaybookError(`${at} must be an object.`);
  const { id, command, description, inputs = {}, forEach, onFailure = 'stop' } = step;

  if (typeof id !== 'string' || !STEP_ID.test(id)) {
    throw new PlaybookError(
      `${at}.id must start with a letter or _ and hold only letters, digits, _ and -; got ${JSON.stringify(id)}.`,
    );
  }
  const where = `Step "${id}"`;
  if (typeof command !== 'string' || command === '')
    throw new PlaybookError(`${where} needs a "command": a display name.`);
  if (!isRecord(inputs))
    throw new PlaybookError(`${where}: "inputs" must be an object keyed by input name.`);
  if (forEach !== undefined && typeof forEach !== 'string') {
    throw new PlaybookError(
      `${where}: "forEach" must be a JSONPath string such as "$.steps.assets.rawData.data".`,
    );
  }
  if (!ON_FAILURE.includes(onFailure as OnFailure)) {
    throw new PlaybookError(
      `${where}: "onFailure" must be "stop" or "continue"; got ${JSON.stringify(onFailure)}.`,
    );
  }

  const list = forEach === undefined ? undefined : unwrap(forEach);
  if (list !== undefined) checkPath(list, `${where}: forEach`, false);
  for (const reference of referencesIn(inputs))
    checkPath(reference, `${where}: the reference {{ ${reference} }}`, list !== undefined);

  return {
    id,
    command,
    ...(typeof description === 'string' && { description }),
    inputs,
    ...(list !== undefined && { forEach: list }),
    onFailure: onFailure as OnFailure,
  };
}

/** forEach is a bare path; `{{ path }}` is accepted too, as inputs write references that way. */
function unwrap(path: string): string {
  return /^\{\{\s*(.*?)\s*\}\}$/.exec(path.trim())?.[1] ?? path.trim();
}

function checkPath(path: string, where: string, itemAllowed: boolean): void {
  let root: string | undefined;
  try {
    const [first, second] = parsePath(path);
    root =
      first?.kind === 'name' && (first.name !== 'steps' || second?.kind === 'name')
        ? first.name
        : undefined;
  } catch (error) {
    if (error instanceof PathSyntaxError)
      throw new PlaybookError(`${where} is not a valid JSONPath: ${error.message}`);
    throw error;
  }
  if (!path.trim().startsWith('$')) throw new PlaybookError(`${where} must start with $.`);
  if (root === 'steps') return;
  if ((root === 'item' || root === 'index') && itemAllowed) return;
  const allowed = itemAllowed ? '$.steps.<id>, $.item or $.index' : '$.steps.<id>';
  throw new PlaybookError(`${where} must start with ${allowed}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
