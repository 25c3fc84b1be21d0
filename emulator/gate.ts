import type { IncomingHttpHeaders } from 'node:http';
import type { Usage } from './context.js';
import { message } from './responses.js';
import type { Clock, EmulatorResponse } from './types.js';

export interface GateOptions {
  apiKeys: readonly string[];
  invalidKeyStatus: 401 | 403;
  monthlyQuota: number;
  ratePerSecond: number;
  clock: Clock;
}

const QUOTA_MESSAGE = "You've exceeded the usage limits for your account.";

/**
 * Authentication, the per-second rate limit and the monthly quota, in the order a gateway applies
 * them. All configured keys belong to one account and share its quota and rate.
 */
export class AccessGate {
  private used = 0;
  private window = -1;
  private inWindow = 0;

  constructor(private readonly options: GateOptions) {}

  usage(): Usage {
    return { current: this.used, allowed: this.options.monthlyQuota };
  }

  /** The key from the `APIKEY` header (any case), or `?apikey=` on v1 paths only. */
  authenticate(
    headers: IncomingHttpHeaders,
    query: URLSearchParams,
    path: string,
  ): string | EmulatorResponse {
    const header = headers.apikey;
    const fromHeader = Array.isArray(header) ? header[0] : header;
    const key =
      fromHeader ?? (path.startsWith('/v1/') ? (query.get('apikey') ?? undefined) : undefined);
    if (key !== undefined && this.options.apiKeys.includes(key)) return key;
    return this.options.invalidKeyStatus === 401
      ? message(401, 'Invalid API key')
      : message(403, 'Invalid authentication credentials');
  }

  /** Charges one request; answers 429 when the second's budget or the month's quota is spent. */
  admit(): { headers: Record<string, string> } | EmulatorResponse {
    const rate = this.options.ratePerSecond;
    let headers: Record<string, string> = {};
    if (rate > 0) {
      const second = Math.floor(this.options.clock.now() / 1000);
      if (second !== this.window) {
        this.window = second;
        this.inWindow = 0;
      }
      const remaining = Math.max(0, rate - this.inWindow - 1);
      headers = {
        'X-Ratelimit-Limit-Second': String(rate),
        'X-Ratelimit-Remaining-Second': String(remaining),
      };
      if (this.inWindow >= rate) {
        return {
          ...message(429, 'API rate limit exceeded'),
          headers: { ...headers, 'X-Ratelimit-Remaining-Second': '0', 'Retry-After': '1' },
        };
      }
      this.inWindow += 1;
    }
    if (this.used >= this.options.monthlyQuota) return { ...message(429, QUOTA_MESSAGE), headers };
    this.used += 1;
    return { headers };
  }
}
