import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received<T> {
  url: string;
  received: T[];
  close(): Promise<void>;
}

/** A webhook endpoint on loopback that keeps every JSON body POSTed to it. */
export async function webhookReceiver(status = 204): Promise<Received<unknown>> {
  const received: unknown[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      received.push(JSON.parse(body));
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/health`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Mail {
  to: string[];
  subject: string;
  body: string;
}

/** An SMTP server on loopback, without TLS or authentication, that keeps every message. */
export async function smtpReceiver(): Promise<Received<Mail>> {
  const received: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      void readBody(stream).then((text) => {
        received.push({
          to: session.envelope.rcptTo.map((address) => address.address),
          ...decodeMail(text),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(stream: IncomingMessage | NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Subject and body of a plain-text message, with quoted-printable and encoded words decoded. */
function decodeMail(raw: string): { subject: string; body: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = (/^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '').replace(
    /=\?UTF-8\?Q\?(.*?)\?=\s*/gi,
    (_, word: string) => decodeQuoted(word.replaceAll('_', ' ')),
  );
  return { subject: subject.trim(), body: decodeQuoted(rest.join('\n\n').replace(/=\r?\n/g, '')) };
}

function decodeQuoted(text: string): string {
  return text.replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
