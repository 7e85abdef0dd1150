import path from 'node:path';
import { PassageError } from '../../../shared/api/result';
import type { DocumentGroup, SearchFilters, SearchPage } from '../../../shared/api/search';
import type { Snippet } from '../../../shared/search/snippets';
import { CODING_UNITS, type CodingUnit } from '../../../shared/search/units';
import { invoke } from '../../backend/dispatch';
import type { Session } from '../../backend/session';
import type { Command } from '../command';

const BOOLEAN_FLAGS = new Set(['dry-run', 'exact']);

/** Splits `--name value` options (and boolean `--dry-run`) from positional arguments. */
function parseArgs(argv: string[], command: string): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--') && arg.length > 2) {
      const flag = arg.slice(2);
      if (BOOLEAN_FLAGS.has(flag)) {
        flags.set(flag, 'true');
        continue;
      }
      const value = argv[i + 1];
      if (value === undefined) throw new PassageError('invalid_argument', `${command}: ${arg} needs a value`);
      flags.set(flag, value);
      i++;
    } else positional.push(arg);
  }
  return { positional, flags };
}

async function openProject(session: Session, file: string | undefined, usage: string): Promise<void> {
  if (!file) throw new PassageError('invalid_argument', `usage: ${usage}`);
  await invoke(session, 'project.open', { path: path.resolve(file) });
}

async function groupByName(session: Session, name: string, command: string): Promise<DocumentGroup> {
  const groups = await invoke(session, 'documentGroups.list', {});
  const found = groups.find((g) => g.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) throw new PassageError('not_found', `${command}: no group named "${name}"`);
  return found;
}

function yearFlag(flags: Map<string, string>, flag: string, command: string): number | undefined {
  const raw = flags.get(flag);
  if (raw === undefined) return undefined;
  if (!/^\d{1,4}$/.test(raw))
    throw new PassageError('invalid_argument', `${command}: --${flag}: not a year: ${raw}`);
  return Number(raw);
}

/** --kind, --group, --year-from, --year-to, --attr NAME=VALUE into the contract's filters. */
async function filtersFrom(
  session: Session,
  flags: Map<string, string>,
  command: string,
): Promise<SearchFilters> {
  const filters: SearchFilters = {};
  const kind = flags.get('kind');
  if (kind !== undefined) {
    if (kind !== 'interview' && kind !== 'document') {
      throw new PassageError(
        'invalid_argument',
        `${command}: --kind: must be interview or document, not ${kind}`,
      );
    }
    filters.kind = kind;
  }
  const group = flags.get('group');
  if (group !== undefined) filters.groupId = (await groupByName(session, group, command)).id;
  const yearFrom = yearFlag(flags, 'year-from', command);
  const yearTo = yearFlag(flags, 'year-to', command);
  if (yearFrom !== undefined) filters.yearFrom = yearFrom;
  if (yearTo !== undefined) filters.yearTo = yearTo;
  const attr = flags.get('attr');
  if (attr !== undefined) {
    const eq = attr.indexOf('=');
    if (eq <= 0) throw new PassageError('invalid_argument', `${command}: --attr: write NAME=VALUE`);
    filters.attributes = [{ name: attr.slice(0, eq), value: attr.slice(eq + 1) }];
  }
  return filters;
}

function documentIdsFlag(flags: Map<string, string>, command: string): number[] {
  const raw = flags.get('docs');
  if (!raw) throw new PassageError('invalid_argument', `${command}: --docs ID,ID… is required`);
  return raw.split(',').map((part) => {
    const trimmed = part.trim();
    if (!/^\d+$/.test(trimmed) || Number(trimmed) <= 0) {
      throw new PassageError('invalid_argument', `${command}: --docs: not a document id: ${part}`);
    }
    return Number(trimmed);
  });
}

