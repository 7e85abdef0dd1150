// The identity key, anonymisation at the door and the privacy scan from the command line. The
// passphrase comes from PASSAGE_PASSPHRASE or is asked for on the terminal (twice when creating a key).
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { ImportSummary } from '../../../shared/api/documents';
import { decisionsSchema, type ReviewResult, type ScanResult } from '../../../shared/api/privacy';
import { PassageError } from '../../../shared/api/result';
import type { Decisions } from '../../../shared/privacy/types';
import { invoke } from '../../backend/dispatch';
import type { Session } from '../../backend/session';
import type { Command, CommandContext } from '../command';

const IDENTITY_USAGE =
  'passage identity PROJECT init | set LABEL --name NAME [--alias A]… [--contact C] | terms [TERM…] [--key FILE]';
const ANONYMISE_USAGE =
  'passage anonymise PROJECT --docs PATHS… --out DIR [--decisions FILE.json] [--kind interview|document] [--key FILE]' +
  ' | --imported [--ids ID,…] [--dry-run] [--decisions FILE.json] [--key FILE] | --imported --restore';
const PRIVACY_USAGE = 'passage privacy PROJECT scan [--files PATHS…] [--key FILE]';
const LISTS = new Set(['docs', 'files', 'alias']);
const BOOLEAN = new Set(['anonymise', 'allow-duplicates', 'imported', 'dry-run', 'restore']);

interface Parsed {
  positional: string[];
  flags: Map<string, string>;
  lists: Map<string, string[]>;
}

/** `--flag value`; `--docs`/`--files` take every following argument up to the next flag; `--alias` repeats. */
function parse(argv: string[], command: string): Parsed {
  const parsed: Parsed = { positional: [], flags: new Map(), lists: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg.length === 2) {
      parsed.positional.push(arg);
      continue;
    }
    const flag = arg.slice(2);
    if (BOOLEAN.has(flag)) parsed.flags.set(flag, 'true');
    else if (flag === 'docs' || flag === 'files') {
      const list = parsed.lists.get(flag) ?? [];
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) list.push(argv[++i]!);
      parsed.lists.set(flag, list);
    } else {
      const value = argv[i + 1];
      if (value === undefined) throw new PassageError('invalid_argument', `${command}: ${arg} needs a value`);
      if (LISTS.has(flag)) parsed.lists.set(flag, [...(parsed.lists.get(flag) ?? []), value]);
      else parsed.flags.set(flag, value);
      i++;
    }
  }
  return parsed;
}

function ask(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Nothing typed is echoed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  process.stderr.write(question);
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

async function passphrase(command: string, twice: boolean): Promise<string> {
  const fromEnv = process.env.PASSAGE_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY)
    throw new PassageError(
      'invalid_argument',
      `${command}: the identity key's passphrase is needed — set PASSAGE_PASSPHRASE or run in a terminal`,
    );
  const first = await ask('Identity key passphrase: ');
  if (twice && (await ask('The same passphrase again: ')) !== first)
    throw new PassageError(
      'invalid_argument',
      `${command}: the two passphrases differ — nothing was created`,
    );
  return first;
}

async function openWithKey(
  session: Session,
  file: string | undefined,
  p: Parsed,
  command: string,
  usage: string,
) {
  if (!file) throw new PassageError('invalid_argument', `usage: ${usage}`);
  await invoke(session, 'project.open', { path: path.resolve(file) });
  const key = p.flags.get('key');
  await invoke(session, 'sample.identity.unlock', {
    passphrase: await passphrase(command, false),
    ...(key ? { path: path.resolve(key) } : {}),
  });
}

