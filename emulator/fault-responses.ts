import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultRule } from './faults.js';

const OVERSIZE_BYTES = 60 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

const STATUS_TEXT: Record<number, string> = {
  429: 'API rate limit exceeded',
  500: 'An unexpected error occurred',
  502: 'An invalid response was received from the upstream server',
  503: 'Service Unavailable',
  504: 'The upstream server is timing out',
};

function defaultBody(status: number): unknown {
  return { message: STATUS_TEXT[status] ?? `HTTP ${status}` };
}

function headersFor(rule: FaultRule, contentType: string, length: number): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Length': String(length),
  };
  if (rule.retryAfter !== undefined) headers['Retry-After'] = rule.retryAfter;
  return headers;
}

/** Declares the full length, sends half of the body, then drops the connection. */
function truncate(rule: FaultRule, res: ServerResponse): void {
  const body = Buffer.from(
    JSON.stringify(rule.body ?? { data: [{ id: 'www.example.com' }], meta: {} }),
  );
  res.writeHead(rule.status ?? 200, headersFor(rule, 'application/json', body.length));
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}

function html(rule: FaultRule, res: ServerResponse): void {
  const status = rule.status ?? 502;
  const page = `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, headersFor(rule, 'text/html', Buffer.byteLength(page)));
  res.end(page);
}

/** Waits until the socket takes more data or the client has gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** A valid JSON document of 60 MB, streamed so the emulator itself never holds it. */
async function oversize(rule: FaultRule, res: ServerResponse): Promise<void> {
  const head = Buffer.from('{"data": "');
  const tail = Buffer.from('"}');
  res.writeHead(rule.status ?? 200, headersFor(rule, 'application/json', OVERSIZE_BYTES));
  res.write(head);
  let left = OVERSIZE_BYTES - head.length - tail.length;
  while (left > 0 && !res.destroyed) {
    const piece = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
    left -= piece.length;
    if (!res.write(piece)) await drained(res);
  }
  if (!res.destroyed) res.end(tail);
}

/**
 * Carries out a fault. Returns false when the rule only adds latency, so the request then goes on
 * to be served normally.
 */
export async function applyFault(rule: FaultRule, res: ServerResponse): Promise<boolean> {
  if (rule.latencyMs !== undefined && rule.latencyMs > 0) await sleep(rule.latencyMs);
  if (res.destroyed) return true;
  switch (rule.kind) {
    case 'reset':
      res.socket?.destroy();
      return true;
    case 'truncate':
      truncate(rule, res);
      return true;
    case 'malformed': {
      const text = '{"data": [{"id": "www.example.com", "name": ';
      res.writeHead(
        rule.status ?? 200,
        headersFor(rule, 'application/json', Buffer.byteLength(text)),
      );
      res.end(text);
      return true;
    }
    case 'html':
      html(rule, res);
      return true;
    case 'oversize':
      await oversize(rule, res);
      return true;
    case undefined:
      break;
  }
  if (rule.status === undefined) return false;
  const body = Buffer.from(JSON.stringify(rule.body ?? defaultBody(rule.status)));
  res.writeHead(rule.status, headersFor(rule, 'application/json', body.length));
  res.end(body);
  return true;
}
