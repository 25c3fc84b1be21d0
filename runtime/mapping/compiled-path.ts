import { JSONPath } from 'jsonpath-plus';
import { anchorPath, parsePath, type Segment } from './path-syntax.js';

/** A JSON path checked and prepared once, evaluated many times. */
export interface CompiledPath {
  readonly source: string;
  evaluate(value: unknown): unknown[];
}

/**
 * Paths made only of names, indexes and wildcards (all of the documented mappings) run through
 * a direct walker that follows jsonpath-plus's own rules: a name or index matches an own
 * property (so `[0]` also indexes strings and objects with a key "0"), and `*` expands arrays and
 * objects. Descendants, unions and slices go to jsonpath-plus with script evaluation off.
 */
export function compilePath(source: string): CompiledPath {
  const segments = parsePath(source);
  const anchored = anchorPath(source);
  const simple = segments.every(
    (s) => s.kind === 'name' || s.kind === 'index' || s.kind === 'wildcard',
  );

  if (simple) return { source, evaluate: (value) => walk(value, segments) };
  return {
    source,
    evaluate: (value) =>
      JSONPath({ path: anchored, json: value as object, wrap: true, eval: false }) as unknown[],
  };
}

function walk(root: unknown, segments: Segment[]): unknown[] {
  let current: unknown[] = [root];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const value of current) step(value, segment, next);
    if (next.length === 0) return next;
    current = next;
  }
  return current;
}

function step(value: unknown, segment: Segment, out: unknown[]): void {
  if (value === null || value === undefined) return;

  if (segment.kind === 'wildcard') {
    if (Array.isArray(value)) out.push(...(value as unknown[]));
    else if (typeof value === 'object') out.push(...Object.values(value));
    return;
  }
  if (segment.kind !== 'name' && segment.kind !== 'index') return;
  const key = segment.kind === 'name' ? segment.name : String(segment.index);
  const holder = Object(value) as Record<string, unknown>;
  if (Object.hasOwn(holder, key)) out.push(holder[key]);
}
