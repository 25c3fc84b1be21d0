import type { Usage } from './context.js';
import type { SnapshotInfo, World } from './data/world.js';
import { snapshotText } from './data/time.js';
import type { FaultPlan } from './faults.js';
import { readFaultRules } from './faults.js';
import { message, ok } from './responses.js';
import type { EmulatorResponse } from './types.js';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlDeps {
  world: World;
  faults: FaultPlan;
  usage(): Usage;
  requests(): number;
  advanceSnapshot(): SnapshotInfo;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Routes that steer the emulator itself: advance a scan, read its state, set faults. They need no
 * API key, cost no quota and answer loopback clients only.
 */
export function controlResponse(
  deps: ControlDeps,
  method: string,
  path: string,
  remoteAddress: string | undefined,
  body: unknown,
): EmulatorResponse {
  if (!LOOPBACK.has(remoteAddress ?? ''))
    return message(403, 'Control routes answer loopback clients only.');
  const route = `${method} ${path}`;
  if (route === 'POST /__emulator/snapshots') return { status: 201, body: deps.advanceSnapshot() };
  if (route === 'PUT /__emulator/faults') {
    const rules = readFaultRules(body);
    if (typeof rules === 'string') return message(400, `Invalid fault rules: ${rules}.`);
    deps.faults.set(rules);
    return ok({ faults: deps.faults.rules() });
  }
  if (route === 'GET /__emulator/state') {
    const { world } = deps;
    return ok({
      seed: world.seed,
      snapshots: world.timeline.times.map((t, index) => ({ index, snapshot: snapshotText(t) })),
      usage: deps.usage(),
      requests: deps.requests(),
      projects: world.projects.map((p) => ({
        id: p.profile.id,
        title: p.profile.title,
        assets: p.table.count,
      })),
      faults: deps.faults.rules(),
    });
  }
  return message(404, 'Not Found');
}
