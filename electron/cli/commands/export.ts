import path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, type ExportResult } from '../../../shared/api/export';
import { PassageError } from '../../../shared/api/result';
import { invoke } from '../../backend/dispatch';
import type { Command } from '../command';
import { EXPORT_USAGE, optionsFromFlags, parseFlags } from './exportFlags';

export const exportCommands: Command[] = [
  {
    name: 'export',
    usage:
      'passage export FILE docx|csv|tsv|md OUT [--codes A,B|--code-group G] [--include PARTS] [filters] [--cooccurrence-rows A,B] [--cooccurrence-row-groups G,H] [--cooccurrence-columns A,B] [--cooccurrence-document-group G] [--cooccurrence-unit documents|segments] [--matrix-by groups|categories|documents|attribute:NAME] [--timeline-unit documents|segments] [--force]',
    summary:
      'write a Word appendix (docx), the coded segments (csv, tsv) or Markdown; OUT is relative to the current folder and must end in .docx, .csv, .tsv or .md; an existing OUT is replaced only with --force (never the project, its backups or an identity key). The co-occurrence table takes its own rows, columns and filters with --cooccurrence-* (every filter flag works with the prefix: --cooccurrence-kind, -category, -wave, -from, -to, -coder, -include-withdrawn; --cooccurrence-coefficient adds c); without them it uses --codes as columns and --code-group as rows',
    async run({ session, out, argv }) {
      const [file, format, target, ...rest] = argv;
      if (!file || !format || !target) throw new PassageError('invalid_argument', `usage: ${EXPORT_USAGE}`);
      if (!(EXPORT_FORMATS as readonly string[]).includes(format))
        throw new PassageError(
          'invalid_argument',
          `export: format must be one of ${EXPORT_FORMATS.join(', ')}`,
        );
      await invoke(session, 'project.open', { path: path.resolve(file) });
      const flags = parseFlags(rest);
      const options = optionsFromFlags(session.requireProject().db, flags);
      const { jobId } = await invoke(session, 'export.start', {
        options,
        format: format as ExportFormat,
        // A shell user means the shell's folder; the backend would take the app's last export folder.
        target: path.resolve(target),
        overwrite: flags.has('--force'),
      });
      const status = await session.jobs.wait(jobId);
      if (status.state !== 'done')
        throw new PassageError(
          status.state === 'cancelled' ? 'cancelled' : 'io',
          status.error ?? 'export: failed',
        );
      const result = status.result as ExportResult;
      out.print(
        result,
        () =>
          `wrote ${result.path} (${result.quotes} quotes, ${result.tables} tables, ${result.bytes.toLocaleString('en')} bytes)`,
      );
    },
  },
];
