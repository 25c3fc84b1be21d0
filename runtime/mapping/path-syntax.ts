/**
 * Checks and splits a JSONPath before it is ever evaluated. jsonpath-plus returns `[]` for
 * several malformed paths instead of failing, so a typo in a mapping would silently map nothing;
 * here it is refused with its position. Script and filter expressions are refused too: mapping
 * files are data, and evaluation runs with `eval: false`.
 *
 * Item-relative paths as the vendor documentation writes them (`.example_entities.*[0].additional`)
 * are anchored to the item by prefixing `$`.
 */
export type Segment =
  | { kind: 'name'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'descendant'; inner: Segment }
  | { kind: 'union'; keys: (string | number)[] }
  | { kind: 'slice'; start?: number; end?: number; step?: number };

export class PathSyntaxError extends Error {
  constructor(
    readonly path: string,
    readonly position: number,
    reason: string,
  ) {
    super(`JSON path '${path}' is malformed at position ${position}: ${reason}.`);
    this.name = 'PathSyntaxError';
  }
}

export function anchorPath(source: string): string {
  const trimmed = source.trim();
  if (trimmed.startsWith('$')) return trimmed;
  return trimmed.startsWith('.') || trimmed.startsWith('[') ? `$${trimmed}` : `$.${trimmed}`;
}

const NAME = /^[A-Za-z_$@][\w$@-]*/;

export function parsePath(input: string): Segment[] {
  const path = anchorPath(input);
  if (!path.startsWith('$')) throw new PathSyntaxError(path, 0, "a path starts with '$' or '.'");
  const segments: Segment[] = [];
  let at = 1;

  while (at < path.length) {
    if (path.startsWith('..', at)) {
      const [inner, next] = parseStep(path, at + 2, true);
      segments.push({ kind: 'descendant', inner });
      at = next;
    } else if (path[at] === '.') {
      const [step, next] = parseStep(path, at + 1, false);
      segments.push(step);
      at = next;
    } else if (path[at] === '[') {
      const [step, next] = parseBracket(path, at);
      segments.push(step);
      at = next;
    } else {
      throw new PathSyntaxError(path, at, `unexpected '${path[at]}'; expected '.', '..' or '['`);
    }
  }
  return segments;
}

function parseStep(path: string, at: number, afterDescent: boolean): [Segment, number] {
  if (path[at] === '*') return [{ kind: 'wildcard' }, at + 1];
  if (afterDescent && path[at] === '[') return parseBracket(path, at);

  const name = NAME.exec(path.slice(at))?.[0];
  if (name === undefined) throw new PathSyntaxError(path, at, 'expected a property name or *');
  return [{ kind: 'name', name }, at + name.length];
}

function parseBracket(path: string, open: number): [Segment, number] {
  const close = findClose(path, open);
  const body = path.slice(open + 1, close).trim();
  const next = close + 1;

  if (body === '*') return [{ kind: 'wildcard' }, next];
  if (body.startsWith('?') || body.startsWith('(')) {
    throw new PathSyntaxError(path, open + 1, 'filter and script expressions are not allowed');
  }
  if (/^-?\d*:-?\d*(:-?\d+)?$/.test(body)) return [parseSlice(body), next];

  const keys = splitKeys(path, open + 1, close).map(({ text, at }) => parseKey(path, text, at));
  const [only] = keys;
  if (keys.length === 1 && typeof only === 'number') return [{ kind: 'index', index: only }, next];
  if (keys.length === 1 && typeof only === 'string') return [{ kind: 'name', name: only }, next];
  return [{ kind: 'union', keys }, next];
}

function findClose(path: string, open: number): number {
  let quote: string | undefined;
  for (let at = open + 1; at < path.length; at += 1) {
    const char = path[at];
    if (quote !== undefined) {
      if (char === '\\') at += 1;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === ']') return at;
  }
  throw new PathSyntaxError(path, open, "'[' is never closed");
}

/** The comma-separated parts of a bracket, with their positions; commas inside quotes do not split. */
function splitKeys(path: string, from: number, close: number): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let quote: string | undefined;
  let start = from;
  for (let at = from; at <= close; at += 1) {
    const char = path[at];
    if (quote !== undefined) {
      if (char === '\\') at += 1;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === ',' || at === close) {
      const raw = path.slice(start, at);
      parts.push({ text: raw.trim(), at: start + (raw.length - raw.trimStart().length) });
      start = at + 1;
    }
  }
  return parts;
}

function parseKey(path: string, part: string, position: number): string | number {
  if (/^-?\d+$/.test(part)) return Number(part);
  const quoted = /^(['"])(.*)\1$/s.exec(part);
  if (quoted?.[2] !== undefined) return quoted[2].replace(/\\(.)/g, '$1');
  throw new PathSyntaxError(path, position, `'${part}' is neither an index nor a quoted name`);
}

function parseSlice(body: string): Segment {
  const [start, end, step] = body
    .split(':')
    .map((part) => (part === '' ? undefined : Number(part)));
  return {
    kind: 'slice',
    ...(start !== undefined && { start }),
    ...(end !== undefined && { end }),
    ...(step !== undefined && { step }),
  };
}
