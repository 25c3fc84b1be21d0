import { describe, expect, it } from 'vitest';
import { controlResponse } from '../../emulator/control.js';
import type { ControlDeps } from '../../emulator/control.js';
import { World } from '../../emulator/data/world.js';
import { FaultPlan } from '../../emulator/faults.js';

function deps(): ControlDeps {
  const world = new World({
    seed: 1,
    projects: 1,
    assetsPerProject: 10,
    snapshots: 2,
    taggingDelayMs: 0,
  });
  return {
    world,
    faults: new FaultPlan(1, []),
    usage: () => ({ current: 0, allowed: 10 }),
    requests: () => 0,
    advanceSnapshot: () => world.advanceSnapshot(),
  };
}

describe('control routes', () => {
  it('refuses clients that are not on loopback', () => {
    const reply = controlResponse(deps(), 'POST', '/__emulator/snapshots', '10.1.2.3', undefined);
    expect(reply).toEqual({
      status: 403,
      body: { message: 'Control routes answer loopback clients only.' },
    });
  });

  it('accepts IPv4 and IPv6 loopback clients', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(controlResponse(deps(), 'GET', '/__emulator/state', address, undefined).status).toBe(
        200,
      );
    }
  });

  it('refuses a fault list that is not an array', () => {
    const reply = controlResponse(deps(), 'PUT', '/__emulator/faults', '127.0.0.1', {
      status: 500,
    });
    expect(reply.status).toBe(400);
  });
});
