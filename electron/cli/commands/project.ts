import path from 'node:path';
import type { RecoveryReport } from '../../../shared/api/project';
import { PassageError } from '../../../shared/api/result';
import { invoke } from '../../backend/dispatch';
import type { Command } from '../command';

function requireFile(argv: string[], command: string): string {
  const file = argv[0];
  if (!file) throw new PassageError('invalid_argument', `${command}: missing project FILE`);
  return path.resolve(file);
}

const PROJECT_USAGE = 'passage project FILE check | save-copy OUT.passage | recover OUT.passage';

function describeRecovery(report: RecoveryReport): string {
  const lines = [`recovered ${report.recovered} row(s) into ${report.path}, lost ${report.lost}`];
  for (const t of report.tables) {
    if (t.lost === 0 && t.unreadable.length === 0) continue;
    const unreadable = t.unreadable.length > 0 ? `; unreadable: ${t.unreadable.join(', ')}` : '';
    lines.push(`  ${t.table}: recovered ${t.recovered}, lost ${t.lost}${unreadable}`);
  }
  return lines.join('\n');
}

export const projectCommands: Command[] = [
  {
    name: 'new',
    usage: 'passage new FILE',
    summary: 'create an empty project file',
    async run({ session, out, argv }) {
      const info = await invoke(session, 'project.create', { path: requireFile(argv, 'new') });
      out.print(info, () => `created ${info.path} (schema ${info.schemaVersion})`);
    },
  },
  {
    name: 'info',
    usage: 'passage info FILE',
    summary: 'path, schema version and counts of a project',
    async run({ session, out, argv }) {
      await invoke(session, 'project.open', { path: requireFile(argv, 'info') });
      const info = await invoke(session, 'project.info', {});
      // A memo written on a coded segment lives on the segment row, not in the memos table; a researcher
      // counts it as a memo all the same. The memo list stops at 5000, hence "at least" beyond it.
      const listed = await invoke(session, 'memos.list', {});
      const onSegments = listed.filter((m) => m.kind === 'segment').length;
      const atLeast = listed.length >= 5000 ? 'at least ' : '';
      const counts = info ? { ...info.counts, memos: info.counts.memos + onSegments } : {};
      out.print(info && { ...info, counts: { ...counts, memosOnSegments: onSegments } }, () =>
        [
          `${info?.name} — ${info?.path}`,
          `schema ${info?.schemaVersion}`,
          ...Object.entries(counts).map(([k, v]) =>
            k === 'memos' ? `memos: ${atLeast}${v} (${onSegments} on segments)` : `${k}: ${v}`,
          ),
        ].join('\n'),
      );
    },
  },
  {
    name: 'project',
    usage: PROJECT_USAGE,
    summary: 'check a project file for damage, save a copy of it, or recover a damaged one into a new file',
    async run({ session, out, argv }) {
      const [file, action, target] = argv;
      if (!file || !action) throw new PassageError('invalid_argument', `usage: ${PROJECT_USAGE}`);
      await invoke(session, 'project.open', { path: path.resolve(file) });
      if (action === 'check') {
        const health = await invoke(session, 'project.health', {});
        // Damage fails the command, so a script can tell a damaged file by the exit status alone.
        if (health?.state === 'damaged') throw new PassageError('project_damaged', health.message);
        out.print(health, () => `${path.basename(file)}: no damage found`);
        return;
      }
      if (action !== 'save-copy' && action !== 'recover')
        throw new PassageError(
          'invalid_argument',
          `project: unknown action '${action}' — usage: ${PROJECT_USAGE}`,
        );
      if (!target)
        throw new PassageError(
          'invalid_argument',
          `project ${action}: missing OUT.passage — usage: ${PROJECT_USAGE}`,
        );
      if (action === 'save-copy') {
        const saved = await invoke(session, 'project.saveCopy', { path: path.resolve(target) });
        out.print(saved, () => `saved a copy to ${saved.path}`);
        return;
      }
      const report = await invoke(session, 'project.recover', { path: path.resolve(target) });
      out.print(report, () => describeRecovery(report));
    },
  },
];
