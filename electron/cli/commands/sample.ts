import path from 'node:path';
import { PassageError } from '../../../shared/api/result';
import type { ParticipantRow } from '../../../shared/api/sample';
import { STATUS_LABELS } from '../../../shared/sample/types';
import { invoke } from '../../backend/dispatch';
import type { Session } from '../../backend/session';
import type { Command, CommandContext } from '../command';

const USAGE =
  'passage sample FILE list | add [LABEL] [--category C] [--status S] [--date D] [--interview-date D] [--mode M] | refer REFERRER REFERRED [--date D] [--note N] | status LABEL STATUS [--date D] [--note N] | import CSV';

/** Splits `--name value` options from positional arguments. */
function options(argv: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined) throw new PassageError('invalid_argument', `sample: ${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    } else positional.push(arg);
  }
  return { positional, flags };
}

async function idOf(session: Session, label: string): Promise<number> {
  const rows = await invoke(session, 'sample.list', {});
  const found = rows.find((r) => r.label.toLowerCase() === label.toLowerCase());
  if (!found) throw new PassageError('not_found', `sample: no participant labelled '${label}'`);
  return found.id;
}

async function categoryId(session: Session, name: string): Promise<number> {
  const categories = await invoke(session, 'sample.categories.list', {});
  const found = categories.find((c) => c.name.toLowerCase() === name.toLowerCase());
  return found ? found.id : (await invoke(session, 'sample.categories.create', { name })).id;
}

/** What `list --json` promises: label, category, status, wave, referredBy labels and linked documents. */
function listEntry(r: ParticipantRow) {
  return {
    id: r.id,
    label: r.label,
    category: r.category,
    status: r.status,
    wave: r.wave,
    referredBy: r.referredBy.map((p) => p.label),
    interviewDate: r.interviewDate,
    interviewMode: r.interviewMode,
    documents: r.documents,
  };
}

function describe(r: ParticipantRow): string {
  const by = r.referredBy.length > 0 ? ` ← ${r.referredBy.map((p) => p.label).join(', ')}` : ' (seed)';
  return `${r.label}\t${r.category ?? '—'}\t${STATUS_LABELS[r.status]}\twave ${r.wave ?? '?'}${by}\t${r.documents.length} transcript(s)`;
}

async function run({ session, out, argv }: CommandContext): Promise<void> {
  const [file, action, ...rest] = argv;
  if (!file || !action) throw new PassageError('invalid_argument', `usage: ${USAGE}`);
  await invoke(session, 'project.open', { path: path.resolve(file) });
  const { positional, flags } = options(rest);
  switch (action) {
    case 'list': {
      const all = await invoke(session, 'sample.list', {});
      out.print(all.map(listEntry), () =>
        all.length === 0 ? 'no participants' : all.map(describe).join('\n'),
      );
      return;
    }
    case 'add': {
      const category = flags.get('category');
      const created = await invoke(session, 'sample.create', {
        ...(positional[0] ? { label: positional[0] } : {}),
        ...(category ? { categoryId: await categoryId(session, category) } : {}),
        ...(flags.has('status') ? { status: flags.get('status') } : {}),
        ...(flags.has('date') ? { statusDate: flags.get('date') } : {}),
        ...(flags.has('interview-date') ? { interviewDate: flags.get('interview-date') } : {}),
        ...(flags.has('mode') ? { interviewMode: flags.get('mode') } : {}),
      });
      out.print(listEntry(created), () => `added ${describe(created)}`);
      return;
    }
    case 'refer': {
      const [referrer, referred] = positional;
      if (!referrer || !referred)
        throw new PassageError('invalid_argument', 'usage: passage sample FILE refer REFERRER REFERRED');
      const updated = await invoke(session, 'sample.refer', {
        referrerId: await idOf(session, referrer),
        referredId: await idOf(session, referred),
        ...(flags.has('date') ? { date: flags.get('date') } : {}),
        ...(flags.has('note') ? { note: flags.get('note') } : {}),
      });
      out.print(listEntry(updated), () => describe(updated));
      return;
    }
    case 'status': {
      const [label, status] = positional;
      if (!label || !status)
        throw new PassageError('invalid_argument', 'usage: passage sample FILE status LABEL STATUS');
      const updated = await invoke(session, 'sample.setStatus', {
        id: await idOf(session, label),
        status,
        ...(flags.has('date') ? { date: flags.get('date') } : {}),
        ...(flags.has('note') ? { note: flags.get('note') } : {}),
      });
      out.print(listEntry(updated), () => describe(updated));
      return;
    }
    case 'import': {
      const csv = positional[0];
      if (!csv) throw new PassageError('invalid_argument', 'usage: passage sample FILE import CSV');
      const result = await invoke(session, 'sample.import', { path: path.resolve(csv) });
      if (result.errors.length > 0) {
        const lines = result.errors.map((e) => `row ${e.row}: ${e.message}`);
        throw new PassageError(
          'invalid_argument',
          `sample import: nothing imported, ${result.errors.length} error(s):\n${lines.join('\n')}`,
        );
      }
      out.print(
        result,
        () => `imported ${result.imported} participant(s) and ${result.referrals} referral(s)`,
      );
      return;
    }
    default:
      throw new PassageError('invalid_argument', `sample: unknown action '${action}' — usage: ${USAGE}`);
  }
}

export const sampleCommands: Command[] = [
  {
    name: 'sample',
    usage: 'passage sample FILE list|add|refer|status|import CSV',
    summary: 'the snowball sample: participants, referrals, status, CSV import',
    run,
  },
];
