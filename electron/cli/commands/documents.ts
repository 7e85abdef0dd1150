import path from 'node:path';
import type { DocumentSummary, ImportSummary } from '../../../shared/api/documents';
import { PassageError } from '../../../shared/api/result';
import { invoke } from '../../backend/dispatch';
import type { Session } from '../../backend/session';
import type { Command } from '../command';
import { importAnonymised } from './privacy';

const BOOLEAN_FLAGS = new Set(['allow-duplicates']);

/** `--flag value`, boolean flags, and `--docs` which takes every following argument up to the next flag. */
function parseArgs(
  argv: string[],
  command: string,
): { positional: string[]; flags: Map<string, string>; docs: string[] } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  const docs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--docs') {
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) docs.push(argv[++i]!);
    } else if (arg.startsWith('--') && arg.length > 2) {
      const flag = arg.slice(2);
      if (BOOLEAN_FLAGS.has(flag)) flags.set(flag, 'true');
      else {
        const value = argv[i + 1];
        if (value === undefined)
          throw new PassageError('invalid_argument', `${command}: ${arg} needs a value`);
        flags.set(flag, value);
        i++;
      }
    } else positional.push(arg);
  }
  return { positional, flags, docs };
}

async function openProject(session: Session, file: string | undefined, usage: string): Promise<void> {
  if (!file) throw new PassageError('invalid_argument', `usage: ${usage}`);
  await invoke(session, 'project.open', { path: path.resolve(file) });
}

function describeSummary(summary: ImportSummary): string {
  const lines = [
    `imported ${summary.imported.length}, skipped ${summary.duplicates.length} duplicate(s), failed ${summary.failed.length}`,
  ];
  for (const d of summary.duplicates)
    lines.push(`  duplicate  ${d.name} (same text as "${d.existingTitle}")`);
  for (const f of summary.failed) lines.push(`  failed     ${f.name}: ${f.reason}`);
  return lines.join('\n');
}

function formatAttributes(attributes: DocumentSummary['attributes']): string {
  return Object.entries(attributes)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

const IMPORT_USAGE =
  'passage import FILE --docs PATHS… [--kind interview|document] [--group NAME] [--allow-duplicates] [--anonymise [--decisions FILE.json]]';
const DOCS_USAGE = 'passage docs FILE list | import-attributes CSV [--key COLUMN] | delete ID…';

export const documentsCommands: Command[] = [
  {
    name: 'import',
    usage: IMPORT_USAGE,
    summary: 'import files and folders (txt, md, docx, pdf, html, odt); exits 1 if every file failed',
    async run({ session, out, argv }) {
      // Anonymisation at the door (electron/cli/commands/privacy.ts) reads the identity key first.
      if (argv.includes('--anonymise')) return importAnonymised({ session, out, argv });
      const { positional, flags, docs } = parseArgs(argv, 'import');
      if (docs.length === 0)
        throw new PassageError('invalid_argument', `import: --docs: no paths given — usage: ${IMPORT_USAGE}`);
      await openProject(session, positional[0], IMPORT_USAGE);
      const kind = flags.get('kind') ?? 'document';
      if (kind !== 'interview' && kind !== 'document')
        throw new PassageError(
          'invalid_argument',
          `import: --kind: must be interview or document, not ${kind}`,
        );
      const { jobId } = await invoke(session, 'documents.import', {
        paths: docs.map((d) => path.resolve(d)),
        kind,
        groupName: flags.get('group'),
        allowDuplicates: flags.has('allow-duplicates'),
      });
      const status = await session.jobs.wait(jobId);
      if (status.state !== 'done')
        throw new PassageError('internal', `import: ${status.error ?? status.state}`);
      const summary = status.result as ImportSummary;
      const total = summary.imported.length + summary.duplicates.length + summary.failed.length;
      if (total > 0 && summary.failed.length === total) {
        // Every file failed: the exit code says so; the reasons go in the message (stderr, or the JSON error).
        if (!out.json) out.print(summary, () => describeSummary(summary));
        throw new PassageError(
          'invalid_argument',
          `import: no file could be imported — ${summary.failed.map((f) => `${f.name}: ${f.reason}`).join('; ')}`,
        );
      }
      out.print(summary, () => describeSummary(summary));
    },
  },
  {
    name: 'docs',
    usage: DOCS_USAGE,
    summary: 'list documents with metadata and attributes; import attributes from a CSV',
    async run({ session, out, argv }) {
      const { positional, flags } = parseArgs(argv, 'docs');
      await openProject(session, positional[0], DOCS_USAGE);
      const action = positional[1] ?? 'list';
      if (action === 'list') {
        const documents = await invoke(session, 'documents.list', {});
        out.print(documents, () =>
          documents.length === 0
            ? 'no documents'
            : documents
                .map(
                  (d) =>
                    `${d.id}\t${d.title}\t${d.kind}\t${d.format}\t${d.date ?? '-'}\t${d.wordCount} words\t${d.segmentCount} segments` +
                    (Object.keys(d.attributes).length > 0 ? `\t${formatAttributes(d.attributes)}` : ''),
                )
                .join('\n'),
        );
        return;
      }
      if (action === 'import-attributes') {
        const csv = positional[2];
        if (!csv)
          throw new PassageError(
            'invalid_argument',
            `docs: import-attributes needs a CSV file — usage: ${DOCS_USAGE}`,
          );
        const summary = await invoke(session, 'attributes.importCsv', {
          path: path.resolve(csv),
          keyColumn: flags.get('key'),
        });
        out.print(summary, () =>
          [
            `matched ${summary.matched} document(s), set ${summary.valuesSet} value(s)`,
            ...summary.created.map((c) => `  new attribute ${c.name} (${c.type})`),
            ...summary.unmatched.map((u) => `  no document for ${u}`),
          ].join('\n'),
        );
        return;
      }
      if (action === 'delete') {
        const ids = positional.slice(2).map((raw) => {
          const id = Number(raw);
          if (!Number.isInteger(id) || id < 1)
            throw new PassageError(
              'invalid_argument',
              `docs delete: '${raw}' is not a document id (see \`passage docs FILE list\`)`,
            );
          return id;
        });
        if (ids.length === 0)
          throw new PassageError(
            'invalid_argument',
            `docs delete: no document ids given — usage: ${DOCS_USAGE}`,
          );
        const result = await invoke(session, 'documents.delete', { ids });
        out.print(
          result,
          () =>
            `deleted ${result.deleted} document(s) with ${result.segments} coded segment(s) and ${result.memos} memo(s)` +
            ' — `passage undo FILE` puts them back',
        );
        return;
      }
      throw new PassageError('invalid_argument', `docs: unknown action ${action} — usage: ${DOCS_USAGE}`);
    },
  },
];
