// A raw HTTP client for the malformed-request tests: bytes go out exactly as written (no library
// normalises them), and whatever comes back is read as it is.
import net from 'node:net';

export interface Answer {
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

export interface RawRequest {
  /** The bytes sent as they are; `{HOST}` and `{TOKEN}` are filled in. */
  raw: string | Buffer;
  /** The client closes its side (or destroys the socket) right after writing, mid-request. */
  disconnect?: 'end' | 'destroy';
  /** Several requests on one connection: read every answer until the server closes it. */
  pipelined?: boolean;
}

export interface Target {
  port: number;
  token: string;
}

function fill(raw: string | Buffer, target: Target): Buffer {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  return Buffer.from(
    text.replaceAll('{HOST}', `127.0.0.1:${target.port}`).replaceAll('{TOKEN}', target.token),
    'latin1',
  );
}

function parseAnswer(bytes: Buffer): Answer {
  const text = bytes.toString('latin1');
  // Skip interim 100 Continue answers.
  const final = text.replace(/^(HTTP\/1\.1 100[^\r]*\r\n\r\n)+/, '');
  const [head = '', ...rest] = final.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: status ? Number(status[1]) : null, headers, body: rest.join('\r\n\r\n') };
}

/** Whether the bytes hold a whole answer (its headers and the content-length they announce). */
function answerComplete(bytes: Buffer): boolean {
  const text = bytes.toString('latin1').replace(/^(HTTP\/1\.1 100[^\r]*\r\n\r\n)+/, '');
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd === -1) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, headEnd));
  return length !== null && text.length - headEnd - 4 >= Number(length[1]);
}

/**
 * Sends the bytes on a fresh connection and collects the answer: until it is complete (a client stops
 * sending once answered) or the server closes the connection.
 */
export function send(target: Target, probe: RawRequest): Promise<Answer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(target.port, '127.0.0.1');
    // A liveness guard only: a healthy server answers these within milliseconds.
    socket.setTimeout(10_000, () => socket.destroy());
    const finish = (): void => resolve(parseAnswer(Buffer.concat(chunks)));
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      if (!probe.pipelined && answerComplete(Buffer.concat(chunks))) socket.destroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
    socket.write(fill(probe.raw, target), () => {
      if (probe.disconnect === 'destroy') socket.destroy();
      else if (probe.disconnect === 'end') socket.end();
    });
  });
}