/** A snippet as plain text with the hits in [brackets]. */
function markSnippet(snippet: Snippet): string {
  let out = snippet.cutStart ? '…' : '';
  let at = 0;
  for (const h of snippet.highlights) {
    out += `${snippet.text.slice(at, h.start)}[${snippet.text.slice(h.start, h.end)}]`;
    at = h.end;
  }
  return `${out}${snippet.text.slice(at)}${snippet.cutEnd ? '…' : ''}`;
}

function describePage(page: SearchPage): string {
  const lines = [`${page.total} document(s) match ${page.query} (${page.matching})`];
  for (const item of page.items) {
    lines.push(`#${item.documentId}\t${item.title}\t${item.hitCount} hit(s)`);
    for (const s of item.snippets) lines.push(`    ${markSnippet(s)}`);
  }
  if (page.total > page.offset + page.items.length) {
    lines.push(`… ${page.total - page.offset - page.items.length} more (use --offset / --limit)`);
  }
  return lines.join('\n');
}

const SEARCH_USAGE =
  'passage search FILE QUERY [--exact] [--kind interview|document] [--group NAME] [--year-from Y] [--year-to Y] [--attr NAME=VALUE] [--limit N] [--offset N]';
const GROUP_USAGE =
  'passage group FILE list | create NAME [--from-search QUERY] | add NAME --docs ID,… | remove NAME --docs ID,… | rename NAME NEW | show NAME | delete NAME';
const AUTOCODE_USAGE =
  'passage autocode FILE QUERY --code NAME [--exact] [--unit hit|sentence|paragraph|turn|document] [--group NAME] [--kind K] [--dry-run]';

function numberFlag(flags: Map<string, string>, flag: string, command: string): number | undefined {
  const raw = flags.get(flag);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw))
    throw new PassageError('invalid_argument', `${command}: --${flag}: not a number: ${raw}`);
  return Number(raw);
}

