import path from 'node:path';
import type { Coder } from '../../../shared/api/coding';
import { PassageError } from '../../../shared/api/result';
import { tablesToCsv } from '../../../shared/export/csv';
import { agreementJson, agreementTable } from '../../../shared/team/agreementTable';
import { AGREEMENT_UNITS, type AgreementUnit } from '../../../shared/team/units';
import { codePath } from '../../../shared/coding/tree';
import { invoke } from '../../backend/dispatch';
import type { Session } from '../../backend/session';
import type { Command } from '../command';

/** Positionals and `--name value` options (names in `flags` take no value). */
function parseArgs(argv: string[], command: string, flags: readonly string[] = []) {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const key = arg.slice(2);
    if (flags.includes(key)) options.set(key, 'true');
    else {
      const value = argv[++i];
      if (value === undefined)
        throw new PassageError('invalid_argument', `${command}: --${key} needs a value`);
      options.set(key, value);
    }
  }
  return { options, positional };
}

async function open(session: Session, file: string | undefined, command: string): Promise<void> {
  if (!file) throw new PassageError('invalid_argument', `${command}: missing project FILE`);
  await invoke(session, 'project.open', { path: path.resolve(file) });
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function coderLine(c: Coder): string {
  return `${c.current ? '* ' : '  '}${c.name}${c.color ? `  ${c.color}` : ''}  ${c.segmentCount} segments`;
}

async function coderByName(session: Session, name: string, command: string): Promise<Coder> {
  const coders = await invoke(session, 'coders.list', {});
  const found = coders.find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) throw new PassageError('not_found', `${command}: there is no coder named "${name}"`);
  return found;
}

/** Codes by name or by path "Parent/Child" ("›" works too). */
async function codeIdsOf(session: Session, refs: string[]): Promise<number[]> {
  const codes = await invoke(session, 'codes.list', {});
  return refs.map((ref) => {
    const wanted = ref.replace(/\s*[/›]\s*/g, ' › ').toLowerCase();
    const byPath = codes.filter((c) => codePath(codes, c.id).toLowerCase() === wanted);
    const byName = codes.filter((c) => c.name.toLowerCase() === ref.toLowerCase());
    const found = byPath.length === 1 ? byPath : byName;
    if (found.length === 1) return found[0]!.id;
    if (found.length > 1)
      throw new PassageError('invalid_argument', `agreement: code "${ref}" is ambiguous: give its path`);
    throw new PassageError('not_found', `agreement: code "${ref}" does not exist`);
  });
}

