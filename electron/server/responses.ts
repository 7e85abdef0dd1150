import http from 'node:http';
import type { ErrorCode } from '../../shared/api/result';

// Browser mode must not be framed by any page (clickjacking the coding UI). The HTML's own CSP meta
// tag cannot say this: browsers ignore frame-ancestors in <meta>, so it rides on every response.
const FRAME_HEADERS = {
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

/** The app's files keep the CSP of renderer/index.html's meta tag; this adds only what a meta tag cannot. */
const FILE_CSP = "frame-ancestors 'none'";
/** API answers and errors are data, never a page: nothing in them may load or run. */
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers every answer carries, also the raw ones written to sockets outside a request. */
export function securityHeaders(kind: 'file' | 'data'): Record<string, string> {
  return { ...FRAME_HEADERS, 'content-security-policy': kind === 'file' ? FILE_CSP : DATA_CSP };
}

export function sendFile(res: http.ServerResponse, contentType: string, data: Buffer): void {
  res.writeHead(200, {
    ...securityHeaders('file'),
    'content-type': contentType,
    'content-length': data.length,
  });
  res.end(data);
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    ...securityHeaders('data'),
    'content-type': 'application/json',
    'content-length': body.length,
  });
  res.end(body);
}

/** A refused request, in the Result shape the renderer reads from every API answer. */
export function sendFailure(
  res: http.ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  closeConnection = false,
): void {
  if (closeConnection) res.setHeader('connection', 'close');
  sendJson(res, status, { ok: false, error: { code, message } });
}

/**
 * Answers a refused request whose body is still arriving: the whole answer goes out now, but the
 * connection stays open until `finish`, because closing it while the client still sends makes the
 * client's system reset the connection and drop the answer unread.
 */
export function answerWhileBodyArrives(
  res: http.ServerResponse,
  status: number,
  message: string,
): { finish(): void } {
  const body = Buffer.from(JSON.stringify({ ok: false, error: { code: 'invalid_argument', message } }));
  if (!res.headersSent && !res.destroyed) {
    res.writeHead(status, {
      ...securityHeaders('data'),
      'content-type': 'application/json',
      'content-length': body.length,
      connection: 'close',
    });
    res.write(body);
  }
  return { finish: () => res.end() };
}

/** An answer written straight to a socket, for requests Node's parser refused before any response existed. */
export function rawAnswer(status: number, message: string): string {
  const body = JSON.stringify({ ok: false, error: { code: 'invalid_argument', message } });
  const headers = { ...securityHeaders('data'), 'content-type': 'application/json' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\n${lines.join('\r\n')}\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
  );
}
