import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { dispatch } from '../backend/dispatch';
import type { Session } from '../backend/session';
import { BodyError, discardRest, parseJsonBody, readBody } from './requestBody';
import { parseRequestTarget } from './requestTarget';
import { answerWhileBodyArrives, rawAnswer, sendFailure, sendJson } from './responses';
import { serveStatic } from './staticFiles';

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  session: Session;
  /** The built renderer (vite output). */
  staticDir: string;
  port?: number;
  token?: string;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

function tokensEqual(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Node's parser refused the bytes before a request existed; answer in plain words and hang up. */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  socket.end(
    rawAnswer(
      tooLarge ? 431 : 400,
      tooLarge ? 'the request headers are too large' : 'the request is not well-formed HTTP',
    ),
  );
}

/**
 * Browser mode: the same backend as the desktop app, over HTTP on 127.0.0.1 only. Every API request
 * needs the per-run token and a Host of this server, so neither another page in the browser nor a
 * DNS-rebinding site can call it. Any page can still send it malformed requests, so nothing a request
 * carries may throw past `route`: every request gets an answer and the server keeps serving.
 */
export async function startBrowserServer(options: ServerOptions): Promise<BrowserServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  const hostAllowed = (host: string | undefined): boolean =>
    host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const originAllowed = (origin: string | undefined): boolean =>
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const hosts = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === 'host');
    if (hosts.length !== 1)
      return sendFailure(res, 400, 'invalid_argument', 'the request must name exactly one host');
    if (!hostAllowed(req.headers.host))
      return sendFailure(res, 403, 'unsupported', 'this server answers only to its own address');
    const target = parseRequestTarget(req.url ?? '');
    if (!target.ok) return sendFailure(res, target.status, 'invalid_argument', target.message);
    if (target.pathname.startsWith('/api/'))
      return handleApi(req, res, target.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendFailure(res, 405, 'unsupported', 'only GET and HEAD are allowed here');
    return serveStatic(res, staticRoot, target.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, call: string): Promise<void> {
    if (!originAllowed(req.headers.origin))
      return sendFailure(res, 403, 'unsupported', 'requests from other web pages are refused');
    const given = req.headers['x-passage-token'];
    if (typeof given !== 'string' || !tokensEqual(given, token))
      return sendFailure(res, 401, 'unsupported', 'missing or wrong access token');
    if (req.method !== 'POST') return sendFailure(res, 405, 'unsupported', 'calls are sent with POST');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return sendFailure(res, 415, 'invalid_argument', 'the request body must be JSON (application/json)');
    const args = parseJsonBody(await readBody(req, MAX_BODY_BYTES));
    sendJson(res, 200, await dispatch(options.session, call, args));
  }

  // Node's own answer to a missing Host would lack the security headers: the route answers it instead.
  const server = http.createServer({ requireHostHeader: false }, (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof BodyError) {
        if (!error.bodyPending)
          return sendFailure(res, error.status, 'invalid_argument', error.message, true);
        const answer = answerWhileBodyArrives(res, error.status, error.message);
        return void discardRest(req).then(answer.finish);
      }
      console.error(`passage: a request failed unexpectedly: ${(error as Error).message}`);
      if (res.headersSent) return void res.destroy();
      sendFailure(res, 500, 'internal', 'the server could not answer this request', true);
    });
  });
  server.on('clientError', answerUnparsable);
  // Without a listener Node drops CONNECT silently; it is a proxy's method, refused in words here.
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) =>
    socket.end(rawAnswer(405, 'this server is not a proxy')),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
