// The reader's first screen asks for the spans overlapping a range of the text (segments.spansByDocument
// with `range`), drawn before the rest of a dense transcript's spans arrive.
import { describe, expect, it } from 'vitest';
import type { Args, CallName, Results } from '../../shared/api/contract';
import { invoke } from '../../electron/backend/dispatch';
import { addDocument } from '../coding/fixture';
import { newProjectSession } from '../helpers/session';

/** Ten paragraphs of 40 characters each (the newline included). */
const TEXT = Array.from({ length: 10 }, (_, i) => `Paragraph ${i} tells of access to briefings.`.slice(0, 39))
  .join('\n')
  .concat('\n');

async function codedStudy() {
  const { session } = await newProjectSession('Ana');
  const call = <N extends CallName>(name: N, args: Args<N>): Promise<Results[N]> =>
    invoke(session, name, args);
  const documentId = addDocument(session.requireProject().db, 'Interview 1', TEXT);
  const access = await call('codes.create', { name: 'Access' });
  const trust = await call('codes.create', { name: 'Trust' });
  // Short segments in every paragraph, and one long one from paragraph 1 to 8.
  for (let p = 0; p < 10; p++)
    await call('segments.apply', {
      documentId,
      codeId: p % 2 ? access.id : trust.id,
      startUtf16: p * 40 + 2,
      endUtf16: p * 40 + 9,
    });
  await call('segments.apply', { documentId, codeId: access.id, startUtf16: 45, endUtf16: 330 });
  await call('coders.setCurrent', { name: 'Ben' });
  await call('segments.apply', { documentId, codeId: trust.id, startUtf16: 100, endUtf16: 110 });
  const coders = await call('coders.list', {});
  const ben = coders.find((c) => c.name === 'Ben')!.id;
  return { session, call, documentId, ben };
}

describe('segments.spansByDocument with a range', () => {
  it('returns the spans overlapping the range, in the whole list’s order, for the coders asked for', async () => {
    const { call, documentId, ben } = await codedStudy();
    const all = await call('segments.spansByDocument', { documentId });
    const overlapping = (start: number, end: number) =>
      all.filter((s) => s.startUtf16 < end && s.endUtf16 > start);
    for (const [start, end] of [
      [0, 40],
      [95, 125],
      [200, 210],
      [330, 400],
      [0, 10_000],
    ] as const) {
      const inRange = await call('segments.spansByDocument', {
        documentId,
        range: { startUtf16: start, endUtf16: end },
      });
      expect(inRange).toEqual(overlapping(start, end));
    }
    // A segment ending where the range starts, or starting where it ends, is not in it.
    expect(
      (await call('segments.spansByDocument', { documentId, range: { startUtf16: 9, endUtf16: 42 } })).map(
        (s) => [s.startUtf16, s.endUtf16],
      ),
    ).toEqual([]);
    const bens = await call('segments.spansByDocument', {
      documentId,
      coderIds: [ben],
      range: { startUtf16: 0, endUtf16: 120 },
    });
    expect(bens.map((s) => [s.coderId, s.startUtf16])).toEqual([[ben, 100]]);
    expect(
      await call('segments.spansByDocument', {
        documentId,
        coderIds: [],
        range: { startUtf16: 0, endUtf16: 9 },
      }),
    ).toEqual([]);
  });

  it('refuses a range that ends before it starts, and a document that does not exist, in plain words', async () => {
    const { call, documentId } = await codedStudy();
    await expect(
      call('segments.spansByDocument', { documentId, range: { startUtf16: 50, endUtf16: 50 } }),
    ).rejects.toThrow('range.endUtf16: the range must end after it starts');
    await expect(
      call('segments.spansByDocument', { documentId, range: { startUtf16: -1, endUtf16: 5 } }),
    ).rejects.toThrow('range.startUtf16: must be at least 0');
    await expect(
      call('segments.spansByDocument', { documentId: 999, range: { startUtf16: 0, endUtf16: 5 } }),
    ).rejects.toThrow('document 999 does not exist');
  });

  it('bounds the scan by the range’s end with the index on (document, start)', async () => {
    const { session } = await codedStudy();
    const plan = (
      session
        .requireProject()
        .db.prepare(
          `EXPLAIN QUERY PLAN SELECT id, coder_id FROM segments INDEXED BY segments_document_span
           WHERE document_id = 1 AND start_utf16 < 100 AND end_utf16 > 50`,
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX segments_document_span \(document_id=\? AND start_utf16<\?\)/);
  });
});
