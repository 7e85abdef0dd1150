import type http from 'node:http';

/** A request body that cannot be used; the status is the HTTP answer it gets (if the client still listens). */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** More of the body may still be on its way: read it away before answering, or the client never sees the answer. */
    readonly bodyPending = false,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/**
 * Reads the whole body, up to `limit` bytes. Rejects (never throws into the event loop) when the body is
 * too large or the client goes away before sending all of it.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const limitText = `${Math.round(limit / (1024 * 1024))} MB`;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit)
    return Promise.reject(new BodyError(413, `the request is larger than ${limitText}`, true));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new BodyError(413, `the request is larger than ${limitText}`, true));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new BodyError(400, 'the request body was cut short')));
    req.on('close', () => {
      if (!req.complete) reject(new BodyError(400, 'the request body was cut short'));
    });
  });
}

/**
 * Reads and drops what is left of a refused body. Closing a connection while the client still sends
 * makes its system reset the connection and drop the answer unread. Node's request timeout bounds how
 * long a client can keep sending.
 */
export function discardRest(req: http.IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete || req.destroyed) return resolve();
    for (const event of ['end', 'close', 'error']) req.on(event, () => resolve());
    req.resume();
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as JSON (an empty body is `{}`); bytes that are not UTF-8 are refused, never replaced. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new BodyError(400, 'the request body is not UTF-8 text');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'the request body is not valid JSON');
  }
}
