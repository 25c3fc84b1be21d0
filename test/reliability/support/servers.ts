import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';

/** One request as it reached a server: the raw target, every header, the body text. */
export interface RecordedRequest {
  method: string;
  /** The request target exactly as sent: path and query, still percent-encoded. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type Answer = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

function addressOf(server: Server | ReturnType<typeof createServer>): number {
  return (server.address() as AddressInfo).port;
}

function closeServer(server: Server | ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => resolve());
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const notFound: Answer = (_req, res) => {
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ message: 'Not Found' }));
};

/** A raw HTTP server on loopback that records every request before answering it. */
export async function recordingServer(answer: Answer = notFound): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then(async (body) => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      await answer(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${addressOf(server)}`,
    requests,
    close: () => closeServer(server),
  };
}

/** Answers by passing the request on to another server, so real command flows are recorded. */
export function forwardTo(target: string): Answer {
  const { hostname, port } = new URL(target);
  return (req, res) =>
    new Promise<void>((resolve) => {
      const headers = { ...req.headers, host: `${hostname}:${port}` };
      const upstream = request(
        { hostname, port, method: req.method, path: req.url, headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res).on('finish', resolve);
        },
      );
      upstream.on('error', () => {
        res.destroy();
        resolve();
      });
      upstream.end(req.body);
    });
}

/** Redirects every request to the same path on another server (307 keeps method and body). */
export function redirectTo(target: string, status: number): Answer {
  return (req, res) => {
    res.writeHead(status, { Location: `${target}${req.url}`, 'Content-Length': '0' });
    res.end();
  };
}

export interface ConnectionCounter {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

/** A TCP listener that only counts connections: any protocol reaching it counts. */
export async function connectionCounter(): Promise<ConnectionCounter> {
  let connections = 0;
  const server = createTcpServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: addressOf(server),
    connections: () => connections,
    close: () => closeServer(server),
  };
}
