import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch } from '../backend/dispatch';
import type { Session } from '../backend/session';

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
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

function tokensEqual(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Browser mode: the same backend as the desktop app, over HTTP on 127.0.0.1 only. Every API request
 * needs the per-run token and a Host of this server, so neither another page in the browser nor a
 * DNS-rebinding site can call it.
 */
export async function startBrowserServer(options: ServerOptions): Promise<BrowserServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  const hostAllowed = (host: string | undefined): boolean =>
    host === `127.0.0.1:${port}` || host === `localhost:${port}`;

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req.headers.host)) return send(res, 403, JSON.stringify({ error: 'forbidden host' }));
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return void handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, '{"error":"method not allowed"}');
    serveStatic(res, url.pathname);
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const origin = req.headers.origin;
    if (
      origin !== undefined &&
      origin !== `http://127.0.0.1:${port}` &&
      origin !== `http://localhost:${port}`
    ) {
      return send(res, 403, JSON.stringify({ error: 'forbidden origin' }));
    }
    const given = req.headers['x-passage-token'];
    if (typeof given !== 'string' || !tokensEqual(given, token))
      return send(res, 401, JSON.stringify({ error: 'missing or wrong token' }));
    if (req.method !== 'POST') return send(res, 405, JSON.stringify({ error: 'method not allowed' }));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, JSON.stringify({ error: 'expected application/json' }));
    }
    const call = decodeURIComponent(url.pathname.slice('/api/'.length));
    let body = '';
    let size = 0;
    req.setEncoding('utf8');
    for await (const chunk of req) {
      size += Buffer.byteLength(chunk as string);
      if (size > MAX_BODY_BYTES)
        return send(
          res,
          413,
          JSON.stringify({
            ok: false,
            error: { code: 'invalid_argument', message: `${call}: request larger than 64 MB` },
          }),
        );
      body += chunk as string;
    }
    let args: unknown;
    try {
      args = body.length > 0 ? JSON.parse(body) : {};
    } catch {
      return send(
        res,
        400,
        JSON.stringify({
          ok: false,
          error: { code: 'invalid_argument', message: `${call}: body is not JSON` },
        }),
      );
    }
    send(res, 200, JSON.stringify(await dispatch(options.session, call, args)));
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticRoot, relative);
    if (!file.startsWith(staticRoot + path.sep)) return send(res, 404, 'not found', 'text/plain');
    fs.readFile(file, (error, data) => {
      if (error) {
        // Client-side routes fall back to the app shell.
        if (!path.extname(relative)) return serveStatic(res, '/');
        return send(res, 404, 'not found', 'text/plain');
      }
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(data);
    });
  }

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
