import path from 'node:path';
import type { Code } from '../../../shared/api/coding';
import { PassageError } from '../../../shared/api/result';
import { codePointToUtf16, utf16ToCodePoint } from '../../../shared/offsets';
import { codePath, flattenTree } from '../../../shared/coding/tree';
import { invoke } from '../../backend/dispatch';
import type { Session } from '../../backend/session';
import type { Command } from '../command';

/** FILE first, then positionals and `--name value` options (flags listed in `flags` take no value). */
function parseArgs(argv: string[], command: string, flags: readonly string[] = []) {
  const file = argv[0];
  if (!file || file.startsWith('--'))
    throw new PassageError('invalid_argument', `${command}: missing project FILE`);
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const key = arg.slice(2);
    if (flags.includes(key)) {
      options.set(key, 'true');
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new PassageError('invalid_argument', `${command}: --${key} needs a value`);
    options.set(key, value);
  }
  return { file: path.resolve(file), options, positional };
}

function integer(value: string | undefined, command: string, option: string): number {
  if (value === undefined) throw new PassageError('invalid_argument', `${command}: --${option} is required`);
  const n = Number(value);
  if (!Number.isInteger(n))
    throw new PassageError('invalid_argument', `${command}: --${option}: "${value}" is not a whole number`);
  return n;
}

async function open(session: Session, file: string): Promise<void> {
  await invoke(session, 'project.open', { path: file });
  const coder = process.env.PASSAGE_CODER;
  if (coder) await invoke(session, 'coders.setCurrent', { name: coder });
}

/** A code by name or by path "Parent/Child" ("›" also works); ambiguous names are refused. */
function resolveCode(codes: Code[], ref: string, command: string): Code {
  const byPath = codes.filter(
    (c) => codePath(codes, c.id).toLowerCase() === ref.replace(/\s*[/›]\s*/g, ' › ').toLowerCase(),
  );
  if (byPath.length === 1) return byPath[0]!;
  const byName = codes.filter((c) => c.name.toLowerCase() === ref.trim().toLowerCase());
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new PassageError(
      'invalid_argument',
      `${command}: code "${ref}" is ambiguous: ${byName.map((c) => codePath(codes, c.id)).join('; ')}`,
    );
  }
  throw new PassageError('not_found', `${command}: code "${ref}" does not exist`);
}

function codebookLines(codes: Code[]): string {
  if (codes.length === 0) return 'no codes';
  return flattenTree(codes)
    .map(({ code, depth }) => {
      const key = code.shortcut ? ` [${code.shortcut}]` : '';
      return `${'  '.repeat(depth)}${code.name}${key}  ${code.color}  ${code.segmentCount} segments in ${code.documentCount} documents`;
    })
    .join('\n');
}

