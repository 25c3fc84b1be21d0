import type { ProjectData, World } from './data/world.js';
import { hexFrom } from './data/prng.js';
import { unknownProject } from './responses.js';
import type { Clock, EmulatorRequest, EmulatorResponse, Route } from './types.js';

export interface Usage {
  current: number;
  allowed: number;
}

/** What route handlers share: the data, the clock, usage figures and request ids. */
export interface RouteContext {
  world: World;
  clock: Clock;
  usage(): Usage;
  requestId(): string;
}

/** Request ids look like recorded ones (32 hex digits) and repeat from run to run. */
export function requestIds(seed: number): () => string {
  let serial = 0;
  return () => {
    serial += 1;
    return hexFrom(32, seed, serial, 0x1d);
  };
}

export function findProject(ctx: RouteContext, id: string | undefined): ProjectData | undefined {
  return id === undefined ? undefined : ctx.world.project(id);
}

export type ProjectHandler = (project: ProjectData, req: EmulatorRequest) => EmulatorResponse;

/** A route under a project id; an unknown project gets `missing()` (v2 and v1 word it differently). */
export function projectRoute(
  ctx: RouteContext,
  method: string,
  pattern: string,
  handle: ProjectHandler,
  missing: () => EmulatorResponse = unknownProject,
): Route {
  return {
    method,
    pattern,
    handle(req) {
      const project = findProject(ctx, req.params.projectId);
      return project === undefined ? missing() : handle(project, req);
    },
  };
}
