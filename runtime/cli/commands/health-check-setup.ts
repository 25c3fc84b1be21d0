import { HealthConfigError, parseConnectionsFile } from '../../health/config.js';
import { emailNotifier } from '../../health/notify/email.js';
import { streamNotifier } from '../../health/notify/stream.js';
import { webhookNotifier } from '../../health/notify/webhook.js';
import type { HealthTarget, Notifier } from '../../health/types.js';
import type { CliConnection, ConnectionOptions } from '../connection.js';
import { readJsonFile, UsageError } from '../usage.js';

export interface HealthCheckOptions extends ConnectionOptions {
  connections?: string;
  interval: number;
  once?: boolean;
  webhook?: string;
  history?: string;
  smtp?: string;
  emailTo?: string;
  emailFrom?: string;
  redis?: string;
  rate?: number;
}

/** Notices always go to stderr; to a webhook and by email when those are configured. */
export function buildNotifiers(options: HealthCheckOptions): Notifier[] {
  const notifiers = [streamNotifier(process.stderr)];
  if (options.webhook !== undefined)
    notifiers.push(webhookNotifier(checkUrl(options.webhook, '--webhook', ['http:', 'https:'])));

  if ((options.smtp === undefined) !== (options.emailTo === undefined)) {
    throw new UsageError('Email notices need both --smtp URL and --email-to ADDRESS.');
  }
  if (options.smtp !== undefined && options.emailTo !== undefined) {
    checkUrl(options.smtp, '--smtp', ['smtp:', 'smtps:']);
    notifiers.push(
      emailNotifier({
        smtpUrl: options.smtp,
        to: options.emailTo,
        ...(options.emailFrom !== undefined && { from: options.emailFrom }),
      }),
    );
  }
  return notifiers;
}

/** The connections file's entries, or the one connection the CLI resolved, named "default". */
export async function loadTargets(
  options: HealthCheckOptions,
  opened: CliConnection | undefined,
): Promise<HealthTarget[]> {
  if (options.connections !== undefined) {
    if (options.connection !== undefined)
      throw new UsageError('Give --connections or --connection, not both.');
    const content = await readJsonFile(options.connections, '--connections');
    try {
      return parseConnectionsFile(content, options.interval);
    } catch (error) {
      if (error instanceof HealthConfigError)
        throw new UsageError(`--connections ${options.connections}: ${error.message}`);
      throw error;
    }
  }
  if (opened === undefined) throw new UsageError('No connection to check.');
  return [
    {
      name: options.connectionName ?? 'default',
      description: `from ${opened.origin}`,
      active: true,
      intervalMinutes: options.interval,
      connection: opened.connection,
    },
  ];
}

function checkUrl(value: string, option: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${option} must be a URL; got "${value}".`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new UsageError(`${option} must be a ${protocols.join(' or ')} URL; got "${value}".`);
  }
  return value;
}
