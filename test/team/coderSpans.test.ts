import { describe, expect, it } from 'vitest';
import type { Args, CallName, Results } from '../../shared/api/contract';
import { invoke } from '../../electron/backend/dispatch';
import { addDocument, spanOf } from '../coding/fixture';
import { newProjectSession } from '../helpers/session';

const TEXT = 'Why did you contact NATO?\nWe needed access to the briefings.\nLater we ran joint training.\n';

async function twoCoders() {
  const { session } = await newProjectSession('Ana');
  const call = <N extends CallName>(name: N, args: Args<N>): Promise<Results[N]> =>
    invoke(session, name, args);
  const db = session.requireProject().db;
  const doc = addDocument(db, 'Interview 1', TEXT);
  const access = await call('codes.create', { name: 'Access' });
  const mine = await call('segments.apply', {
    documentId: doc,
    codeId: access.id,
    ...spanOf(TEXT, 'needed access'),
  });
  await call('coders.setCurrent', { name: 'Ben' });
  const bens = await call('segments.apply', {
    documentId: doc,
    codeId: access.id,
    ...spanOf(TEXT, 'access to the briefings'),
  });
  await call('coders.setCurrent', { name: 'Ana' });
  const coders = await call('coders.list', {});
  const id = (name: string) => coders.find((c) => c.name === name)!.id;
  return { session, call, db, doc, mine, bens, ana: id('Ana'), ben: id('Ben') };
}

describe("the reader's spans by coder", () => {
  it('names each span’s coder and keeps only the coders asked for', async () => {
    const { call, doc, mine, bens, ana, ben } = await twoCoders();
    const all = await call('segments.spansByDocument', { documentId: doc });
    expect(all.map((s) => [s.id, s.coderId])).toEqual([
      [mine.id, ana],
      [bens.id, ben],
    ]);
    const onlyBen = await call('segments.spansByDocument', { documentId: doc, coderIds: [ben] });
    expect(onlyBen).toEqual([
      { id: bens.id, codeId: bens.codeId, coderId: ben, ...spanOf(TEXT, 'access to the briefings') },
    ]);
    expect(await call('segments.spansByDocument', { documentId: doc, coderIds: [ana, ben] })).toEqual(all);
    expect(await call('segments.spansByDocument', { documentId: doc, coderIds: [] })).toEqual([]);
    await expect(call('segments.spansByDocument', { documentId: doc, coderIds: [0] })).rejects.toThrow();
  });

  it('reads them from an index alone, never the table rows with their quotes and memos', async () => {
    const { db } = await twoCoders();
    const plan = (sql: string) =>
      (
        db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ documentId: 1, coderIds: '[1]' }) as {
          detail: string;
        }[]
      )
        .map((r) => r.detail)
        .join('\n');
    const base = `SELECT id, code_id, coder_id, start_utf16, end_utf16 FROM segments INDEXED BY segments_unique_coding
      WHERE document_id = @documentId`;
    expect(plan(base)).toMatch(/COVERING INDEX segments_unique_coding/);
    expect(plan(`${base} AND coder_id IN (SELECT value FROM json_each(@coderIds))`)).toMatch(
      /COVERING INDEX segments_unique_coding/,
    );
  });
});
