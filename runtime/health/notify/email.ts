import nodemailer from 'nodemailer';
import type { HealthNotice, Notifier } from '../types.js';
import { describeNotice } from './describe.js';

export interface EmailOptions {
  /** smtp://host:port or smtps://user:pass@host:port, as nodemailer reads it. */
  smtpUrl: string;
  to: string;
  from?: string;
}

/** Mails each notice through the configured SMTP server. */
export function emailNotifier(options: EmailOptions): Notifier {
  const transport = nodemailer.createTransport(options.smtpUrl);
  const from = options.from ?? 'soar-connector health-check <soar-connector@localhost>';
  return {
    channel: 'email',
    notify: async (notice: HealthNotice) => {
      const { subject, text } = describeNotice(notice);
      await transport.sendMail({
        from,
        to: options.to,
        subject: `[soar-connector] ${subject}`,
        text,
      });
    },
  };
}