export const searchCommands: Command[] = [
  {
    name: 'search',
    usage: SEARCH_USAGE,
    summary: 'full-text search: matching documents with hit counts and snippets',
    async run({ session, out, argv }) {
      const { positional, flags } = parseArgs(argv, 'search');
      const [file, query] = positional;
      await openProject(session, file, SEARCH_USAGE);
      if (query === undefined) throw new PassageError('invalid_argument', `usage: ${SEARCH_USAGE}`);
      const page = await invoke(session, 'search.run', {
        query,
        // Word forms by default, as in the app; --exact matches the words as typed.
        stemming: !flags.has('exact'),
        filters: await filtersFrom(session, flags, 'search'),
        limit: numberFlag(flags, 'limit', 'search') ?? 50,
        offset: numberFlag(flags, 'offset', 'search') ?? 0,
      });
      out.print(page, () => describePage(page));
    },
  },
  {
    name: 'group',
    usage: GROUP_USAGE,
    summary: 'document groups: list, create (from a search), add/remove documents, rename, delete',
    async run({ session, out, argv }) {
      const { positional, flags } = parseArgs(argv, 'group');
      const [file, action, name, extra] = positional;
      await openProject(session, file, GROUP_USAGE);
      const needName = (): string => {
        if (!name)
          throw new PassageError('invalid_argument', `group ${action}: missing NAME\nusage: ${GROUP_USAGE}`);
        return name;
      };
      const show = (g: DocumentGroup, verb: string): void =>
        out.print(
          g,
          () => `${verb} group "${g.name}" (N = ${g.documentCount})${g.query ? ` from ${g.query}` : ''}`,
        );
      switch (action) {
        case 'list': {
          const groups = await invoke(session, 'documentGroups.list', {});
          out.print(groups, () =>
            groups.length === 0
              ? 'no document groups'
              : groups
                  .map((g) => `${g.name}\tN = ${g.documentCount}${g.query ? `\t${g.query}` : ''}`)
                  .join('\n'),
          );
          return;
        }
        case 'create': {
          const from = flags.get('from-search');
          const group =
            from === undefined
              ? await invoke(session, 'documentGroups.create', { name: needName() })
              : await invoke(session, 'documentGroups.createFromSearch', {
                  name: needName(),
                  query: from,
                  stemming: !flags.has('exact'),
                  filters: await filtersFrom(session, flags, 'group create'),
                });
          show(group, 'created');
          return;
        }
        case 'add':
        case 'remove': {
          const group = await groupByName(session, needName(), `group ${action}`);
          const documentIds = documentIdsFlag(flags, `group ${action}`);
          const call = action === 'add' ? 'documentGroups.addDocuments' : 'documentGroups.removeDocuments';
          show(
            await invoke(session, call, { id: group.id, documentIds }),
            action === 'add' ? 'added to' : 'removed from',
          );
          return;
        }
        case 'rename': {
          const group = await groupByName(session, needName(), 'group rename');
          if (!extra) throw new PassageError('invalid_argument', `group rename: missing NEW name`);
          show(await invoke(session, 'documentGroups.rename', { id: group.id, name: extra }), 'renamed');
          return;
        }
        case 'show': {
          const group = await groupByName(session, needName(), 'group show');
          const docs = await invoke(session, 'documentGroups.documents', { id: group.id });
          out.print({ ...group, documents: docs }, () =>
            [`${group.name} (N = ${group.documentCount})`, ...docs.map((d) => `#${d.id}\t${d.title}`)].join(
              '\n',
            ),
          );
          return;
        }
        case 'delete': {
          const group = await groupByName(session, needName(), 'group delete');
          await invoke(session, 'documentGroups.delete', { id: group.id });
          out.print({ deleted: group.name }, () => `deleted group "${group.name}" (documents are kept)`);
          return;
        }
        default:
          throw new PassageError(
            'invalid_argument',
            `group: unknown action ${action ?? ''}\nusage: ${GROUP_USAGE}`,
          );
      }
    },
  },
  {
    name: 'autocode',
    usage: AUTOCODE_USAGE,
    summary: 'code every search hit (expanded to a unit) with a code, created if missing; one undo step',
    async run({ session, out, argv }) {
      const { positional, flags } = parseArgs(argv, 'autocode');
      const [file, query] = positional;
      await openProject(session, file, AUTOCODE_USAGE);
      const codeName = flags.get('code');
      if (query === undefined || !codeName)
        throw new PassageError('invalid_argument', `usage: ${AUTOCODE_USAGE}`);
      const unit = flags.get('unit') ?? 'hit';
      if (!(CODING_UNITS as readonly string[]).includes(unit)) {
        throw new PassageError(
          'invalid_argument',
          `autocode: --unit: must be one of ${CODING_UNITS.join(', ')}`,
        );
      }
      const args = {
        query,
        codeName,
        stemming: !flags.has('exact'),
        unit: unit as CodingUnit,
        filters: await filtersFrom(session, flags, 'autocode'),
      };
      const outside = (n: number): string =>
        n > 0 ? `; ${n} hit(s) outside speaker turns coded by paragraph` : '';
      if (flags.has('dry-run')) {
        const p = await invoke(session, 'autocode.preview', args);
        out.print(
          p,
          () =>
            `would create ${p.segments} segment(s) in ${p.segmentDocuments} document(s) with ${p.code.exists ? '' : 'new code '}"${p.code.name}" (${p.hits} hit(s) in ${p.documents} document(s), ${p.alreadyCoded} already coded${outside(p.outsideTurns)})`,
        );
        return;
      }
      const r = await invoke(session, 'autocode.apply', args);
      out.print(
        r,
        () =>
          `created ${r.segmentsCreated} segment(s) in ${r.segmentDocuments} document(s) with ${r.codeCreated ? 'new code ' : ''}"${r.code.name}" (${r.hits} hit(s), ${r.alreadyCoded} already coded${outside(r.outsideTurns)}) — one undo step`,
      );
    },
  },
];
