// First step of `npm test`: the tests drive Debian's Chromium, read Word exports back through LibreOffice
// and poppler, encrypt a PDF with qpdf, and need the appendix's fonts so LibreOffice lays pages out the
// same on every machine. As root with apt-get (CI, a fresh container) the missing packages are installed,
// as .ci/run used to do; anywhere else the run stops at once with the one command that installs them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Programs are looked up on PATH, fonts by file name under the font folders. */
export const TEST_TOOLS = [
  { kind: 'program', name: 'chromium', debianPackage: 'chromium' },
  { kind: 'program', name: 'soffice', debianPackage: 'libreoffice-writer-nogui' },
  { kind: 'program', name: 'pdftotext', debianPackage: 'poppler-utils' },
  { kind: 'program', name: 'pdfinfo', debianPackage: 'poppler-utils' },
  { kind: 'program', name: 'qpdf', debianPackage: 'qpdf' },
  // The build compiles the search ranking extension (scripts/buildNative.mjs), which a test requires.
  { kind: 'program', name: 'cc', debianPackage: 'gcc' },
  // Metric-compatible with Times New Roman, the appendix's font (electron/export/docx/styles.ts): without
  // it LibreOffice falls back to whatever serif is installed and every line wraps elsewhere.
  { kind: 'font', name: 'LiberationSerif-Regular.ttf', debianPackage: 'fonts-liberation2' },
  // Metric-compatible with Calibri, Word's default where a run names no font.
  { kind: 'font', name: 'Carlito-Regular.ttf', debianPackage: 'fonts-crosextra-carlito' },
];

export function defaultFontDirs(home = os.homedir()) {
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    path.join(home, '.local', 'share', 'fonts'),
    path.join(home, '.fonts'),
  ];
}

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The full path of a program found on a PATH string, or null. */
export function findProgram(name, pathEnv) {
  for (const dir of (pathEnv ?? '').split(path.delimiter)) {
    if (dir && isExecutableFile(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

function hasFontFile(name, dirs) {
  const pending = dirs.filter((d) => fs.existsSync(d));
  while (pending.length > 0) {
    const dir = pending.pop();
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name === name) return true;
      if (entry.isDirectory()) pending.push(path.join(dir, entry.name));
    }
  }
  return false;
}

/**
 * The Debian packages whose program or font is missing, each once, in TEST_TOOLS order. CHROMIUM_PATH
 * (the tests' override of /usr/bin/chromium) counts as Chromium when it names an executable file.
 */
export function findMissingPackages({ pathEnv, fontDirs, chromiumPath }) {
  const missing = [];
  for (const tool of TEST_TOOLS) {
    const present =
      tool.kind === 'font'
        ? hasFontFile(tool.name, fontDirs)
        : (tool.name === 'chromium' && chromiumPath && isExecutableFile(chromiumPath)) ||
          findProgram(tool.name, pathEnv) !== null;
    if (!present && !missing.includes(tool.debianPackage)) missing.push(tool.debianPackage);
  }
  return missing;
}

export function installCommand(packages, { sudo }) {
  return `${sudo ? 'sudo ' : ''}apt-get install -y ${packages.join(' ')}`;
}

/**
 * What to do about the missing packages: nothing, install them (root with apt-get), or stop with one
 * message that names the command to run.
 */
export function planToolCheck({ missing, uid, aptGet }) {
  if (missing.length === 0) return { action: 'none' };
  if (uid === 0 && aptGet) return { action: 'install', packages: missing };
  const command = installCommand(missing, { sudo: uid !== 0 });
  const where = aptGet ? 'Run' : 'On Debian or Ubuntu, run';
  return {
    action: 'stop',
    message: `npm test needs programs and fonts this machine lacks (${missing.join(', ')}). ${where}: ${command}`,
  };
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`npm test: installing ${packages.join(', ')} (apt-get)…`);
  const steps = [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...packages],
  ];
  for (const args of steps) {
    const run = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) return false;
  }
  return true;
}

function main() {
  const probe = () =>
    findMissingPackages({
      pathEnv: process.env.PATH,
      fontDirs: defaultFontDirs(),
      chromiumPath: process.env.CHROMIUM_PATH,
    });
  const missing = probe();
  const plan = planToolCheck({
    missing,
    uid: typeof process.getuid === 'function' ? process.getuid() : -1,
    aptGet: findProgram('apt-get', process.env.PATH) !== null,
  });
  if (plan.action === 'stop') {
    console.error(plan.message);
    process.exit(1);
  }
  if (plan.action === 'install') {
    const installed = aptInstall(plan.packages);
    const still = probe();
    if (!installed || still.length > 0) {
      console.error(
        `npm test could not install ${(still.length > 0 ? still : plan.packages).join(', ')} with apt-get (see above). Run: ${installCommand(plan.packages, { sudo: false })}`,
      );
      process.exit(1);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
