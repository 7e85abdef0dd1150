// The corpus of malformed requests sent to browser mode (see malformedRequests.test.ts).
import type { Answer, RawRequest } from './rawHttp';

/** What a request must get back: a status (or one of several), or nothing when the client hung up. */
export type Expected = number | readonly number[] | 'hangs up' | ((answer: Answer) => boolean);

export interface Probe extends RawRequest {
  name: string;
  expect: Expected;
}

const get = (target: string, extra = ''): string =>
  `GET ${target} HTTP/1.1\r\nHost: {HOST}\r\n${extra}Connection: close\r\n\r\n`;
export const post = (call: string, body: string | Buffer, extra = ''): Buffer => {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const head =
    `POST /api/${call} HTTP/1.1\r\nHost: {HOST}\r\nX-Passage-Token: {TOKEN}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${bytes.length}\r\n${extra}Connection: close\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
};
const postHead = (call: string, headers: string): string =>
  `POST /api/${call} HTTP/1.1\r\nHost: {HOST}\r\n${headers}Connection: close\r\n\r\n`;

/** An API answer carrying a Result that failed with this code (the renderer reads every answer's body). */
const failsWith =
  (code: string, status?: number) =>
  (answer: Answer): boolean => {
    if (status !== undefined && answer.status !== status) return false;
    try {
      const result = JSON.parse(answer.body) as { ok: boolean; error?: { code: string } };
      return result.ok === false && result.error?.code === code;
    } catch {
      return false;
    }
  };

const STATIC = [200, 404] as const;
const deepArray = '['.repeat(200_000) + ']'.repeat(200_000);
const deepObject = '{"name":'.repeat(100_000) + '"x"' + '}'.repeat(100_000);

export const PROBES: Probe[] = [
  // Targets any page can make a browser send, without the token.
  { name: 'GET /%ff', raw: get('/%ff'), expect: 400 },
  { name: 'GET /%00', raw: get('/%00'), expect: 400 },
  { name: 'GET /%E0%A4%A', raw: get('/%E0%A4%A'), expect: 400 },
  { name: 'GET //[', raw: get('//['), expect: 400 },
  { name: 'GET /%', raw: get('/%'), expect: 400 },
  { name: 'GET /%zz', raw: get('/%zz'), expect: 400 },
  { name: 'GET /assets/%ff.js', raw: get('/assets/%ff.js'), expect: 400 },
  { name: 'GET /a%00.js', raw: get('/a%00.js'), expect: 400 },
  { name: 'GET /%C0%AF (overlong UTF-8)', raw: get('/%C0%AF'), expect: 400 },
  { name: 'GET /%ED%A0%80 (lone surrogate)', raw: get('/%ED%A0%80'), expect: 400 },
  { name: 'GET encoded traversal', raw: get('/..%2f..%2f..%2fetc%2fpasswd'), expect: 404 },
  { name: 'GET dotted traversal', raw: get('/../../../etc/passwd'), expect: 404 },
  { name: 'GET %2e%2e traversal', raw: get('/%2e%2e/%2e%2e/etc/passwd'), expect: 404 },
  { name: 'GET backslash traversal', raw: get('/..%5c..%5cetc%5cpasswd'), expect: 404 },
  { name: 'GET //evil.example/', raw: get('//evil.example/'), expect: 400 },
  { name: 'GET ///', raw: get('///'), expect: 400 },
  { name: 'GET absolute-form to us', raw: get('http://{HOST}/'), expect: 400 },
  { name: 'GET absolute-form elsewhere', raw: get('http://evil.example/'), expect: 400 },
  { name: 'GET asterisk-form', raw: get('*'), expect: 400 },
  {
    name: 'OPTIONS asterisk-form',
    raw: 'OPTIONS * HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n',
    expect: 400,
  },
  { name: 'GET overlong path', raw: get('/' + 'a'.repeat(8000)), expect: 414 },
  { name: 'GET path past the header limit', raw: get('/' + 'a'.repeat(40_000)), expect: [414, 431] },
  { name: 'GET raw NUL in target', raw: get('/a\u0000b'), expect: 400 },
  {
    name: 'GET raw space in target',
    raw: 'GET /a b c HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n',
    expect: 400,
  },
  {
    name: 'GET raw 8-bit bytes in target',
    raw: Buffer.from(get('/\u00ff\u00fe'), 'latin1'),
    expect: [400, 404],
  },
  { name: 'GET fragment in target', raw: get('/#x'), expect: STATIC },
  { name: 'GET bad query string', raw: get('/?token=%ff&%zz'), expect: STATIC },
  { name: 'GET client route', raw: get('/codes/12'), expect: STATIC },
  // Hosts: DNS rebinding and confused parsers.
  { name: 'no Host (HTTP/1.1)', raw: 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', expect: 400 },
  { name: 'no Host (HTTP/1.0)', raw: 'GET / HTTP/1.0\r\n\r\n', expect: 400 },
  {
    name: 'foreign Host',
    raw: 'GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    expect: 403,
  },
  { name: 'empty Host', raw: 'GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n', expect: [400, 403] },
  {
    name: 'Host with userinfo',
    raw: 'GET / HTTP/1.1\r\nHost: {HOST}@evil.example\r\nConnection: close\r\n\r\n',
    expect: 403,
  },
  { name: 'duplicate Host', raw: get('/', 'Host: evil.example\r\n'), expect: 400 },
  { name: 'duplicate Host, same value', raw: get('/', 'Host: {HOST}\r\n'), expect: 400 },
  // Headers the parser must refuse.
  { name: 'huge header', raw: get('/', `X-Big: ${'b'.repeat(40_000)}\r\n`), expect: 431 },
  { name: 'many headers', raw: get('/', 'X-Many: 1\r\n'.repeat(3000)), expect: 431 },
  { name: 'control byte in a header', raw: get('/', 'X-Bad: a\u0001b\r\n'), expect: 400 },
  { name: 'header without colon', raw: get('/', 'NoColonHere\r\n'), expect: 400 },
  { name: 'header name with space', raw: get('/', 'Bad Name: 1\r\n'), expect: 400 },
  { name: 'garbage request line', raw: 'GARBAGE\r\n\r\n', expect: 400 },
  {
    name: 'binary noise',
    raw: Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x01, 0, 0, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a]),
    expect: 400,
  },
  {
    name: 'HTTP/9.9',
    raw: 'GET / HTTP/9.9\r\nHost: {HOST}\r\nConnection: close\r\n\r\n',
    expect: [400, 505],
  },
  {
    name: 'lower-case method',
    raw: 'get / HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n',
    expect: 400,
  },
  {
    name: 'unknown method',
    raw: 'BREW / HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n',
    expect: [400, 405],
  },
  {
    name: 'bad chunk size',
    raw:
      postHead(
        'codes.list',
        'X-Passage-Token: {TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n',
      ) + 'zz\r\n{}\r\n0\r\n\r\n',
    expect: 400,
  },
  {
    name: 'Content-Length and chunked',
    raw:
      postHead('codes.list', 'Content-Length: 2\r\nTransfer-Encoding: chunked\r\n') + '2\r\n{}\r\n0\r\n\r\n',
    expect: 400,
  },
  { name: 'negative Content-Length', raw: postHead('codes.list', 'Content-Length: -1\r\n'), expect: 400 },
  {
    name: 'Content-Length not a number',
    raw: postHead('codes.list', 'Content-Length: abc\r\n'),
    expect: 400,
  },
  {
    name: 'two Content-Lengths',
    raw: postHead('codes.list', 'Content-Length: 2\r\nContent-Length: 3\r\n') + '{}',
    expect: 400,
  },
  // Methods.
  { name: 'DELETE /', raw: 'DELETE / HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n', expect: 405 },
  {
    name: 'PUT /index.html',
    raw: 'PUT /index.html HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    expect: 405,
  },
  { name: 'TRACE /', raw: 'TRACE / HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n', expect: 405 },
  {
    name: 'CONNECT',
    raw: 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n',
    expect: [400, 403, 405],
  },
  {
    name: 'GET /api with the token',
    raw: get('/api/codes.list', 'X-Passage-Token: {TOKEN}\r\n'),
    expect: 405,
  },
  {
    name: 'websocket upgrade',
    raw: get(
      '/api/codes.list',
      'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n',
    ),
    expect: [400, 401, 405],
  },
  // The API without (or with a wrong) token.
  { name: 'POST /api/%ff without token', raw: postHead('%ff', 'Content-Length: 0\r\n'), expect: [400, 401] },
  { name: 'POST without token', raw: postHead('codes.list', 'Content-Length: 2\r\n') + '{}', expect: 401 },
  {
    name: 'POST wrong token',
    raw: postHead('codes.list', 'X-Passage-Token: nope\r\nContent-Length: 2\r\n') + '{}',
    expect: 401,
  },
  {
    name: 'POST token twice',
    raw:
      postHead(
        'codes.list',
        'X-Passage-Token: {TOKEN}\r\nX-Passage-Token: {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n',
      ) + '{}',
    expect: 401,
  },
  {
    name: 'POST token with 8-bit bytes',
    raw: Buffer.from(
      postHead('codes.list', 'X-Passage-Token: \u00ff\u00fe\r\nContent-Length: 2\r\n') + '{}',
      'latin1',
    ),
    expect: [400, 401],
  },
  {
    name: 'POST from a foreign origin',
    raw: post('codes.list', '{}', 'Origin: http://evil.example\r\n'),
    expect: 403,
  },
  { name: 'POST with null origin', raw: post('codes.list', '{}', 'Origin: null\r\n'), expect: 403 },
  // With the token: call names.
  { name: 'POST /api/%ff', raw: post('%ff', '{}'), expect: 400 },
  { name: 'POST /api/%E0%A4%A', raw: post('%E0%A4%A', '{}'), expect: 400 },
  { name: 'POST /api/%00', raw: post('%00', '{}'), expect: failsWith('invalid_argument', 400) },
  { name: 'POST /api/ (no call)', raw: post('', '{}'), expect: failsWith('unknown_call') },
  {
    name: 'POST a call that is not a call',
    raw: post('nope.nothing', '{}'),
    expect: failsWith('unknown_call'),
  },
  { name: 'POST __proto__', raw: post('__proto__', '{}'), expect: failsWith('unknown_call') },
  { name: 'POST constructor', raw: post('constructor', '{}'), expect: failsWith('unknown_call') },
  { name: 'POST toString', raw: post('toString', '{}'), expect: failsWith('unknown_call') },
  { name: 'POST hasOwnProperty', raw: post('hasOwnProperty', '{}'), expect: failsWith('unknown_call') },
  { name: 'POST prototype', raw: post('prototype', '{}'), expect: failsWith('unknown_call') },
  {
    name: 'POST call with traversal',
    raw: post('codes.list%2f..%2fproject.close', '{}'),
    expect: failsWith('unknown_call'),
  },
  { name: 'POST call with a query', raw: post('codes.list?x=%ff', '{}'), expect: (a) => a.status === 200 },
  { name: 'POST long call name', raw: post('x'.repeat(3000), '{}'), expect: failsWith('unknown_call') },
  {
    name: 'POST overlong call name',
    raw: post('x'.repeat(6000), '{}'),
    expect: failsWith('invalid_argument', 414),
  },
  // With the token: bodies.
  {
    name: 'POST text/plain',
    raw:
      postHead(
        'codes.list',
        'X-Passage-Token: {TOKEN}\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n',
      ) + '{}',
    expect: 415,
  },
  {
    name: 'POST no content type',
    raw: postHead('codes.list', 'X-Passage-Token: {TOKEN}\r\nContent-Length: 2\r\n') + '{}',
    expect: 415,
  },
  { name: 'POST not JSON', raw: post('codes.create', '{'), expect: failsWith('invalid_argument', 400) },
  {
    name: 'POST truncated JSON',
    raw: post('codes.create', '{"name":'),
    expect: failsWith('invalid_argument', 400),
  },
  {
    name: 'POST JSON with a BOM',
    raw: post('codes.create', '\ufeff{"name":"x"}'),
    expect: failsWith('invalid_argument', 400),
  },
  {
    name: 'POST invalid UTF-8 in JSON',
    raw: post(
      'codes.create',
      Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    ),
    expect: failsWith('invalid_argument', 400),
  },
  {
    name: 'POST JSON string',
    raw: post('codes.create', '"Legitimacy"'),
    expect: failsWith('invalid_argument'),
  },
  { name: 'POST JSON number', raw: post('codes.create', '1e999'), expect: failsWith('invalid_argument') },
  { name: 'POST JSON array', raw: post('codes.create', '[1,2,3]'), expect: failsWith('invalid_argument') },
  {
    name: 'POST __proto__ key',
    raw: post('codes.create', '{"__proto__":{"name":"x"}}'),
    expect: failsWith('invalid_argument'),
  },
  {
    name: 'POST constructor key',
    raw: post('codes.update', '{"id":1,"constructor":{"prototype":{"x":1}}}'),
    expect: (a) => a.status === 200,
  },
  {
    name: 'POST deep array nesting',
    raw: post('codes.create', deepArray),
    expect: (a) => a.status === 200 || a.status === 400,
  },
  {
    name: 'POST deep object nesting',
    raw: post('codes.create', deepObject),
    expect: (a) => a.status === 200 || a.status === 400,
  },
  {
    name: 'POST NUL in a name',
    raw: post('codes.create', '{"name":"a\\u0000b"}'),
    expect: (a) => a.status === 200,
  },
  {
    name: 'POST lone surrogate in a name',
    raw: post('codes.create', '{"name":"\\ud800"}'),
    expect: (a) => a.status === 200,
  },
  {
    name: 'POST huge declared length',
    raw:
      postHead(
        'codes.list',
        'X-Passage-Token: {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 999999999999\r\n',
      ) + '{}',
    expect: 413,
  },
  {
    name: 'POST body past 64 MB',
    raw: post('codes.create', `{"name":"${'x'.repeat(65 * 1024 * 1024)}"}`),
    expect: 413,
  },
  {
    name: 'POST chunked body past 64 MB',
    raw:
      postHead(
        'codes.list',
        'X-Passage-Token: {TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n',
      ) + `4000000\r\n${'x'.repeat(0x4000000)}\r\n10\r\n${'y'.repeat(16)}\r\n0\r\n\r\n`,
    expect: 413,
  },
  {
    name: 'POST with Expect: 100-continue',
    raw: post('codes.list', '{}', 'Expect: 100-continue\r\n'),
    expect: 200,
  },
  // Clients that hang up mid-request.
  {
    name: 'body cut short, socket destroyed',
    raw:
      postHead(
        'codes.create',
        'X-Passage-Token: {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n',
      ) + '{"name":"Le',
    disconnect: 'destroy',
    expect: 'hangs up',
  },
  {
    name: 'body cut short, socket half-closed',
    raw:
      postHead(
        'codes.create',
        'X-Passage-Token: {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n',
      ) + '{"name":"Le',
    disconnect: 'end',
    expect: (a) => a.status === null || a.status === 400,
  },
  {
    name: 'chunked body cut short',
    raw:
      postHead(
        'codes.create',
        'X-Passage-Token: {TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n',
      ) + '100\r\n{"name":',
    disconnect: 'destroy',
    expect: 'hangs up',
  },
  {
    name: 'large body cut short',
    raw:
      postHead(
        'codes.create',
        'X-Passage-Token: {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n',
      ) + 'x'.repeat(3_000_000),
    disconnect: 'destroy',
    expect: 'hangs up',
  },
  {
    name: 'headers cut short',
    raw: 'GET / HTTP/1.1\r\nHost: {HO',
    disconnect: 'destroy',
    expect: 'hangs up',
  },
  {
    name: 'headers cut short, half-closed',
    raw: 'GET / HTTP/1.1\r\nHost: {HO',
    disconnect: 'end',
    expect: (a) => a.status === null || a.status === 400,
  },
  { name: 'request then hang up', raw: get('/'), disconnect: 'destroy', expect: 'hangs up' },
  { name: 'API call then hang up', raw: post('codes.list', '{}'), disconnect: 'destroy', expect: 'hangs up' },
  // Several requests on one connection, the second malformed.
  {
    name: 'pipelined, second malformed',
    pipelined: true,
    raw: `GET /codes HTTP/1.1\r\nHost: {HOST}\r\n\r\n` + get('/%ff'),
    expect: (a) => a.status !== null && (a.status === 200 || a.status === 404) && / 400 /.test(a.body),
  },
];

export function meets(expected: Expected, answer: Answer): boolean {
  if (expected === 'hangs up') return true;
  if (typeof expected === 'function') return expected(answer);
  if (typeof expected === 'number') return answer.status === expected;
  return answer.status !== null && expected.includes(answer.status);
}
