import { describe, expect, it } from 'vitest';
import { Router, splitPath } from '../../emulator/router.js';
import type { Route } from '../../emulator/types.js';

const route = (method: string, pattern: string): Route => ({
  method,
  pattern,
  handle: () => ({ status: 200, body: pattern }),
});

describe('Router', () => {
  const router = new Router([
    route('GET', '/v1/asi/rules/:projectId/:snapshot/issues'),
    route('GET', '/v1/asi/rules/history/:projectId/activity'),
    route('GET', '/v2/projects/:projectId/tags/:tagName'),
    route('POST', '/v2/projects/:projectId/tags/:tagName'),
    route('GET', '/v2/projects/:projectId/tags/_task_status/:taskId'),
  ]);

  it('decodes path parameters', () => {
    const match = router.match('GET', splitPath('/v2/projects/p1/tags/internet%20facing') ?? []);
    expect(match).toMatchObject({
      kind: 'route',
      params: { projectId: 'p1', tagName: 'internet facing' },
    });
  });

  it('prefers the pattern with more literal segments', () => {
    const match = router.match('GET', splitPath('/v1/asi/rules/history/p1/activity') ?? []);
    expect(match.kind === 'route' && match.route.pattern).toBe(
      '/v1/asi/rules/history/:projectId/activity',
    );
  });

  it('reports the allowed methods for a known path with another method', () => {
    expect(router.match('DELETE', splitPath('/v2/projects/p1/tags/t') ?? [])).toEqual({
      kind: 'method',
      allowed: ['GET', 'POST'],
    });
  });

  it('ignores a trailing slash and rejects a bad escape', () => {
    expect(router.match('GET', splitPath('/v2/projects/p1/tags/t/') ?? []).kind).toBe('route');
    expect(splitPath('/v2/%E0%A4%A')).toBeUndefined();
  });
});
