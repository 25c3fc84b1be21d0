import { JSONPath } from 'jsonpath-plus';
import { anchorPath, parsePath, type Segment } from './path-syntax.js';

/** A JSON path checked and prepared once, evaluated many times. */
export interface CompiledPath {
  readonly source: string;
  evaluate(value: unknown): unknown[];
  /** The first match, or undefined when the path matches nothing. */
  first(value: unknown): unknown;
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

  if (segments.every((segment) => WALKED.has(segment.kind))) {
    const steps = segments.map(toStep);
    return {
      source,
      evaluate: (value) => {
        const out: unknown[] = [];
        collect(value, steps, 0, out);
        return out;
      },
      first: (value) => {
        const found = findFirst(value, steps, 0);
        return found === NOTHING ? undefined : found;
      },
    };
  }

  const evaluate = (value: unknown) =>
    JSONPath({ path: anchored, json: value as object, wrap: true, eval: false }) as unknown[];
  return { source, evaluate, first: (value) => evaluate(value)[0] };
}

/** A walked segment, prepared once: `*`, or the property names it may match. */
type Step = { wildcard: true } | { wildcard: false; keys: string[] };

const NOTHING = Symbol('nothing');

function toStep(segment: Segment): Step {
  if (segment.kind === 'wildcard') return { wildcard: true };
  if (segment.kind === 'name') return { wildcard: false, keys: [segment.name] };
  if (segment.kind === 'index') return { wildcard: false, keys: [String(segment.index)] };
  if (segment.kind === 'union') return { wildcard: false, keys: segment.keys.map(String) };
  return { wildcard: false, keys: [] };
}

/** Children of a value for one step, in document order, as jsonpath-plus visits them. */
function children(value: unknown, step: Step): unknown[] {
  if (value === null || value === undefined) return [];
  if (step.wildcard) {
    if (Array.isArray(value)) return value as unknown[];
    return typeof value === 'object' ? Object.values(value) : [];
  }
  const holder = Object(value) as Record<string, unknown>;
  const found: unknown[] = [];
  for (const key of step.keys) if (Object.hasOwn(holder, key)) found.push(holder[key]);
  return found;
}

function collect(value: unknown, steps: Step[], depth: number, out: unknown[]): void {
  if (depth === steps.length) {
    out.push(value);
    return;
  }
  for (const child of children(value, steps[depth] as Step)) collect(child, steps, depth + 1, out);
}

/** The first match in document order, without gathering the others. */
function findFirst(value: unknown, steps: Step[], depth: number): unknown {
  if (depth === steps.length) return value;
  const step = steps[depth] as Step;
  if (!step.wildcard && step.keys.length === 1 && value !== null && value !== undefined) {
    const holder = Object(value) as Record<string, unknown>;
    const key = step.keys[0] as string;
    return Object.hasOwn(holder, key) ? findFirst(holder[key], steps, depth + 1) : NOTHING;
  }
  if (step.wildcard && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    // Walks the object's own values in order without building the Object.values array.
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const found = findFirst((value as Record<string, unknown>)[key], steps, depth + 1);
      if (found !== NOTHING) return found;
    }
    return NOTHING;
  }
  for (const child of children(value, step)) {
    const found = findFirst(child, steps, depth + 1);
    if (found !== NOTHING) return found;
  }
  return NOTHING;
}
