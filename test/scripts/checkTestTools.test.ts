// `npm test` starts with scripts/checkTestTools.mjs: it must find what is missing from a PATH and font
// folders it is given, install only as root with apt-get, and otherwise stop with the one command to run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMissingPackages, planToolCheck } from '../../scripts/checkTestTools.mjs';
import { tempDir } from '../helpers/tmp';

const PROGRAMS = ['chromium', 'soffice', 'pdftotext', 'pdfinfo', 'qpdf', 'cc'];
const FONTS = ['LiberationSerif-Regular.ttf', 'Carlito-Regular.ttf'];
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/checkTestTools.mjs');

function binDir(programs: readonly string[]): string {
  const dir = tempDir('passage-bin-');
  for (const name of programs) fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode: 0o755 });
  return dir;
}

function fontDir(fonts: readonly string[]): string {
  const dir = tempDir('passage-fonts-');
  // Debian puts each family in a subfolder (truetype/liberation2/…).
  fs.mkdirSync(path.join(dir, 'truetype', 'family'), { recursive: true });
  for (const name of fonts) fs.writeFileSync(path.join(dir, 'truetype', 'family', name), '');
  return dir;
}

describe('the test-tools check before npm test', () => {
  it('finds nothing missing when every program is on PATH and every font in a font folder', () => {
    const missing = findMissingPackages({ pathEnv: binDir(PROGRAMS), fontDirs: [fontDir(FONTS)] });
    expect(missing).toEqual([]);
    expect(planToolCheck({ missing, uid: 1000, aptGet: false })).toEqual({ action: 'none' });
  });

  it('names the Debian package of each missing program or font once', () => {
    const programs = PROGRAMS.filter((p) => p !== 'pdfinfo' && p !== 'qpdf');
    const bin = binDir(programs);
    // A file that cannot be executed is no program.
    fs.writeFileSync(path.join(bin, 'qpdf'), 'not a program', { mode: 0o644 });
    const missing = findMissingPackages({
      pathEnv: ['/nonexistent', bin].join(path.delimiter),
      fontDirs: ['/nonexistent', fontDir(['LiberationSerif-Regular.ttf'])],
    });
    expect(missing).toEqual(['poppler-utils', 'qpdf', 'fonts-crosextra-carlito']);
    const none = findMissingPackages({ pathEnv: '', fontDirs: [] });
    expect(none).toEqual([
      'chromium',
      'libreoffice-writer-nogui',
      'poppler-utils',
      'qpdf',
      'gcc',
      'fonts-liberation2',
      'fonts-crosextra-carlito',
    ]);
  });

  it('takes CHROMIUM_PATH as Chromium when it names a program', () => {
    const elsewhere = path.join(binDir(['chrome']), 'chrome');
    const others = binDir(PROGRAMS.filter((p) => p !== 'chromium'));
    const fonts = [fontDir(FONTS)];
    expect(findMissingPackages({ pathEnv: others, fontDirs: fonts, chromiumPath: elsewhere })).toEqual([]);
    expect(findMissingPackages({ pathEnv: others, fontDirs: fonts, chromiumPath: '/nonexistent' })).toEqual([
      'chromium',
    ]);
  });

  it('installs only as root with apt-get; otherwise stops with the exact command', () => {
    const missing = ['chromium', 'qpdf'];
    expect(planToolCheck({ missing, uid: 0, aptGet: true })).toEqual({
      action: 'install',
      packages: missing,
    });
    const user = planToolCheck({ missing, uid: 1000, aptGet: true });
    expect(user.action).toBe('stop');
    expect(user.action === 'stop' && user.message).toContain('Run: sudo apt-get install -y chromium qpdf');
    const rootWithoutApt = planToolCheck({ missing, uid: 0, aptGet: false });
    expect(rootWithoutApt.action === 'stop' && rootWithoutApt.message).toContain(
      'On Debian or Ubuntu, run: apt-get install -y chromium qpdf',
    );
  });

  it('as a script, stops at once with one line when nothing can be installed', () => {
    const home = tempDir('passage-home-');
    const run = spawnSync(process.execPath, [SCRIPT], {
      // No apt-get on this PATH, and no Chromium override: only the message can come out.
      env: { PATH: binDir([]), HOME: home },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /apt-get install -y chromium libreoffice-writer-nogui poppler-utils qpdf gcc( fonts-\S+)*$/,
    );
  });
});
