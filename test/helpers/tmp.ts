import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';

const perTest: string[] = [];
const perFile: string[] = [];

/**
 * A fresh folder under the OS temp dir. Made inside a test, it goes after that test; made in a
 * beforeAll hook, it lives until the file's tests are done (a project opened there for several tests
 * must not vanish under them: Passage refuses writes to a project file deleted while open).
 */
export function tempDir(prefix = 'passage-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  (expect.getState().currentTestName === undefined ? perFile : perTest).push(dir);
  return dir;
}

function removeAll(dirs: string[]): void {
  while (dirs.length > 0) {
    const dir = dirs.pop()!;
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

afterEach(() => removeAll(perTest));
afterAll(() => removeAll(perFile));
