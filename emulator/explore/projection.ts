/**
 * Reads and projects nested SQL records along dotted paths. Arrays are walked through: a path
 * continues inside every element, so `dns.a.value.ip` reads each A record's `ip`.
 */

/** Every value at the end of the path; leaf arrays are flattened, null and missing dropped. */
export function collect(value: unknown, segments: readonly string[]): unknown[] {
  if (value == null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => collect(item, segments));

  const [head, ...rest] = segments;
  if (head === undefined) return [value];
  if (typeof value !== 'object') return [];
  return collect((value as Record<string, unknown>)[head], rest);
}

/**
 * A copy of `record` holding only the given paths, keeping the nesting and the arrays on the
 * way (`{"dns": {"a": {"value": [{"ip": "..."}]}}}`). A null on the way is kept as null, so a
 * selected field never silently disappears; paths that share a prefix are merged.
 */
export function project(
  record: Record<string, unknown>,
  paths: readonly (readonly string[])[],
): Record<string, unknown> {
  let result: unknown = {};
  for (const path of paths) result = merge(result, pick(record, path));
  return result as Record<string, unknown>;
}

function pick(value: unknown, segments: readonly string[]): unknown {
  const [head, ...rest] = segments;
  if (head === undefined || value === null || typeof value !== 'object') return value ?? null;
  if (Array.isArray(value)) return value.map((item) => pick(item, segments));
  return { [head]: pick((value as Record<string, unknown>)[head], rest) };
}

function merge(target: unknown, source: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(source)) {
    return source.map((item, index) => merge(target[index], item));
  }
  if (isPlainObject(target) && isPlainObject(source)) {
    const merged: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(source)) merged[key] = merge(merged[key], value);
    return merged;
  }
  return source;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
