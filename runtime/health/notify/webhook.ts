import type { HealthNotice, Notifier } from '../types.js';

export interface WebhookOptions {
  /** Default 10 s: a slow receiver must not hold up the next check. */
  timeoutMs?: number;
}

/** POSTs the notice as JSON; a status outside 2xx counts as not delivered. */
export function webhookNotifier(url: string, options: WebhookOptions = {}): Notifier {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    channel: 'webhook',
    notify: async (notice: HealthNotice) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(notice),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
    },
  };
}
