import { describe, expect, it } from 'vitest';
import { ensureCoder } from '../../electron/store/coders';
import { insertSegments } from '../../electron/store/segments';
import { runUndoable } from '../../electron/store/undo';
import { addDocument, newStudy } from './fixture';

describe('coding at scale on a 200,000-word transcript with 5,000 segments', () => {
  it('applies, lists and undoes, and the hot queries use their indexes', async () => {
    const study = await newStudy();
    const words = Array.from({ length: 200_000 }, (_, i) => (i % 12 === 11 ? 'word.\n' : 'word ')).join('');
    const doc = addDocument(study.db(), 'Long', words);
    const codes: number[] = [];
    for (let i = 0; i < 20; i++) codes.push((await study.call('codes.create', { name: `Code ${i}` })).id);
    const db = study.db();
    const coderId = ensureCoder(db, 'tester');
    let t = performance.now();
    const spans = Array.from({ length: 5000 }, (_, i) => ({
      documentId: doc,
      codeId: codes[i % 20]!,
      startUtf16: i * 200,
      endUtf16: i * 200 + 150,
    }));
    const { inserted } = runUndoable(db, coderId, 'Auto-code', (j) => insertSegments(db, j, spans, coderId));
    const bulkMs = performance.now() - t;
    expect(inserted).toHaveLength(5000);

    t = performance.now();
    for (let i = 0; i < 20; i++) {
      await study.call('segments.apply', {
        documentId: doc,
        // codes[1]'s bulk spans start at 200: these neither overlap nor touch them (that would extend one).
        codeId: codes[1]!,
        startUtf16: i * 10 + 5,
        endUtf16: i * 10 + 9,
      });
    }
    const applyMs = (performance.now() - t) / 20;
    t = performance.now();
    const list = await study.call('segments.listByDocument', { documentId: doc });
    const listMs = performance.now() - t;
    t = performance.now();
    await study.call('codes.list', {});
    const codesMs = performance.now() - t;
    t = performance.now();
    await study.call('undo.undo', {});
    const undoMs = performance.now() - t;
    console.log(
      `bulk insert 5000: ${bulkMs.toFixed(0)} ms; apply: ${applyMs.toFixed(1)} ms each; listByDocument (${list.length}): ${listMs.toFixed(0)} ms; codes.list: ${codesMs.toFixed(0)} ms; undo: ${undoMs.toFixed(1)} ms`,
    );
    expect(list).toHaveLength(5020);

    const plan = (sql: string) =>
      (
        db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ documentId: doc, codeId: codes[0] }) as {
          detail: string;
        }[]
      )
        .map((r) => r.detail)
        .join('; ');
    expect(plan('SELECT * FROM segments WHERE document_id = @documentId ORDER BY start_utf16')).toMatch(
      /segments_document/,
    );
    expect(plan('SELECT count(*) FROM segments WHERE code_id = @codeId')).toMatch(/segments_code/);
    // The reader's spans come from the index alone, never the wide table row (quote, memo, times).
    const spanPlan = plan(
      'SELECT id, code_id, start_utf16, end_utf16 FROM segments WHERE document_id = @documentId ORDER BY start_utf16, end_utf16 DESC, code_id, id',
    );
    expect(spanPlan).toMatch(/COVERING INDEX segments_document_span/);
    expect(spanPlan).not.toMatch(/TEMP B-TREE/);
  }, 60_000);
});
