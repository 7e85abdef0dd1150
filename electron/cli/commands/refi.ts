import path from 'node:path';
import { OFFSET_CHOICES, type RefiImportSummary } from '../../../shared/api/exchange';
import { PassageError } from '../../../shared/api/result';
import { invoke } from '../../backend/dispatch';
import type { Command } from '../command';

const USAGE =
  'passage refi import IN.qdpx NEW.passage [--offsets auto|codepoints|utf16] | refi export PROJECT OUT.qdpx [--force]';

function describeImport(summary: RefiImportSummary): string {
  return [
    `created ${summary.project} from a ${summary.origin || 'REFI-QDA'} project: ${summary.documents} documents, ${summary.codes} codes, ${summary.segments} segments, ${summary.memos} memos, ${summary.coders} coders`,
    ...summary.units.map((u) => `  offsets of ${u.document}: ${u.unit}`),
    ...(summary.report.length ? ['not kept or changed:', ...summary.report.map((l) => `  ${l}`)] : []),
  ].join('\n');
}

export const refiCommands: Command[] = [
  {
    name: 'refi',
    usage: USAGE,
    summary: 'import a REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA, QualCoder…) or export one',
    async run({ session, out, argv }) {
      const [action, first, second, ...rest] = argv;
      if ((action !== 'import' && action !== 'export') || !first || !second)
        throw new PassageError('invalid_argument', `usage: ${USAGE}`);
      let offsets: (typeof OFFSET_CHOICES)[number] = 'auto';
      let force = false;
      for (let i = 0; i < rest.length; i++) {
        const flag = rest[i];
        if (flag === '--force' && action === 'export') force = true;
        else if (flag === '--offsets' && action === 'import') {
          const value = rest[++i] ?? '';
          if (!(OFFSET_CHOICES as readonly string[]).includes(value))
            throw new PassageError(
              'invalid_argument',
              `refi import: --offsets must be auto, codepoints or utf16, not "${value}"`,
            );
          offsets = value as typeof offsets;
        } else
          throw new PassageError(
            'invalid_argument',
            `refi ${action}: unexpected argument '${flag}' — usage: ${USAGE}`,
          );
      }
      if (action === 'import') {
        const { jobId } = await invoke(session, 'exchange.importProject', {
          source: path.resolve(first),
          target: path.resolve(second),
          offsets,
        });
        const status = await session.jobs.wait(jobId);
        if (status.state !== 'done')
          throw new PassageError(
            status.state === 'cancelled' ? 'cancelled' : 'invalid_argument',
            status.error ?? 'refi import: failed',
          );
        const summary = status.result as RefiImportSummary;
        out.print(summary, () => describeImport(summary));
        return;
      }
      await invoke(session, 'project.open', { path: path.resolve(first) });
      const summary = await invoke(session, 'exchange.exportProject', {
        target: path.resolve(second),
        overwrite: force,
      });
      out.print(summary, () =>
        [
          `wrote ${summary.file}: ${summary.documents} documents, ${summary.codes} codes, ${summary.segments} segments, ${summary.notes} notes`,
          ...summary.warnings.map((w) => `  not carried by REFI-QDA: ${w}`),
        ].join('\n'),
      );
    },
  },
];
