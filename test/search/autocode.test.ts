import { describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import type { Session } from '../../electron/backend/session';
import { newProjectSession } from '../helpers/session';
import { addDocs } from './corpus';

const INTERVIEW =
  'Interviewer: Do you trust NATO? And the UN?\nRespondent: I trust the NGO. Trust is earned.\n\nNotes: trust issues.';
const DOC = 'Trust matters. We trust allies.\nNo hit here.';

async function project(): Promise<{ session: Session; interview: number; doc: number }> {
  const { session } = await newProjectSession('ana');
  const { db } = session.requireProject();
  const respondent = INTERVIEW.indexOf('Respondent');
  const notes = INTERVIEW.indexOf('Notes');
  const [interview, doc] = addDocs(db, [
    {
      title: 'Interview',
      kind: 'interview',
      text: INTERVIEW,
      turns: [
        { speaker: 'Interviewer', startUtf16: 0, endUtf16: respondent - 1 },
        { speaker: 'Respondent', startUtf16: respondent, endUtf16: notes - 2 },
      ],
    },
    { title: 'Doc', text: DOC },
  ]);
  return { session, interview: interview!, doc: doc! };
}

function segments(session: Session): { document_id: number; text: string }[] {
  return session
    .requireProject()
    .db.prepare('SELECT document_id, text FROM segments ORDER BY document_id, start_utf16')
    .all() as { document_id: number; text: string }[];
}

describe('auto-code search hits', () => {
  it('expands hits to each unit, worked out by hand', async () => {
    const { session, interview, doc } = await project();
    const preview = (unit: 'hit' | 'sentence' | 'paragraph' | 'turn' | 'document') =>
      invoke(session, 'autocode.preview', { query: 'trust', codeName: 'Trust', unit });
    // Hits: interview "trust" ×2 + "Trust" + "trust" (Notes) = 4; doc "Trust", "trust" = 2.
    expect(await preview('hit')).toMatchObject({ documents: 2, hits: 6, segments: 6, segmentDocuments: 2 });
    // Sentences: "Interviewer: Do you trust NATO?", "Respondent: I trust the NGO.", "Trust is earned.",
    // "Notes: trust issues.", "Trust matters.", "We trust allies." = 6.
    expect(await preview('sentence')).toMatchObject({ segments: 6 });
    // Paragraphs: interview lines 1, 2, 4 and doc line 1 = 4.
    expect(await preview('paragraph')).toMatchObject({ segments: 4 });
    // Turns: Interviewer, Respondent; the Notes hit is outside every turn → its paragraph; doc has no
    // turns → its 2 hits fall back to its one paragraph. 2 + 1 + 1 = 4; 3 hits outside turns.
    expect(await preview('turn')).toMatchObject({ segments: 4, outsideTurns: 3 });
    expect(await preview('document')).toMatchObject({ segments: 2, segmentDocuments: 2 });
    expect(await preview('hit')).toMatchObject({ code: { id: null, name: 'Trust', exists: false } });
    expect(segments(session)).toEqual([]);

    const applied = await invoke(session, 'autocode.apply', {
      query: 'trust',
      codeName: 'Trust',
      unit: 'sentence',
    });
    expect(applied).toMatchObject({ segmentsCreated: 6, codeCreated: true, segmentDocuments: 2 });
    expect(segments(session)).toEqual([
      { document_id: interview, text: 'Interviewer: Do you trust NATO?' },
      { document_id: interview, text: 'Respondent: I trust the NGO.' },
      { document_id: interview, text: 'Trust is earned.' },
      { document_id: interview, text: 'Notes: trust issues.' },
      { document_id: doc, text: 'Trust matters.' },
      { document_id: doc, text: 'We trust allies.' },
    ]);
  });

  it('is one undoable step (with the code it created) and does not code a range twice', async () => {
    const { session } = await project();
    const { db } = session.requireProject();
    const applied = await invoke(session, 'autocode.apply', {
      query: 'trust',
      codeName: 'Trust',
      unit: 'turn',
      filters: { kind: 'interview' },
    });
    expect(applied.segmentsCreated).toBe(3);
    const again = await invoke(session, 'autocode.preview', {
      query: 'trust',
      codeId: applied.codeId,
      unit: 'turn',
      filters: { kind: 'interview' },
    });
    expect(again).toMatchObject({ segments: 0, alreadyCoded: 3, code: { exists: true, name: 'Trust' } });
    const segmentsBefore = db.prepare('SELECT count(*) AS n FROM segments').get();
    const undo = await invoke(session, 'undo.undo', {});
    expect(undo.label).toBe('Auto-code "trust" as Trust (turn)');
    expect(db.prepare('SELECT count(*) AS n FROM segments').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM codes').get()).toEqual({ n: 0 });
    expect(segmentsBefore).toEqual({ n: 3 });
    await invoke(session, 'undo.redo', {});
    expect(db.prepare('SELECT count(*) AS n FROM segments').get()).toEqual({ n: 3 });
  });

  it('uses an existing code by name, refuses an unknown code id and a bad query', async () => {
    const { session } = await project();
    const code = await invoke(session, 'codes.create', { name: 'Trust' });
    const r = await invoke(session, 'autocode.apply', { query: 'allies', codeName: 'trust', unit: 'hit' });
    expect(r).toMatchObject({ codeId: code.id, codeCreated: false, segmentsCreated: 1 });
    expect(
      await dispatch(session, 'autocode.preview', { query: 'x', codeId: 999, unit: 'hit' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch(session, 'autocode.apply', { query: 'x OR', codeName: 'X', unit: 'hit' })).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: 'search: OR needs a term after it' },
    });
    expect((await dispatch(session, 'autocode.apply', { query: 'x', unit: 'hit' })).ok).toBe(false);
    expect(session.requireProject().db.prepare('SELECT count(*) AS n FROM codes').get()).toEqual({ n: 1 });
  });
});
