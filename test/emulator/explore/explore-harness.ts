import { exploreRoutes } from '../../../emulator/explore/index.js';
import type { EmulatorResponse } from '../../../emulator/types.js';

export interface CallOptions {
  body?: unknown;
  query?: string;
  params?: Record<string, string>;
  apiKey?: string;
}

/** The exploration routes over a small data set, with a clock the test moves by hand. */
export function exploreHarness(options: { hosts?: number; scrollTtlMs?: number } = {}) {
  let now = Date.UTC(2025, 0, 1);
  const routes = exploreRoutes({
    seed: 7,
    hosts: options.hosts ?? 2000,
    clock: { now: () => now },
    scrollTtlMs: options.scrollTtlMs ?? 60_000,
  });

  async function call<T = ErrorReply>(
    method: string,
    pattern: string,
    call: CallOptions = {},
  ): Promise<Reply<T>> {
    const route = routes.find((entry) => entry.method === method && entry.pattern === pattern);
    if (route === undefined) throw new Error(`no route ${method} ${pattern}`);
    const response: EmulatorResponse = await route.handle({
      method,
      path: pattern,
      params: call.params ?? {},
      query: new URLSearchParams(call.query ?? ''),
      body: call.body,
      apiKey: call.apiKey ?? 'key-a',
    });
    return { status: response.status, body: response.body as T };
  }

  return {
    routes,
    call,
    advance(ms: number): void {
      now += ms;
    },
  };
}

export interface Reply<T> {
  status: number;
  body: T;
}

export interface ErrorReply {
  message: string;
}

export interface DomainReply {
  endpoint: string;
  record_count: number;
  meta: { query: string; page: number; total_pages: number; max_page: number; scroll_id?: string };
  records: {
    hostname: string;
    alexa_rank: number | null;
    host_provider: string[];
    mail_provider: string[];
    whois: { registrar: string; createdDate: number; expiresDate: number };
    computed: { company_name: string | null };
    ips?: string[];
  }[];
}

export interface SqlReply {
  query: string;
  id: string | null;
  total: { value: number; relation: string };
  records: Record<string, unknown>[];
}
