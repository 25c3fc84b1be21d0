import { compilePath, type CompiledPath } from '../mapping/compiled-path.js';
import { parsePath, type Segment } from '../mapping/path-syntax.js';
import { closestNames } from '../suggest.js';
import type { StepOutput } from './types.js';

/** `{{ $.steps.projects.rawData.data[0].id }}`: a JSONPath between double braces. */
const TEMPLATE = /\{\{\s*(.*?)\s*\}\}/g;
const WHOLE = /^\{\{\s*(.*?)\s*\}\}$/;

/** What references are evaluated against: earlier steps' outputs and, in forEach, the element. */
export interface ReferenceScope {
  steps: Record<string, StepOutput>;
  item?: unknown;
  index?: number;
}

export class UnresolvedReference extends Error {
  constructor(
    readonly reference: string,
    reason: string,
  ) {
    super(`The reference ${reference} cannot be resolved: ${reason}.`);
    this.name = 'UnresolvedReference';
  }
}

/** Every JSONPath referenced in a value, however deeply nested. */
export function referencesIn(value: unknown): string[] {
  if (typeof value === 'string')
    return [...value.matchAll(TEMPLATE)].map((match) => match[1] ?? '');
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value !== null && typeof value === 'object')
    return Object.values(value).flatMap(referencesIn);
  return [];
}

/**
 * Replaces references in a value. A string that is a single reference becomes the value found,
 * whatever its type (a list stays a list); a reference inside other text is written into it, as
 * JSON when not a string. A path with a wildcard, slice, union or `..` yields the list of matches.
 */
export function resolveValue(value: unknown, scope: ReferenceScope): unknown {
  if (typeof value === 'string') return resolveString(value, scope);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, scope));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveValue(item, scope)]),
    );
  }
  return value;
}

function resolveString(text: string, scope: ReferenceScope): unknown {
  const whole = WHOLE.exec(text);
  if (whole?.[1] !== undefined && !whole[1].includes('}}'))
    return evaluateReference(whole[1], scope);
  return text.replace(TEMPLATE, (_, path: string) => {
    const found = evaluateReference(path, scope);
    return typeof found === 'string' ? found : JSON.stringify(found);
  });
}

const compiled = new Map<string, { path: CompiledPath; segments: Segment[] }>();

/** The value at a reference path; throws UnresolvedReference saying why when nothing matches. */
export function evaluateReference(path: string, scope: ReferenceScope): unknown {
  let entry = compiled.get(path);
  if (entry === undefined) {
    entry = { path: compilePath(path), segments: parsePath(path) };
    compiled.set(path, entry);
  }

  const matches = entry.path.evaluate(scope);
  if (matches.length === 0)
    throw new UnresolvedReference(`{{ ${path} }}`, explain(entry.segments, scope));
  return isSingular(entry.segments) ? matches[0] : matches;
}

function isSingular(segments: Segment[]): boolean {
  return segments.every((segment) => segment.kind === 'name' || segment.kind === 'index');
}

function explain(segments: Segment[], scope: ReferenceScope): string {
  const [root, step] = segments;
  if (root?.kind === 'name' && root.name === 'item') {
    return scope.item === undefined
      ? '$.item exists only in a step with forEach'
      : 'the item has no such field';
  }
  if (root?.kind !== 'name' || root.name !== 'steps' || step?.kind !== 'name') {
    return 'references start with $.steps.<id> or $.item';
  }

  const output = scope.steps[step.name];
  if (output === undefined) {
    const ran = Object.keys(scope.steps);
    const close = closestNames(step.name, ran);
    const hint = close.length > 0 ? ` (did you mean "${close.join('" or "')}"?)` : '';
    const list = ran.length > 0 ? `steps run so far: ${ran.join(', ')}` : 'no step has run yet';
    return `no step "${step.name}" ran before this one${hint}; ${list}`;
  }
  if (output.returnData === 'Failed')
    return `step "${step.name}" failed, so its output has no such value`;
  return `nothing matches it in the output of step "${step.name}"`;
}
