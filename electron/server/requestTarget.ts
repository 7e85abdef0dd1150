/** The longest request target accepted; the app's own addresses are a few dozen characters. */
export const MAX_TARGET_LENGTH = 4096;

export type RequestTarget =
  | { ok: true; /** Percent-decoded, always starting with a single '/'. */ pathname: string }
  | { ok: false; status: 400 | 414; message: string };

/**
 * Reads the path out of a raw request target without trusting it: any page can make a browser send
 * `<img src="http://127.0.0.1:PORT/%ff">`, and a raw client can send anything at all.
 */
export function parseRequestTarget(target: string): RequestTarget {
  if (target.length > MAX_TARGET_LENGTH)
    return { ok: false, status: 414, message: `the address is longer than ${MAX_TARGET_LENGTH} characters` };
  // Only origin-form ("/path?query"): absolute-form is for proxies, and "//host" is not a path.
  if (!target.startsWith('/') || target.startsWith('//'))
    return { ok: false, status: 400, message: 'the address must be a path starting with a single /' };
  const end = target.search(/[?#]/);
  const encoded = end === -1 ? target : target.slice(0, end);
  let pathname: string;
  try {
    // Throws on broken escapes and on bytes that are not UTF-8 (overlong forms, lone surrogates).
    pathname = decodeURIComponent(encoded);
  } catch {
    return { ok: false, status: 400, message: 'the address has a broken %-escape or is not UTF-8' };
  }
  if (pathname.includes('\0'))
    return { ok: false, status: 400, message: 'the address contains a NUL character' };
  return { ok: true, pathname };
}
