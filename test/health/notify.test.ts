import { afterEach, describe, expect, it } from 'vitest';
import { emailNotifier } from '../../runtime/health/notify/email.js';
import { streamNotifier } from '../../runtime/health/notify/stream.js';
import { webhookNotifier } from '../../runtime/health/notify/webhook.js';
import { HealthScheduler } from '../../runtime/health/scheduler.js';
import type { Notifier } from '../../runtime/health/types.js';
import { capturedLogger } from '../helpers/connector.js';
import { failed, ManualTimer, MINUTE, passed, scriptedConnector, target } from './helpers.js';
import { smtpReceiver, webhookReceiver, type Received } from './receivers.js';

const open: Received<unknown>[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((receiver) => receiver.close()));
});

const AUTH = failed('AUTH_FAILED', 401, 'Invalid API key');

/** Four checks five minutes apart: pass, fail, fail, pass. */
async function failThenRecover(notifiers: Notifier[]): Promise<void> {
  const timer = new ManualTimer();
  const { connector } = scriptedConnector({ prod: [passed(), AUTH, AUTH, passed()] });
  const health = new HealthScheduler({
    connector,
    targets: [target('prod')],
    timer,
    notifiers,
    logger: capturedLogger().logger,
  });
  for (let check = 0; check < 4; check += 1) {
    await health.runOnce();
    await timer.advance(5 * MINUTE);
  }
}

describe('health notices', () => {
  it('POSTs the failure and the recovery once each to the webhook', async () => {
    const webhook = await webhookReceiver();
    open.push(webhook);

    await failThenRecover([webhookNotifier(webhook.url)]);

    expect(webhook.received).toEqual([
      expect.objectContaining({
        event: 'failure',
        connection: 'prod',
        failureKind: 'credentials',
        errorCode: 'AUTH_FAILED',
        statusCode: 401,
      }),
      expect.objectContaining({ event: 'recovery', connection: 'prod', outcome: 'Passed' }),
    ]);
  });

  it('mails the failure and the recovery once each through the SMTP server', async () => {
    const smtp = await smtpReceiver();
    open.push(smtp);

    await failThenRecover([emailNotifier({ smtpUrl: smtp.url, to: 'soc@example.test' })]);

    expect(smtp.received).toHaveLength(2);
    expect(smtp.received.map((mail) => mail.to)).toEqual([
      ['soc@example.test'],
      ['soc@example.test'],
    ]);
    expect(smtp.received.map((mail) => mail.subject)).toEqual([
      '[soar-connector] Connection "prod" failed: credentials (AUTH_FAILED)',
      '[soar-connector] Connection "prod" recovered: Test Connection passed',
    ]);
    expect(smtp.received[0]?.body).toContain('Message: Invalid API key');
  });

  it('writes one line per notice on the stream', async () => {
    const lines: string[] = [];

    await failThenRecover([streamNotifier({ write: (line: string) => lines.push(line) })]);

    expect(lines).toEqual([
      'health-check 2025-06-01T00:05:00.000Z Connection "prod" failed: credentials (AUTH_FAILED): Invalid API key\n',
      'health-check 2025-06-01T00:15:00.000Z Connection "prod" recovered: Test Connection passed\n',
    ]);
  });

  it('reports a webhook that answers with an error status as not delivered', async () => {
    const webhook = await webhookReceiver(500);
    open.push(webhook);
    const notifier = webhookNotifier(webhook.url);

    const notice = {
      event: 'failure' as const,
      description: '',
      time: 't',
      connection: 'prod',
      outcome: 'Failed' as const,
      latencyMs: 1,
    };

    await expect(notifier.notify(notice)).rejects.toThrow('the webhook answered 500');
  });
});
