import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/index.js';

export const RECORDED_DIR = '/work/shared/recorded';
export const hasRecorded = existsSync(RECORDED_DIR);

/** Reads a recorded response in place. */
export function recorded<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readFileSync(join(RECORDED_DIR, file), 'utf8')) as T;
}

/** Every key that appears on any of the objects. */
export function keysOf(items: readonly unknown[]): string[] {
  const keys = new Set<string>();
  for (const item of items) {
    if (typeof item === 'object' && item !== null) Object.keys(item).forEach((k) => keys.add(k));
  }
  return [...keys].sort();
}

export interface Reply<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

// Response bodies are loosely typed on purpose: the tests assert on their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Client {
  emulator: RunningEmulator;
  call<T = Json>(
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string>; raw?: string },
  ): Promise<Reply<T>>;
  get<T = Json>(path: string): Promise<Reply<T>>;
}

export function clientFor(emulator: RunningEmulator): Client {
  const call = async <T>(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ) => {
    const headers: Record<string, string> = { APIKEY: emulator.apiKey, ...init.headers };
    const payload = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers,
      body: payload ?? null,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? null : JSON.parse(text)) as T,
    };
  };
  return { emulator, call, get: (path) => call('GET', path) };
}

/** Starts one emulator for the enclosing describe block and stops it afterwards. */
export function useEmulator(options: EmulatorOptions = {}): Client {
  const holder = {} as Client;
  beforeAll(async () => {
    const emulator = await startEmulator({ ratePerSecond: 0, ...options });
    Object.assign(holder, clientFor(emulator));
  });
  afterAll(async () => {
    await holder.emulator.stop();
  });
  return holder;
}
