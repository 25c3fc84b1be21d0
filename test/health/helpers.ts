import { ERROR_CATALOG, type ErrorCode } from '../../runtime/errors/catalog.js';
import type { Connector } from '../../runtime/connector.js';
import type { Timer } from '../../runtime/health/timer.js';
import type { HealthNotice, HealthTarget, Notifier } from '../../runtime/health/types.js';
import type { Envelope } from '../../runtime/types.js';

export const START = Date.parse('2025-06-01T00:00:00.000Z');
export const MINUTE = 60_000;

/** Lets pending promise chains and I/O callbacks run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 20; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** A clock that moves only when the test says so, firing due timeouts in order. */
export class ManualTimer implements Timer {
  private time = START;
  private queue: { at: number; id: number; callback: () => void }[] = [];
  private lastId = 0;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    this.lastId += 1;
    this.queue.push({ at: this.time + Math.max(0, ms), id: this.lastId, callback });
    return this.lastId;
  }

  clearTimeout(handle: object | number): void {
    this.queue = this.queue.filter((entry) => entry.id !== handle);
  }

  get pending(): number {
    return this.queue.length;
  }

  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      await settle();
      const due = this.queue.filter((entry) => entry.at <= target).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.queue = this.queue.filter((entry) => entry !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = target;
    await settle();
  }
}

export function target(name: string, overrides: Partial<HealthTarget> = {}): HealthTarget {
  return {
    name,
    description: `${name} tenant`,
    active: true,
    intervalMinutes: 5,
    connection: { serverUrl: `https://${name}.example.test`, apiKey: 'key', apiVersion: 'v2' },
    ...overrides,
  };
}

export function passed(durationMs = 40): Envelope {
  return {
    command: 'Test Connection',
    returnData: 'Successful',
    rawData: { success: true },
    executionId: 'e',
    durationMs,
  };
}

export function failed(code: ErrorCode, statusCode: number | null, message: string): Envelope {
  const entry = ERROR_CATALOG[code];
  return {
    command: 'Test Connection',
    returnData: 'Failed',
    rawData: null,
    error: {
      failureIndicator: 'Test Connection failed. Failed to check the connector.',
      statusCode,
      message,
      code,
      class: entry.class,
      retryable: entry.retryable,
    },
    executionId: 'e',
    durationMs: 12,
  };
}

/** A connector whose Test Connection answers from a per-connection script, one entry per call. */
export function scriptedConnector(scripts: Record<string, (Envelope | Promise<Envelope>)[]>) {
  const calls: string[] = [];
  const connector: Pick<Connector, 'execute'> = {
    execute: async (_command, _inputs, connection) => {
      const name =
        new URL(String((connection as { serverUrl: string }).serverUrl)).hostname.split('.')[0] ??
        '';
      calls.push(name);
      const script = scripts[name] ?? [];
      const next = script.length > 1 ? script.shift() : script[0];
      return next ?? passed();
    },
  };
  return { connector, calls };
}

export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

export function collectingNotifier(): Notifier & { notices: HealthNotice[] } {
  const notices: HealthNotice[] = [];
  return { channel: 'test', notices, notify: async (notice) => void notices.push(notice) };
}
