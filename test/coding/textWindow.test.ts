import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTextWindow } from '../../electron/store/documentTextWindow';
import { addDocument, newStudy } from './fixture';

const shapeOf = (db: ReturnType<Awaited<ReturnType<typeof newStudy>>['db']>, id: number) =>
  db
    .prepare(
      'SELECT utf16_length AS length, bmp_only AS bmpOnly FROM document_text_shape WHERE document_id = ?',
    )
    .get(id) as { length: number; bmpOnly: number } | undefined;

describe('applying a code reads only the part of the text it needs', () => {
  it('learns a text’s shape on the first edit and then slices it in SQLite exactly as JavaScript would', async () => {
    const study = await newStudy();
    const text =
      'Interviewer: Why NGOs?\nRespondent: Legitimacy — “in the field”, é vs e\u0301, 北约.\n'.repeat(50);
    const documentId = addDocument(study.db(), 'Plain', text);
    const { id: codeId } = await study.call('codes.create', { name: 'Legitimacy' });
    expect(shapeOf(study.db(), documentId)).toBeUndefined();
    await study.call('segments.apply', { documentId, codeId, startUtf16: 35, endUtf16: 45 });
    expect(shapeOf(study.db(), documentId)).toEqual({ length: text.length, bmpOnly: 1 });

    const db = study.db();
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), (a, b) => {
        const window = db.transaction(() => documentTextWindow(db, documentId))();
        expect(window.length).toBe(text.length);
        expect(window.slice(Math.min(a, b), Math.max(a, b))).toBe(text.slice(Math.min(a, b), Math.max(a, b)));
      }),
      { numRuns: 200, seed: 4 },
    );
    const segment = await study.call('segments.apply', {
      documentId,
      codeId: codeId,
      startUtf16: 500,
      endUtf16: 530,
    });
    expect(segment.text).toBe(text.slice(500, 530));
  });

  it('reads text with characters beyond U+FFFF whole, and still refuses a span that splits one', async () => {
    const study = await newStudy();
    const text = 'We met at the PRT 👩🏽‍⚕️🤝🪖 and later monthly, with the NGOs.';
    const documentId = addDocument(study.db(), 'Emoji', text);
    const { id: codeId } = await study.call('codes.create', { name: 'Meeting' });
    const start = text.indexOf('PRT');
    const end = text.indexOf(' and');
    const segment = await study.call('segments.apply', {
      documentId,
      codeId,
      startUtf16: start,
      endUtf16: end,
    });
    expect(segment.text).toBe(text.slice(start, end));
    expect(shapeOf(study.db(), documentId)).toEqual({ length: text.length, bmpOnly: 0 });
    const split = text.indexOf('🤝') + 1;
    await expect(
      study.call('segments.apply', { documentId, codeId, startUtf16: split, endUtf16: split + 5 }),
    ).rejects.toThrow(/splits a surrogate pair/);
  });

  it('forgets the shape when the text changes, so the next edit quotes the new text', async () => {
    const study = await newStudy();
    const documentId = addDocument(study.db(), 'Changing', 'Alpha beta gamma delta.');
    const { id: codeId } = await study.call('codes.create', { name: 'Words' });
    await study.call('segments.apply', { documentId, codeId, startUtf16: 0, endUtf16: 5 });
    expect(shapeOf(study.db(), documentId)?.bmpOnly).toBe(1);

    const changed = '🪖 Alpha beta gamma delta and more words after it.';
    study.db().prepare('UPDATE documents SET text = ? WHERE id = ?').run(changed, documentId);
    expect(shapeOf(study.db(), documentId)).toBeUndefined();
    const other = await study.call('codes.create', { name: 'Other words' });
    const segment = await study.call('segments.apply', {
      documentId,
      codeId: other.id,
      startUtf16: 3,
      endUtf16: 14,
    });
    expect(segment.text).toBe(changed.slice(3, 14));
    await expect(
      study.call('segments.apply', { documentId, codeId, startUtf16: 40, endUtf16: changed.length + 1 }),
    ).rejects.toThrow(/past the end of the text \(50\)/);
  });

  it('is removed with its document', async () => {
    const study = await newStudy();
    const documentId = addDocument(study.db(), 'Gone', 'Some words to code here.');
    const { id: codeId } = await study.call('codes.create', { name: 'Words' });
    await study.call('segments.apply', { documentId, codeId, startUtf16: 0, endUtf16: 4 });
    await study.call('documents.delete', { ids: [documentId] });
    expect(shapeOf(study.db(), documentId)).toBeUndefined();
  });
});
