import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessGate } from './gate.js';
import { CONTROL_PREFIX, controlResponse } from './control.js';
import type { ControlDeps } from './control.js';
import { applyFault } from './fault-responses.js';
import type { FaultPlan } from './faults.js';
import { message } from './responses.js';
import type { Router } from './router.js';
import { splitPath } from './router.js';
import type { Clock, EmulatorResponse } from './types.js';

const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerDeps {
  router: Router;
  gate: AccessGate;
  faults: FaultPlan;
  control: ControlDeps;
  clock: Clock;
  logRequests: boolean;
  /** Counts an API request (control routes are not counted). */
  countRequest(): void;
  /** Brings time-dependent state (pending tagging tasks) up to the clock. */
  settle(now: number): void;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): { body: unknown } | EmulatorResponse {
  if (raw.length === 0) return { body: undefined };
  try {
    return { body: JSON.parse(raw.toString('utf8')) as unknown };
  } catch (err) {
    return message(400, `Malformed JSON body: ${(err as Error).message}`);
  }
}

function send(
  res: ServerResponse,
  response: EmulatorResponse,
  extra: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  const body = Buffer.from(JSON.stringify(response.body ?? null));
  res.writeHead(response.status, {
    ...extra,
    ...response.headers,
    'Content-Type': 'application/json',
    'Content-Length': String(body.length),
  });
  res.end(body);
}

/**
 * One request through the pipeline: control routes, faults, routing, key, rate limit and quota,
 * then the route handler.
 */
async function serve(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<number> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const raw = await readBody(req);
  const segments = splitPath(url.pathname);
  if (segments === undefined) return respond(res, message(400, 'Malformed URL path.'));
  const parsed = parseJson(raw);

  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    if ('status' in parsed) return respond(res, parsed);
    return respond(
      res,
      controlResponse(deps.control, method, url.pathname, req.socket.remoteAddress, parsed.body),
    );
  }

  deps.countRequest();
  deps.settle(deps.clock.now());
  const fault = deps.faults.pick(method, segments);
  if (fault !== undefined && (await applyFault(fault, res))) return res.statusCode;

  const match = deps.router.match(method, segments);
  if (match.kind === 'none') return respond(res, message(404, 'Not Found'));
  if (match.kind === 'method') {
    return respond(res, {
      ...message(405, 'Method Not Allowed'),
      headers: { Allow: match.allowed.join(', ') },
    });
  }
  const apiKey = deps.gate.authenticate(req.headers, url.searchParams, url.pathname);
  if (typeof apiKey !== 'string') return respond(res, apiKey);
  const admitted = deps.gate.admit();
  if ('status' in admitted) return respond(res, admitted);
  if ('status' in parsed) return respond(res, parsed, admitted.headers);

  const response = await match.route.handle({
    method,
    path: `/${segments.join('/')}`,
    params: match.params,
    query: url.searchParams,
    body: parsed.body,
    apiKey,
  });
  return respond(res, response, admitted.headers);
}

function respond(
  res: ServerResponse,
  response: EmulatorResponse,
  extra?: Record<string, string>,
): number {
  send(res, response, extra);
  return response.status;
}

export function requestListener(deps: ServerDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    serve(deps, req, res)
      .catch((err: unknown) => {
        if (err instanceof BodyTooLarge)
          return respond(res, message(413, 'Request body too large.'));
        process.stderr.write(
          `emulator: ${req.method} ${req.url} failed: ${(err as Error).stack ?? String(err)}\n`,
        );
        return respond(res, message(500, 'An unexpected error occurred'));
      })
      .then((status) => {
        if (!deps.logRequests) return;
        const ms = (performance.now() - started).toFixed(1);
        process.stderr.write(
          `emulator: ${req.method} ${req.url?.split('?')[0]} ${status} ${ms}ms\n`,
        );
      })
      .catch(() => undefined);
  };
}
