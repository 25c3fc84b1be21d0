import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestIds } from './context.js';
import type { RouteContext, Usage } from './context.js';
import type { SnapshotInfo } from './data/world.js';
import { World } from './data/world.js';
import { exploreRoutes } from './explore/index.js';
import { FaultPlan } from './faults.js';
import type { FaultRule } from './faults.js';
import { AccessGate } from './gate.js';
import { resolveOptions } from './options.js';
import type { EmulatorOptions } from './options.js';
import { Router } from './router.js';
import { apiRoutes } from './routes/index.js';
import { requestListener } from './server.js';

export { DEMO_API_KEY } from './options.js';
export type { EmulatorOptions } from './options.js';
export type { FaultKind, FaultRule } from './faults.js';
export type { SnapshotInfo } from './data/world.js';
export type { Usage } from './context.js';
export type { Clock, EmulatorRequest, EmulatorResponse, Route } from './types.js';

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:43121`, to use as the connection's server URL. */
  url: string;
  /** The first accepted API key. */
  apiKey: string;
  projectIds: string[];
  stop(): Promise<void>;
  /** Runs a new scan: a snapshot one day after the previous one, with rules added and removed. */
  advanceSnapshot(): SnapshotInfo;
  setFaults(rules: FaultRule[]): void;
  usage(): Usage;
  /** API requests received so far, whatever their outcome (control routes excluded). */
  requests(): number;
}

function urlFor(host: string, port: number): string {
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/** Starts the SecurityTrails API emulator on loopback with deterministic synthetic data. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveOptions(options);
  const world = new World({
    seed: config.seed,
    projects: config.projects,
    assetsPerProject: config.assetsPerProject,
    snapshots: config.snapshots,
    taggingDelayMs: config.taggingDelayMs,
  });
  const gate = new AccessGate({
    apiKeys: config.apiKeys,
    invalidKeyStatus: config.invalidKeyStatus,
    monthlyQuota: config.monthlyQuota,
    ratePerSecond: config.ratePerSecond,
    clock: config.clock,
  });
  const faults = new FaultPlan(config.seed, config.faults);
  const ctx: RouteContext = {
    world,
    clock: config.clock,
    usage: () => gate.usage(),
    requestId: requestIds(config.seed),
  };
  const exploration = exploreRoutes({
    seed: config.seed,
    hosts: config.hosts,
    clock: config.clock,
    scrollTtlMs: config.scrollTtlMs,
  });
  let requests = 0;
  const advanceSnapshot = () => world.advanceSnapshot();

  const server = createServer(
    requestListener({
      router: new Router(apiRoutes(ctx, exploration)),
      gate,
      faults,
      clock: config.clock,
      logRequests: config.logRequests,
      countRequest: () => {
        requests += 1;
      },
      settle: (now) => world.tagging.settle(now),
      control: {
        world,
        faults,
        usage: () => gate.usage(),
        requests: () => requests,
        advanceSnapshot,
      },
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: urlFor(config.host, port),
    apiKey: config.apiKeys[0] ?? '',
    projectIds: world.projects.map((p) => p.profile.id),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    advanceSnapshot,
    setFaults: (rules) => faults.set(rules),
    usage: () => gate.usage(),
    requests: () => requests,
  };
}