export const codingCommands: Command[] = [
  {
    name: 'codebook',
    usage:
      'passage codebook FILE list|templates|load TEMPLATE|add NAME [--parent P] [--group G] [--color #RRGGBB]|export OUT.qdc [--force]',
    summary:
      'list the codebook, load a template (name or .json/.qdc path), add a code, or export it as a REFI-QDA .qdc',
    async run({ session, out, argv }) {
      const { file, options, positional } = parseArgs(argv, 'codebook', ['force']);
      const [action = 'list', target] = positional;
      await open(session, file);
      if (action === 'list') {
        const codes = await invoke(session, 'codes.list', {});
        const groups = await invoke(session, 'codeGroups.list', {});
        out.print({ codes, groups }, () =>
          [
            codebookLines(codes),
            ...groups.map(
              (g) =>
                `group ${g.name}: ${g.codeIds.map((id) => codes.find((c) => c.id === id)?.name).join(', ')}`,
            ),
          ].join('\n'),
        );
      } else if (action === 'templates') {
        const templates = await invoke(session, 'templates.list', {});
        out.print(templates, () =>
          templates.map((t) => `${t.name}  ${t.title} (${t.codeCount} codes)`).join('\n'),
        );
      } else if (action === 'load') {
        if (!target) throw new PassageError('invalid_argument', 'codebook load: missing TEMPLATE');
        const isPath = /[/\\]|\.(json|qdc)$/i.test(target);
        const result = await invoke(
          session,
          'templates.load',
          isPath ? { path: path.resolve(target) } : { name: target },
        );
        out.print(
          result,
          () =>
            `${result.codesCreated} codes created, ${result.codesExisting} already there, ${result.groupsCreated} groups created`,
        );
      } else if (action === 'export') {
        if (!target) throw new PassageError('invalid_argument', 'codebook export: missing OUT.qdc');
        const written = await invoke(session, 'exchange.exportCodebook', {
          target: path.resolve(target),
          overwrite: options.has('force'),
        });
        out.print(written, () => `wrote ${written.file}`);
      } else if (action === 'add') {
        if (!target) throw new PassageError('invalid_argument', 'codebook add: missing NAME');
        const codes = await invoke(session, 'codes.list', {});
        const parent = options.get('parent');
        const code = await invoke(session, 'codes.create', {
          name: target,
          parentId: parent ? resolveCode(codes, parent, 'codebook add: --parent').id : null,
          ...(options.has('color') ? { color: options.get('color') } : {}),
        });
        const groupName = options.get('group');
        if (groupName) {
          const groups = await invoke(session, 'codeGroups.list', {});
          const group = groups.find((g) => g.name.toLowerCase() === groupName.trim().toLowerCase());
          if (group)
            await invoke(session, 'codeGroups.setMembers', {
              id: group.id,
              codeIds: [...group.codeIds, code.id],
            });
          else await invoke(session, 'codeGroups.create', { name: groupName, codeIds: [code.id] });
        }
        out.print(code, () => `added code ${code.name} (${code.id})`);
      } else {
        throw new PassageError(
          'invalid_argument',
          `codebook: unknown action "${action}" (list, templates, load, add, export)`,
        );
      }
    },
  },
  {
    name: 'code',
    usage: 'passage code FILE --doc ID --start N --end N --code NAME [--unit utf16|codepoints]',
    summary: 'code a span of a document (offsets end-exclusive; default unit utf16)',
    async run({ session, out, argv }) {
      const { file, options } = parseArgs(argv, 'code');
      await open(session, file);
      const documentId = integer(options.get('doc'), 'code', 'doc');
      let start = integer(options.get('start'), 'code', 'start');
      let end = integer(options.get('end'), 'code', 'end');
      const unit = options.get('unit') ?? 'utf16';
      if (unit !== 'utf16' && unit !== 'codepoints') {
        throw new PassageError('invalid_argument', `code: --unit: "${unit}" is not utf16 or codepoints`);
      }
      const codeRef = options.get('code');
      if (!codeRef) throw new PassageError('invalid_argument', 'code: --code is required');
      const codes = await invoke(session, 'codes.list', {});
      const code = resolveCode(codes, codeRef, 'code: --code');
      let text: string | null = null;
      if (unit === 'codepoints') {
        text = (await invoke(session, 'documents.get', { id: documentId })).text;
        try {
          start = codePointToUtf16(text, start);
          end = codePointToUtf16(text, end);
        } catch (error) {
          throw new PassageError('invalid_argument', `code: ${(error as Error).message}`);
        }
      }
      const segment = await invoke(session, 'segments.apply', {
        documentId,
        codeId: code.id,
        startUtf16: start,
        endUtf16: end,
      });
      const shown =
        text === null
          ? segment
          : {
              ...segment,
              startCodePoint: utf16ToCodePoint(text, segment.startUtf16),
              endCodePoint: utf16ToCodePoint(text, segment.endUtf16),
            };
      out.print(shown, () => `segment ${segment.id}: ${code.name} on "${segment.text}"`);
    },
  },
  {
    name: 'segments',
    usage: 'passage segments FILE --code NAME [--children]',
    summary: 'retrieved segments of a code, with document and context',
    async run({ session, out, argv }) {
      const { file, options } = parseArgs(argv, 'segments', ['children']);
      await open(session, file);
      const codes = await invoke(session, 'codes.list', {});
      const code = resolveCode(codes, options.get('code') ?? '', 'segments: --code');
      const result = await invoke(session, 'segments.listByCode', {
        codeId: code.id,
        includeDescendants: options.has('children'),
        limit: 10_000,
      });
      out.print(
        result,
        () =>
          result.items
            .map((s) => `${s.documentTitle} [${s.startUtf16}-${s.endUtf16}] ${s.codeName}: "${s.text}"`)
            .join('\n') || 'no segments',
      );
    },
  },
  ...(['undo', 'redo'] as const).map((action): Command => ({
    name: action,
    usage: `passage ${action} FILE`,
    summary: `${action} the last coding action (persisted across runs)`,
    async run({ session, out, argv }) {
      const { file } = parseArgs(argv, action);
      await open(session, file);
      const result = await invoke(session, action === 'undo' ? 'undo.undo' : 'undo.redo', {});
      out.print(result, () =>
        result.label ? `${action === 'undo' ? 'undid' : 'redid'}: ${result.label}` : `nothing to ${action}`,
      );
    },
  })),
  {
    name: 'memo',
    usage: 'passage memo FILE list [--query Q] | add TEXT [--doc ID | --code NAME] [--title T]',
    summary: 'list memos (project, document, code, segment) or add one',
    async run({ session, out, argv }) {
      const { file, options, positional } = parseArgs(argv, 'memo');
      const [action = 'list', text] = positional;
      await open(session, file);
      if (action === 'list') {
        const memos = await invoke(
          session,
          'memos.list',
          options.has('query') ? { query: options.get('query') } : {},
        );
        out.print(
          memos,
          () =>
            memos
              .map(
                (m) =>
                  `${m.kind}${m.targetLabel ? ` ${m.targetLabel}` : ''} — ${m.author}: ${m.title ? `${m.title}: ` : ''}${m.body}`,
              )
              .join('\n') || 'no memos',
        );
      } else if (action === 'add') {
        if (!text) throw new PassageError('invalid_argument', 'memo add: missing TEXT');
        const codeRef = options.get('code');
        const codeId = codeRef
          ? resolveCode(await invoke(session, 'codes.list', {}), codeRef, 'memo add: --code').id
          : undefined;
        const memo = await invoke(session, 'memos.create', {
          body: text,
          ...(options.has('doc') ? { documentId: integer(options.get('doc'), 'memo add', 'doc') } : {}),
          ...(codeId !== undefined ? { codeId } : {}),
          ...(options.has('title') ? { title: options.get('title') } : {}),
        });
        out.print(memo, () => `added ${memo.kind} memo ${memo.id}`);
      } else {
        throw new PassageError('invalid_argument', `memo: unknown action "${action}" (list, add)`);
      }
    },
  },
];