function readDecisions(file: string | undefined, command: string): Decisions {
  if (!file) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not valid JSON';
    throw new PassageError('invalid_argument', `${command}: --decisions ${path.basename(file)} ${reason}`);
  }
  const parsed = decisionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PassageError(
      'invalid_argument',
      `${command}: --decisions ${path.basename(file)}: ${issue.path.join('.') || 'the file'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

function kindOf(p: Parsed, command: string): 'interview' | 'document' {
  const kind = p.flags.get('kind') ?? 'interview';
  if (kind !== 'interview' && kind !== 'document')
    throw new PassageError(
      'invalid_argument',
      `${command}: --kind must be interview or document, not ${kind}`,
    );
  return kind;
}

function describeReview(review: ReviewResult): string {
  const lines = review.groups.map(
    (g) =>
      `${g.accepted ? 'replace' : 'keep   '}  ${g.kind.padEnd(12)} ${JSON.stringify(g.surface)} ×${g.occurrences.length} → ${g.replacement}`,
  );
  for (const f of review.failed) lines.push(`failed   ${f.name}: ${f.reason}`);
  return lines.join('\n') || 'nothing found';
}

async function identity({ session, out, argv }: CommandContext): Promise<void> {
  const p = parse(argv, 'identity');
  const [file, action, label] = p.positional;
  if (!file || !action) throw new PassageError('invalid_argument', `usage: ${IDENTITY_USAGE}`);
  const key = p.flags.get('key');
  if (action === 'init') {
    await invoke(session, 'project.open', { path: path.resolve(file) });
    const status = await invoke(session, 'sample.identity.create', {
      passphrase: await passphrase('identity init', true),
      ...(key ? { path: path.resolve(key) } : {}),
    });
    out.print(status, () => `identity key created: ${status.path}`);
    return;
  }
  await openWithKey(session, file, p, `identity ${action}`, IDENTITY_USAGE);
  if (action === 'set') {
    const name = p.flags.get('name');
    if (!label || name === undefined) throw new PassageError('invalid_argument', `usage: ${IDENTITY_USAGE}`);
    const found = (await invoke(session, 'sample.list', {})).find(
      (r) => r.label.toLowerCase() === label.toLowerCase(),
    );
    if (!found) throw new PassageError('not_found', `identity set: no participant labelled '${label}'`);
    await invoke(session, 'privacy.identity.set', {
      participantId: found.id,
      name,
      aliases: p.lists.get('alias') ?? [],
      contact: p.flags.get('contact') ?? '',
    });
    out.print({ label: found.label }, () => `identity of ${found.label} saved in the identity key`);
    return;
  }
  if (action === 'terms') {
    const terms = p.positional.slice(2);
    const result =
      terms.length > 0
        ? await invoke(session, 'privacy.terms.set', { terms })
        : await invoke(session, 'privacy.terms.get', {});
    out.print(result, () => result.terms.join('\n') || 'no terms');
    return;
  }
  throw new PassageError(
    'invalid_argument',
    `identity: unknown action '${action}' — usage: ${IDENTITY_USAGE}`,
  );
}

function idsOf(p: Parsed): number[] | undefined {
  const ids = p.flags.get('ids');
  if (ids === undefined) return undefined;
  return ids.split(',').map((id) => {
    const n = Number(id.trim());
    if (!Number.isInteger(n) || n <= 0)
      throw new PassageError('invalid_argument', `anonymise: --ids: “${id}” is not a document id`);
    return n;
  });
}

/** `--imported`: documents already in the project that have no segments yet, rewritten in place. */
async function anonymiseImported(session: Session, out: CommandContext['out'], p: Parsed): Promise<void> {
  await openWithKey(session, p.positional[0], p, 'anonymise', ANONYMISE_USAGE);
  if (p.flags.has('restore')) {
    const restored = await invoke(session, 'privacy.restoreDocuments', {});
    return out.print(restored, () =>
      restored.documents.map((d) => `restored #${d.id} ${d.title}`).join('\n'),
    );
  }
  const args = { documentIds: idsOf(p), decisions: readDecisions(p.flags.get('decisions'), 'anonymise') };
  const review = await invoke(session, 'privacy.reviewDocuments', args);
  if (p.flags.has('dry-run')) return out.print(review, () => describeReview(review));
  const { documents } = await invoke(session, 'privacy.anonymiseDocuments', args);
  out.print({ ...review, documents }, () =>
    [
      describeReview(review),
      ...documents.map((d) => `rewrote  #${d.id} ${d.title} (${d.replacements} replacement(s))`),
    ].join('\n'),
  );
}