export const teamCommands: Command[] = [
  {
    name: 'coders',
    usage: 'passage coders FILE list | add NAME [--color #RRGGBB] | rename OLD NEW | color NAME #RRGGBB',
    summary: 'list, add, rename or colour the coders of a project',
    async run({ session, out, argv }) {
      const { options, positional } = parseArgs(argv, 'coders');
      const [file, action = 'list', a, b] = positional;
      await open(session, file, 'coders');
      if (action === 'list') {
        const coders = await invoke(session, 'coders.list', {});
        out.print(coders, () => coders.map(coderLine).join('\n'));
      } else if (action === 'add') {
        if (!a) throw new PassageError('invalid_argument', 'coders add: missing NAME');
        const coder = await invoke(session, 'coders.add', { name: a, color: options.get('color') ?? null });
        out.print(coder, () => `added coder ${coder.name}`);
      } else if (action === 'rename') {
        if (!a || !b) throw new PassageError('invalid_argument', 'coders rename: give OLD and NEW names');
        const coder = await invoke(session, 'coders.rename', {
          id: (await coderByName(session, a, 'coders rename')).id,
          name: b,
        });
        out.print(coder, () => `renamed coder ${a} to ${coder.name}`);
      } else if (action === 'color') {
        if (!a || !b) throw new PassageError('invalid_argument', 'coders color: give NAME and #RRGGBB');
        const coder = await invoke(session, 'coders.setColor', {
          id: (await coderByName(session, a, 'coders color')).id,
          color: b,
        });
        out.print(coder, () => `coder ${coder.name} is ${coder.color}`);
      } else {
        throw new PassageError(
          'invalid_argument',
          `coders: unknown action "${action}" (list, add, rename, color)`,
        );
      }
    },
  },
  {
    name: 'agreement',
    usage:
      'passage agreement FILE --coders A,B[,…] [--codes X,Y] [--unit characters|sentences|paragraphs|turns|documents] [--group G] [--json|--csv] [--out TABLE.docx|.csv|.json [--force]]',
    summary:
      "inter-coder agreement per code and overall: percent agreement, Cohen's kappa, Krippendorff's alpha",
    async run({ session, out, argv }) {
      const { options, positional } = parseArgs(argv, 'agreement', ['csv', 'force']);
      await open(session, positional[0], 'agreement');
      const unit = (options.get('unit') ?? 'characters') as AgreementUnit;
      if (!AGREEMENT_UNITS.includes(unit))
        throw new PassageError(
          'invalid_argument',
          `agreement: --unit must be one of ${AGREEMENT_UNITS.join(', ')}`,
        );
      const coders = list(options.get('coders'));
      if (coders.length < 2)
        throw new PassageError('invalid_argument', 'agreement: --coders needs at least two names');
      let documentGroupId: number | undefined;
      if (options.has('group')) {
        const groups = await invoke(session, 'documentGroups.list', {});
        const wanted = options.get('group')!.trim().toLowerCase();
        const group = groups.find((g) => g.name.toLowerCase() === wanted);
        if (!group)
          throw new PassageError(
            'not_found',
            `agreement: document group "${options.get('group')}" does not exist`,
          );
        documentGroupId = group.id;
      }
      const codeIds = options.has('codes') ? await codeIdsOf(session, list(options.get('codes'))) : undefined;
      const scope = {
        coders,
        unit,
        ...(codeIds ? { codeIds } : {}),
        ...(documentGroupId !== undefined ? { documentGroupId } : {}),
      };
      const file = options.get('out');
      if (file !== undefined) {
        // The Word appendix (with the definitions), CSV or JSON, by the file's name.
        const written = await invoke(session, 'team.exportAgreement', {
          ...scope,
          file: path.resolve(file),
          overwrite: options.has('force'),
        });
        out.print(written, () => `wrote ${written.path} (${written.bytes} bytes)`);
        return;
      }
      const report = await invoke(session, 'team.agreement', scope);
      if (options.has('csv') && !out.json) {
        process.stdout.write(tablesToCsv([agreementTable(report)]));
        return;
      }
      out.print(agreementJson(report), () => {
        const table = agreementTable(report);
        return [
          table.caption,
          table.header.join('\t'),
          ...table.rows.map((r) => r.join('\t')),
          '',
          ...report.definitions,
        ].join('\n');
      });
    },
  },
  {
    name: 'copies',
    usage: 'passage copies FILE --coders A,B[,…] --out DIR [--without-segments]',
    summary: 'one copy of the project per coder, each opening as its coder (optionally without segments)',
    async run({ session, out, argv }) {
      const { options, positional } = parseArgs(argv, 'copies', ['without-segments']);
      await open(session, positional[0], 'copies');
      const coders = list(options.get('coders'));
      if (coders.length === 0) throw new PassageError('invalid_argument', 'copies: --coders is required');
      const folder = options.get('out');
      if (!folder) throw new PassageError('invalid_argument', 'copies: --out DIR is required');
      const copies = await invoke(session, 'team.makeCopies', {
        coders,
        folder: path.resolve(folder),
        withoutSegments: options.has('without-segments'),
      });
      out.print(copies, () => copies.map((c) => `${c.coder}: ${c.path} (${c.segments} segments)`).join('\n'));
    },
  },
  {
    name: 'merge',
    usage: 'passage merge INTO.passage FROM.passage|FROM.qdpx [--json]',
    summary: "bring a coder's project into another (backup first; one undoable step)",
    async run({ session, out, argv }) {
      const { positional } = parseArgs(argv, 'merge');
      const [into, from] = positional;
      if (!from) throw new PassageError('invalid_argument', 'merge: give INTO and FROM project files');
      await open(session, into, 'merge');
      const report = await invoke(session, 'team.merge', { from: path.resolve(from) });
      out.print(report, () => {
        const added = Object.entries(report.added)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${n} ${k}`);
        return [
          `merged ${path.basename(report.from)} into ${path.basename(report.into)}: ${added.length > 0 ? added.join(', ') : 'nothing new'}`,
          `backup: ${report.backup}`,
          ...report.warnings.map((w) => `warning: ${w}`),
          ...report.conflicts.map((c) => `conflict: ${c.message}`),
          report.undoable ? 'undo with: passage undo INTO' : '',
        ]
          .filter(Boolean)
          .join('\n');
      });
    },
  },
];
