import path from 'node:path';
import { PassageError } from '../../../shared/api/result';
import { invoke } from '../../backend/dispatch';
import type { Command } from '../command';

function requireFile(argv: string[], command: string): string {
  const file = argv[0];
  if (!file) throw new PassageError('invalid_argument', `${command}: missing project FILE`);
  return path.resolve(file);
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
      out.print(info, () =>
        [
          `${info?.name} — ${info?.path}`,
          `schema ${info?.schemaVersion}`,
          ...Object.entries(info?.counts ?? {}).map(([k, v]) => `${k}: ${v}`),
        ].join('\n'),
      );
    },
  },
];
