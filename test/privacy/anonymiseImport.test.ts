// Anonymisation at the door through the API on a real project: only anonymised text enters the
// project, the placeholders' places are kept, the same replacements are reused on the next files,
// and the privacy scan finds nothing — until a real name is written into the project another way.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { newProjectSession } from '../helpers/session';

const PASS = 'correct horse battery';

async function studyWithKey() {
  const made = await newProjectSession();
  const { session, dir } = made;
  const p07 = await invoke(session, 'sample.create', { label: 'P07' });
  await invoke(session, 'sample.identity.create', { passphrase: PASS });
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
      "P07: Call me Whitty. WHITFIELD's the name on the door. I worked with Dr. Aiko Tanaka at the Red Cross in Kabul.",
      'Interviewer: How can we reach you? P07: marcus.whitfield@example.org or 020 7946 0958. Also ask Priya Raghunathan.',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(files, 'second.txt'),
    'Interviewer: Anything else?\nP07: Priya Raghunathan and Aiko Tanaka both left. Col. Whitfeld stayed.\n',
  );
  return { ...made, files };
}

describe('anonymisation at the door', () => {
  it('imports only anonymised text, keeps where the placeholders are, and the scan proves it', async () => {
    const { session, file, files } = await studyWithKey();
    const review = await invoke(session, 'privacy.review', {
      paths: [path.join(files, 'whitfield_first.txt')],
    });
    const bySurface = new Map(review.groups.map((g) => [g.surface, g]));
    expect(bySurface.get('Colonel Whitfield')?.replacement).toBe('[P07]');
    expect(bySurface.get('WHITFIELD')?.replacement).toBe('[P07]');
    expect(bySurface.get('Whitty')?.replacement).toBe('[P07]');
    expect(bySurface.get('marcus.whitfield@example.org')?.replacement).toBe('[P07]');
    expect(bySurface.get('Dr. Aiko Tanaka')?.replacement).toMatch(/^\[Person \d+\]$/);

    const { jobId } = await invoke(session, 'privacy.import', {
      paths: [path.join(files, 'whitfield_first.txt')],
      decisions: { reject: ['Kabul'] },
    });
    const done = await session.jobs.wait(jobId);
    expect(done.state).toBe('done');
    const docs = await invoke(session, 'documents.list', {});
    expect(docs.map((d) => d.title)).toEqual(['[P07] first']);
    const db = session.requireProject().db;
    const text = (db.prepare('SELECT text FROM documents').get() as { text: string }).text;
    expect(text).not.toMatch(/whitfield|whitty|tanaka|7946/i);
    expect(text).toContain("[P07]'s the name on the door");
    expect(text).toContain('Kabul'); // rejected: kept
    const tanaka = /\[Person (\d+)\]/.exec(text)![0];
    const spans = db
      .prepare('SELECT start_utf16 AS s, end_utf16 AS e, placeholder FROM anonymised_spans ORDER BY s')
      .all() as { s: number; e: number; placeholder: string }[];
    expect(spans.length).toBeGreaterThan(5);
    for (const span of spans) expect(text.slice(span.s, span.e)).toBe(span.placeholder);

    // A second run on another file reuses the replacements remembered in the key.
    const second = await invoke(session, 'privacy.import', { paths: [path.join(files, 'second.txt')] });
    expect((await session.jobs.wait(second.jobId)).state).toBe('done');
    const secondText = (
      db.prepare("SELECT text FROM documents WHERE title = 'second'").get() as { text: string }
    ).text;
    expect(secondText).toContain(`${tanaka} both left`);
    expect(secondText).toContain('[P07] stayed'); // "Col. Whitfeld": a title and a misspelling

    const clean = await invoke(session, 'privacy.scan', {});
    expect(clean.hits).toEqual([]);
    expect(clean.searched.files).toContain(`${file}-wal`);

    // The scan can fail: a real name written into a memo is found and located.
    await invoke(session, 'memos.create', { title: 'note', body: 'Remember to thank Mr Whitfield.' });
    const dirty = await invoke(session, 'privacy.scan', {});
    expect(dirty.hits.some((h) => h.where.startsWith('memos.body') && h.participant === 'P07')).toBe(true);
  });

  it('finds real names in documents already imported that have no segments yet', async () => {
    const { session, files } = await studyWithKey();
    const plain = await invoke(session, 'documents.import', {
      paths: [path.join(files, 'whitfield_first.txt'), path.join(files, 'second.txt')],
      kind: 'interview',
    });
    await session.jobs.wait(plain.jobId);
    const docs = await invoke(session, 'documents.list', {});
    const coded = docs.find((d) => d.title === 'second')!;
    const code = await invoke(session, 'codes.create', { name: 'Leaving' });
    await invoke(session, 'segments.apply', {
      documentId: coded.id,
      codeId: code.id,
      startUtf16: 0,
      endUtf16: 11,
    });
    const review = await invoke(session, 'privacy.reviewDocuments', {});
    expect(review.files.map((f) => f.name)).toEqual(['whitfield first']);
    expect(review.groups.find((g) => g.surface === 'Colonel Whitfield')?.replacement).toBe('[P07]');
    // Coded documents are left out: their segments point into the text as it is.
    expect(
      review.groups.flatMap((g) => g.occurrences).every((o) => o.file.startsWith('whitfield first')),
    ).toBe(true);
  });

  it('refuses without an unlocked identity key, saying what to do', async () => {
    const { session, files } = await studyWithKey();
    await invoke(session, 'sample.identity.lock', {});
    await expect(invoke(session, 'privacy.review', { paths: [files] })).rejects.toThrow(
      'anonymisation needs the identity key: unlock it first',
    );
    expect(await invoke(session, 'documents.list', {})).toEqual([]);
  });
});
