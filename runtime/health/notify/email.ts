import type { Transporter } from 'nodemailer';
import type { HealthNotice, Notifier } from '../types.js';
import { describeNotice } from './describe.js';

export interface EmailOptions {
  /** smtp://host:port or smtps://user:pass@host:port, as nodemailer reads it. */
  smtpUrl: string;
  to: string;
  from?: string;
}

/**
 * Mails each notice through the configured SMTP server. nodemailer is loaded on the first notice,
 * so that importing the package costs nothing to consumers that never send email.
 */
export function emailNotifier(options: EmailOptions): Notifier {
  const from = options.from ?? 'soar-connector health-check <soar-connector@localhost>';
  let transport: Promise<Transporter> | undefined;
  return {
    channel: 'email',
    notify: async (notice: HealthNotice) => {
      transport ??= import('nodemailer').then(({ default: nodemailer }) =>
        nodemailer.createTransport(options.smtpUrl),
      );
      const { subject, text } = describeNotice(notice);
      const message = { from, to: options.to, subject: `[soar-connector] ${subject}`, text };
      await (await transport).sendMail(message);
    },
  };
}
