import type { Route } from './types.js';

/** Splits a raw URL path into decoded segments; a trailing slash is ignored. Bad escapes give undefined. */
export function splitPath(rawPath: string): string[] | undefined {
  const parts = rawPath.split('/').slice(1);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}

/** Matches path segments against a pattern such as `/v2/projects/:projectId`. */
export function matchPattern(
  pattern: string,
  segments: readonly string[],
): Record<string, string> | undefined {
  const parts = pattern.split('/').slice(1);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let k = 0; k < parts.length; k += 1) {
    const part = parts[k] ?? '';
    const segment = segments[k] ?? '';
    if (part.startsWith(':')) {
      if (segment === '') return undefined;
      params[part.slice(1)] = segment;
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

const literalCount = (pattern: string): number =>
  pattern.split('/').filter((part) => part !== '' && !part.startsWith(':')).length;

export type RouteMatch =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

/** Finds the route for a request; where two patterns fit, the one with more literal segments wins. */
export class Router {
  private readonly routes: Route[];

  constructor(routes: Route[]) {
    this.routes = [...routes].sort((a, b) => literalCount(b.pattern) - literalCount(a.pattern));
  }

  match(method: string, segments: readonly string[]): RouteMatch {
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const params = matchPattern(route.pattern, segments);
      if (params === undefined) continue;
      if (route.method === method) return { kind: 'route', route, params };
      allowed.add(route.method);
    }
    return allowed.size > 0 ? { kind: 'method', allowed: [...allowed] } : { kind: 'none' };
  }
}
