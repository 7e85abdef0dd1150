import fs from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { sendFailure, sendFile } from './responses';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves the built renderer from `root`; `pathname` is already decoded and free of NUL. */
export async function serveStatic(res: http.ServerResponse, root: string, pathname: string): Promise<void> {
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return sendFailure(res, 404, 'not_found', 'no such page');
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    // Client-side routes (no extension) fall back to the app shell.
    if (!path.extname(relative) && pathname !== '/') return serveStatic(res, root, '/');
    return sendFailure(res, 404, 'not_found', 'no such page');
  }
  sendFile(res, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', data);
}
