import { JSONPath } from 'jsonpath-plus';
import { anchorPath, parsePath, type Segment } from './path-syntax.js';

/** A JSON path checked and prepared once, evaluated many times. */
export interface CompiledPath {
  readonly source: string;
  evaluate(value: unknown): unknown[];
}

const WALKED = new Set<Segment['kind']>(['name', 'index', 'wildcard', 'union']);

/**
 * Paths made only of names, indexes, wildcards and unions of them (all of the documented
 * mappings) run through a direct walker that follows jsonpath-plus's own rules: a name or index
 * matches an own property (so `[0]` also indexes strings and objects with a key "0"), and `*`
 * expands arrays and objects. Unions are walked here too, because jsonpath-plus drops quoted
 * names in a union (`['x','y']`). Descendants and slices go to jsonpath-plus with script
 * evaluation off.
 */
export function compilePath(source: string): CompiledPath {
  const segments = parsePath(source);
  const anchored = anchorPath(source);
  const simple = segments.every((segment) => WALKED.has(segment.kind));

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
  const holder = Object(value) as Record<string, unknown>;
  const keys = keysOf(segment);
  for (const key of keys) if (Object.hasOwn(holder, key)) out.push(holder[key]);
}

function keysOf(segment: Segment): string[] {
  if (segment.kind === 'name') return [segment.name];
  if (segment.kind === 'index') return [String(segment.index)];
  if (segment.kind === 'union') return segment.keys.map(String);
  return [];
}