async function anonymise({ session, out, argv }: CommandContext): Promise<void> {
  const p = parse(argv, 'anonymise');
  if (p.flags.has('imported')) return anonymiseImported(session, out, p);
  const docs = p.lists.get('docs') ?? [];
  const outDir = p.flags.get('out');
  if (docs.length === 0 || !outDir) throw new PassageError('invalid_argument', `usage: ${ANONYMISE_USAGE}`);
  await openWithKey(session, p.positional[0], p, 'anonymise', ANONYMISE_USAGE);
  const result = await invoke(session, 'privacy.anonymiseFiles', {
    paths: docs.map((d) => path.resolve(d)),
    outDir: path.resolve(outDir),
    kind: kindOf(p, 'anonymise'),
    decisions: readDecisions(p.flags.get('decisions'), 'anonymise'),
  });
  out.print(result, () =>
    [
      describeReview(result),
      ...result.written.map((w) => `wrote    ${w.out} (${w.replacements} replacement(s))`),
    ].join('\n'),
  );
}

/** `passage import PROJECT --docs … --anonymise`: the import command hands over to this. */
export async function importAnonymised({ session, out, argv }: CommandContext): Promise<void> {
  const p = parse(argv, 'import');
  const docs = p.lists.get('docs') ?? [];
  if (docs.length === 0) throw new PassageError('invalid_argument', 'import: --docs: no paths given');
  await openWithKey(
    session,
    p.positional[0],
    p,
    'import',
    'passage import PROJECT --docs PATHS… --anonymise',
  );
  const { jobId } = await invoke(session, 'privacy.import', {
    paths: docs.map((d) => path.resolve(d)),
    kind: kindOf(p, 'import'),
    decisions: readDecisions(p.flags.get('decisions'), 'import'),
    groupName: p.flags.get('group'),
    allowDuplicates: p.flags.has('allow-duplicates'),
  });
  const status = await session.jobs.wait(jobId);
  if (status.state !== 'done') throw new PassageError('internal', `import: ${status.error ?? status.state}`);
  const summary = status.result as ImportSummary;
  if (summary.imported.length === 0 && summary.failed.length > 0)
    throw new PassageError(
      'invalid_argument',
      `import: no file could be imported — ${summary.failed.map((f) => `${f.name}: ${f.reason}`).join('; ')}`,
    );
  out.print(summary, () =>
    [
      `imported ${summary.imported.length} anonymised, skipped ${summary.duplicates.length} duplicate(s), failed ${summary.failed.length}`,
      ...summary.failed.map((f) => `  failed     ${f.name}: ${f.reason}`),
    ].join('\n'),
  );
}

function describeHits(result: ScanResult): string {
  return result.hits
    .map((h) => `${h.where}: ${JSON.stringify(h.found)} (${h.participant ?? 'deleted participant'})`)
    .join('\n');
}

async function privacy({ session, out, argv }: CommandContext): Promise<void> {
  const p = parse(argv, 'privacy');
  const [file, action] = p.positional;
  if (action !== 'scan') throw new PassageError('invalid_argument', `usage: ${PRIVACY_USAGE}`);
  await openWithKey(session, file, p, 'privacy scan', PRIVACY_USAGE);
  const result = await invoke(session, 'privacy.scan', {
    files: (p.lists.get('files') ?? []).map((f) => path.resolve(f)),
  });
  if (result.hits.length > 0)
    throw new PassageError(
      'conflict',
      `privacy scan: ${result.hits.length} real name(s) or contact(s) found:\n${describeHits(result)}`,
    );
  out.print(
    result,
    () =>
      `privacy scan: no real name or contact found (${result.searched.values} values, ${result.searched.files.length} files)`,
  );
}

export const privacyCommands: Command[] = [
  {
    name: 'identity',
    usage: IDENTITY_USAGE,
    summary: "the identity key: create it, set a participant's real name",
    run: identity,
  },
  {
    name: 'anonymise',
    usage: ANONYMISE_USAGE,
    summary: 'find identifiers in files and write anonymised copies, or rewrite imported uncoded documents',
    run: anonymise,
  },
  {
    name: 'privacy',
    usage: PRIVACY_USAGE,
    summary: 'scan the project and export files for real names and contacts (exit 1 on a hit)',
    run: privacy,
  },
];
