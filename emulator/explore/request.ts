import type { EmulatorResponse } from '../types.js';

/**
 * Every exploration error is 400 with `{"message": ...}`. The public sources disagree on the
 * status for a bad query (the docs' generic 400 for bad requests, a client that groups 400 and
 * 422 as "bad DSL/SQL or expired scroll", an integration guide that shows 403 "Invalid Query");
 * 400 is the only one the API's own error table defines for a malformed request, and
 * 403 would read as an authorization failure. Expired or unknown scroll ids get 400 too, not
 * 404: the request is stale rather than aimed at a missing resource.
 */
export function badRequest(message: string): EmulatorResponse {
  return { status: 400, body: { message } };
}

export function ok(body: unknown): EmulatorResponse {
  return { status: 200, body };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** true/false/1/0 in any case; `fallback` when absent; undefined when unreadable. */
export function booleanParam(
  query: URLSearchParams,
  name: string,
  fallback: boolean,
): boolean | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const normalized = raw.trim().toLowerCase();
  if (normalized === 'true' || normalized === '1') return true;
  if (normalized === 'false' || normalized === '0') return false;
  return undefined;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
