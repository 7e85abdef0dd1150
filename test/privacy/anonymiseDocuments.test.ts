// Anonymising documents already imported that have no segments yet: the text, title, file name and
// speakers are rewritten in one step, the placeholders' places are kept, a document with segments is
// refused by its title, and afterwards the scan finds no trace in any table, the file or its WAL.
// Review and scan also run as jobs with progress.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { newProjectSession } from '../helpers/session';

async function studyWithImportedFiles() {
  const made = await newProjectSession();
  const { session, dir } = made;
  const p07 = await invoke(session, 'sample.create', { label: 'P07' });
  await invoke(session, 'sample.identity.create', { passphrase: 'correct horse battery' });
  await invoke(session, 'privacy.identity.set', {
    participantId: p07.id,
    name: 'Marcus Whitfield',
    aliases: ['Whitty'],
    contact: 'marcus.whitfield@example.org; +44 20 7946 0958',
  });
  const files = path.join(dir, 'incoming');
  fs.mkdirSync(files);
  fs.writeFileSync(
    path.join(files, 'whitfield_first.txt'),
    [
      'Interviewer: Thank you for coming, Colonel Whitfield.',
      "Whitfield: Call me Whitty. WHITFIELD's the name on the door. I worked with Dr. Aiko Tanaka in Kabul.",
      'Interviewer: How can we reach you?',
      'Whitfield: marcus.whitfield@example.org or 020 7946 0958.',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(files, 'second.txt'),
    'Interviewer: Anything else?\nP07: Col. Whitfeld stayed.\n',
  );
  const started = await invoke(session, 'documents.import', { paths: [files], kind: 'interview' });
  expect((await session.jobs.wait(started.jobId)).state).toBe('done');
  const docs = await invoke(session, 'documents.list', {});
  const byTitle = new Map(docs.map((d) => [d.title, d.id]));
  return { ...made, first: byTitle.get('whitfield first')!, second: byTitle.get('second')! };
}

const textOf = (session: Awaited<ReturnType<typeof newProjectSession>>['session'], id: number) =>
  session
    .requireProject()
    .db.prepare('SELECT title, file_name AS fileName, text FROM documents WHERE id = ?')
    .get(id) as {
    title: string;
    fileName: string;
    text: string;
  };

describe('anonymising documents already imported', () => {
  it('rewrites every uncoded document in one step, and the scan then finds no trace anywhere', async () => {
    const { session, first, second, dir } = await studyWithImportedFiles();
    const before = await invoke(session, 'privacy.scan', {});
    expect(before.hits.length).toBeGreaterThan(0);
    const leakedExport = path.join(dir, 'before.qdpx');
    await invoke(session, 'exchange.exportProject', { target: leakedExport, overwrite: false });

    // The review as a job: progress through the documents, the same groups as the direct call.
    const { jobId } = await invoke(session, 'privacy.reviewDocuments.start', {});
    const job = await session.jobs.wait(jobId);
    expect(job.state).toBe('done');
    expect(job.total).toBe(2);
    const review = await invoke(session, 'privacy.reviewDocuments', {});
    expect((job.result as typeof review).groups.map((g) => g.key)).toEqual(review.groups.map((g) => g.key));
    expect(review.groups.find((g) => g.surface === 'Colonel Whitfield')?.replacement).toBe('[P07]');

    const applied = await invoke(session, 'privacy.anonymiseDocuments', { decisions: { reject: ['Kabul'] } });
    expect(applied.documents.map((d) => d.title).sort()).toEqual(['[P07] first', 'second']);

    const doc = textOf(session, first);
    expect(doc.title).toBe('[P07] first');
    expect(doc.fileName).toBe('[P07]_first.txt');
    expect(doc.text).not.toMatch(/whitfi?e?ld|whitty|tanaka|7946/i);
    expect(doc.text).toContain("[P07]: Call me [P07]. [P07]'s the name on the door.");
    expect(doc.text).toContain('Kabul');
    expect(textOf(session, second).text).toContain('[P07] stayed');

    const db = session.requireProject().db;
    const spans = db
      .prepare(
        'SELECT start_utf16 AS s, end_utf16 AS e, placeholder FROM anonymised_spans WHERE document_id = ?',
      )
      .all(first) as { s: number; e: number; placeholder: string }[];
    expect(spans.length).toBeGreaterThan(5);
    for (const span of spans) expect(doc.text.slice(span.s, span.e)).toBe(span.placeholder);
    // Speaker turns follow the new offsets and lose the real name.
    const turns = db
      .prepare('SELECT speaker, start_utf16 AS s, end_utf16 AS e FROM turns WHERE document_id = ? ORDER BY s')
      .all(first) as { speaker: string; s: number; e: number }[];
    expect(turns.length).toBe(4);
    for (const t of turns) expect(doc.text.slice(t.s, t.e).startsWith(`${t.speaker}:`)).toBe(true);
    expect(turns.map((t) => t.speaker)).toContain('[P07]');
    // Full-text search sees the new text only.
    expect((await invoke(session, 'search.run', { query: 'Tanaka' })).total).toBe(0);
    expect((await invoke(session, 'search.run', { query: 'door' })).total).toBe(1);

    const after = await invoke(session, 'privacy.scan', {});
    expect(after.hits).toEqual([]);
    // A REFI-QDA export is a zip: its project file and sources are read, not its compressed bytes.
    const cleanExport = path.join(dir, 'after.qdpx');
    await invoke(session, 'exchange.exportProject', { target: cleanExport, overwrite: false });
    const exports = await invoke(session, 'privacy.scan', { files: [leakedExport, cleanExport] });
    expect(exports.hits.length).toBeGreaterThan(0);
    expect(exports.hits.every((h) => h.where === 'before.qdpx')).toBe(true);

    // The scan as a job reports progress over every column and the files, then the same answer.
    const scan = await session.jobs.wait((await invoke(session, 'privacy.scan.start', {})).jobId);
    expect(scan.state).toBe('done');
    expect(scan.total).toBeGreaterThan(10);
    expect((scan.result as typeof after).hits).toEqual([]);
  });

  it('refuses a document with segments by its title and leaves it out otherwise', async () => {
    const { session, first, second } = await studyWithImportedFiles();
    expect((await invoke(session, 'privacy.identity.list', {})).people).toEqual([
      {
        participantId: expect.any(Number) as number,
        label: 'P07',
        name: 'Marcus Whitfield',
        aliases: ['Whitty'],
        contact: 'marcus.whitfield@example.org; +44 20 7946 0958',
      },
    ]);
    const code = await invoke(session, 'codes.create', { name: 'Leaving' });
    await invoke(session, 'segments.apply', {
      documentId: second,
      codeId: code.id,
      startUtf16: 0,
      endUtf16: 11,
    });
    const secondBefore = textOf(session, second).text;

    await expect(
      invoke(session, 'privacy.anonymiseDocuments', { documentIds: [first, second] }),
    ).rejects.toThrow('“second” has coded segments');
    // Nothing was written: the refused call is all or nothing.
    expect(textOf(session, first).text).toContain('Colonel Whitfield');

    const applied = await invoke(session, 'privacy.anonymiseDocuments', {});
    expect(applied.documents.map((d) => d.id)).toEqual([first]);
    expect(textOf(session, first).text).not.toContain('Whitfield');
    expect(textOf(session, second).text).toBe(secondBefore);
  });

  it('undoes the last anonymisation from the originals kept in the identity key, not the project', async () => {
    const { session, first, second } = await studyWithImportedFiles();
    const db = session.requireProject().db;
    const turnsOf = (id: number) =>
      db
        .prepare(
          'SELECT speaker, start_utf16 AS s, end_utf16 AS e FROM turns WHERE document_id = ? ORDER BY id',
        )
        .all(id);
    const before = { first: textOf(session, first), second: textOf(session, second), turns: turnsOf(first) };
    await invoke(session, 'privacy.anonymiseDocuments', {});
    expect(textOf(session, first).text).not.toContain('Whitfield');
    // The originals are in the key only: the project scan stays clean.
    expect((await invoke(session, 'privacy.scan', {})).hits).toEqual([]);

    const restored = await invoke(session, 'privacy.restoreDocuments', {});
    expect(restored.documents.map((d) => d.title).sort()).toEqual(['second', 'whitfield first']);
    expect(textOf(session, first)).toEqual(before.first);
    expect(textOf(session, second)).toEqual(before.second);
    expect(turnsOf(first)).toEqual(before.turns);
    expect(db.prepare('SELECT count(*) AS n FROM anonymised_spans').get()).toEqual({ n: 0 });
    await expect(invoke(session, 'privacy.restoreDocuments', {})).rejects.toThrow(
      'restore: no anonymisation of imported documents to undo',
    );

    // Coded after anonymising: its segments point into the anonymised text, so nothing is put back.
    await invoke(session, 'privacy.anonymiseDocuments', {});
    const code = await invoke(session, 'codes.create', { name: 'Door' });
    await invoke(session, 'segments.apply', {
      documentId: first,
      codeId: code.id,
      startUtf16: 0,
      endUtf16: 11,
    });
    await expect(invoke(session, 'privacy.restoreDocuments', {})).rejects.toThrow(
      '“[P07] first” was coded since it was anonymised',
    );
    expect(textOf(session, second).text).toContain('[P07] stayed');
  });
});
