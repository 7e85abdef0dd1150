/**
 * Settling a disagreement as the `consensus` coder: for one code on one passage, the consensus keeps
 * the chosen coders' segments there (their union), or nothing. Reports filtered to the consensus coder
 * then use the settled coding alone. One undo step; the coders' own segments are never touched.
 */
import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import type { SettleResult } from '../../shared/api/team';
import { ensureCoder, findCoderId } from '../store/coders';
import { statement } from '../store/statements';
import type { Journal } from '../store/undo';

export const CONSENSUS_CODER = 'consensus';

interface Span {
  id: number;
  startUtf16: number;
  endUtf16: number;
}

export function settlePassage(
  db: Database.Database,
  journal: Journal,
  args: { documentId: number; codeId: number; startUtf16: number; endUtf16: number; keep: string[] },
): SettleResult {
  const doc = statement(db, 'SELECT text FROM documents WHERE id = @id').get({ id: args.documentId }) as
    { text: string } | undefined;
  if (!doc) throw new PassageError('not_found', `settle: there is no document with id ${args.documentId}`);
  if (args.endUtf16 > doc.text.length || args.startUtf16 >= args.endUtf16)
    throw new PassageError('invalid_argument', 'settle: the passage lies outside the document');
  const keepIds = args.keep.map((name) => {
    if (name.trim().toLowerCase() === CONSENSUS_CODER)
      throw new PassageError(
        'invalid_argument',
        'settle: choose the coders whose version to keep, not the consensus',
      );
    const id = findCoderId(db, name);
    if (id === undefined) throw new PassageError('not_found', `settle: there is no coder named "${name}"`);
    return id;
  });
  const consensus = ensureCoder(db, CONSENSUS_CODER);
  const overlapping = (coderId: number) =>
    statement(
      db,
      `SELECT id, start_utf16 AS startUtf16, end_utf16 AS endUtf16 FROM segments
       WHERE document_id = @documentId AND code_id = @codeId AND coder_id = @coderId
         AND start_utf16 < @end AND end_utf16 > @start ORDER BY start_utf16`,
    ).all({
      documentId: args.documentId,
      codeId: args.codeId,
      coderId,
      start: args.startUtf16,
      end: args.endUtf16,
    }) as Span[];
  const previous = overlapping(consensus);
  for (const s of previous) journal.remove('segments', { id: s.id });
  const kept = keepIds.flatMap(overlapping).sort((a, b) => a.startUtf16 - b.startUtf16);
  const union: { start: number; end: number }[] = [];
  for (const s of kept) {
    const last = union[union.length - 1];
    if (last && s.startUtf16 <= last.end) last.end = Math.max(last.end, s.endUtf16);
    else union.push({ start: s.startUtf16, end: s.endUtf16 });
  }
  const now = new Date().toISOString();
  for (const r of union)
    journal.insert('segments', {
      id: null,
      guid: null,
      document_id: args.documentId,
      code_id: args.codeId,
      start_utf16: r.start,
      end_utf16: r.end,
      text: doc.text.slice(r.start, r.end),
      memo: '',
      coder_id: consensus,
      created_at: now,
      updated_at: now,
    });
  return { added: union.length, removed: previous.length };
}
