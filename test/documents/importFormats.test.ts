import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { tempDir } from '../helpers/tmp';
import { newProjectSession } from '../helpers/session';
import { makeDocx, makeOdt, makePdf, utf16be, utf16le, windows1252 } from './fixtures';
import { failureReasons, importAndWait } from './importHelpers';

describe('import: formats are read into the stored text', () => {
  it('reads UTF-8, UTF-8 BOM, UTF-16 LE/BE and Windows-1252 text to the same NFC string', async () => {
    const { session } = await newProjectSession();
    const dir = tempDir();
    const sentence = 'Café “smart quotes” — naïve.\r\nSecond line.';
    const expected = 'Café “smart quotes” — naïve.\nSecond line.';
    fs.writeFileSync(path.join(dir, 'a-utf8.txt'), sentence, 'utf8');
    fs.writeFileSync(
      path.join(dir, 'b-bom.txt'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${sentence} bom`)]),
    );
    fs.writeFileSync(path.join(dir, 'c-le.txt'), utf16le(`${sentence} le`));
    fs.writeFileSync(path.join(dir, 'd-be.txt'), utf16be(`${sentence} be`));
    fs.writeFileSync(path.join(dir, 'e-1252.md'), windows1252(`${sentence} 1252`));
    // "e" + U+0301 (decomposed) must be stored composed.
    fs.writeFileSync(path.join(dir, 'f-nfd.txt'), 'Cafe\u0301 nfd');
    const { summary } = await importAndWait(session, { paths: [dir] });
    expect(summary.failed).toEqual([]);
    const base = path.basename(dir);
    expect(summary.imported.map((i) => i.name)).toEqual(
      ['a-utf8.txt', 'b-bom.txt', 'c-le.txt', 'd-be.txt', 'e-1252.md', 'f-nfd.txt'].map((n) =>
        path.join(base, n),
      ),
    );
    const texts = await Promise.all(
      summary.imported.map((i) => invoke(session, 'documents.get', { id: i.documentId })),
    );
    expect(texts.map((t) => t.text)).toEqual([
      expected,
      `${expected} bom`,
      `${expected} le`,
      `${expected} be`,
      `${expected} 1252`,
      'Café nfd',
    ]);
    expect(texts[4]!.document.format).toBe('md');
    expect(texts[5]!.text.length).toBe(8);
  });

  it('reads a .docx with paragraphs, a table and a footnote, and its author', async () => {
    const { session } = await newProjectSession();
    const dir = tempDir();
    const file = path.join(dir, 'Interview 07 2019-03-14.docx');
    fs.writeFileSync(file, await makeDocx());
    const { summary } = await importAndWait(session, { paths: [file], kind: 'interview' });
    expect(failureReasons(summary)).toEqual({});
    const content = await invoke(session, 'documents.get', { id: summary.imported[0]!.documentId });
    expect(content.text).toBe(
      'Interviewer: Why did you join?[1]\n\nRespondent: For the café and “the people”.\n\nYear\tBudget\n\n2016\t1.2m\n\n1. A footnote about NGOs.',
    );
    expect(content.document).toMatchObject({
      title: 'Interview 07 2019-03-14',
      kind: 'interview',
      format: 'docx',
      fileName: 'Interview 07 2019-03-14.docx',
      date: '2019-03-14',
      year: 2019,
      author: 'Jane Roe',
      pageCount: null,
    });
    // Turns: "Interviewer: …[1]" is 0..33; "Respondent: …" starts at 35 and runs to the end of its paragraph.
    const respondent = 'Respondent: For the café and “the people”.';
    expect(content.turns.map((t) => [t.speaker, t.startUtf16, t.endUtf16])).toEqual([
      ['Interviewer', 0, 33],
      ['Respondent', 35, content.text.length],
    ]);
    expect(content.text.slice(35, 35 + respondent.length)).toBe(respondent);
  });

  it('reads a two-page PDF in reading order, joins the hyphenated break and stores page ranges', async () => {
    const { session } = await newProjectSession();
    const dir = tempDir();
    const file = path.join(dir, 'nato_statement.pdf');
    fs.writeFileSync(file, await makePdf());
    const { summary } = await importAndWait(session, { paths: [file] });
    expect(failureReasons(summary)).toEqual({});
    const content = await invoke(session, 'documents.get', { id: summary.imported[0]!.documentId });
    const page1 = 'The mandate covers the protection of civilians in the region.\n\nA second paragraph.';
    const page2 = 'Page two speaks of casualties.';
    expect(content.text).toBe(`${page1}\n\n${page2}`);
    expect(content.pages).toEqual([
      { page: 1, startUtf16: 0, endUtf16: page1.length },
      { page: 2, startUtf16: page1.length + 2, endUtf16: page1.length + 2 + page2.length },
    ]);
    expect(content.text.slice(content.pages[1]!.startUtf16, content.pages[1]!.endUtf16)).toBe(page2);
    expect(content.document).toMatchObject({
      title: 'nato statement',
      format: 'pdf',
      pageCount: 2,
      author: 'NATO Press Office',
      wordCount: 10 + 3 + 5,
    });
  });

  it('reads visible HTML text only, with block structure as paragraphs', async () => {
    const { session } = await newProjectSession();
    const dir = tempDir();
    const html = `<!doctype html><html><head><title>Press release</title><meta name="author" content="UN OCHA">
      <style>p { color: red }</style><script>document.write("evil")</script>
      <link rel="stylesheet" href="https://example.invalid/x.css"></head>
      <body><h1>Civilian   casualties</h1><p>First &amp; <b>bold</b> point.<br>Next line.</p>
      <img src="https://example.invalid/track.png"><ul><li>one</li><li>two</li></ul>
      <div><div><p>Nested</p></div></div><noscript>enable js</noscript></body></html>`;
    fs.writeFileSync(path.join(dir, 'release.htm'), html);
    const { summary } = await importAndWait(session, { paths: [path.join(dir, 'release.htm')] });
    const content = await invoke(session, 'documents.get', { id: summary.imported[0]!.documentId });
    expect(content.text).toBe(
      'Civilian casualties\n\nFirst & bold point.\nNext line.\n\n• one\n\n• two\n\nNested',
    );
    expect(content.document).toMatchObject({ format: 'html', author: 'UN OCHA', title: 'release' });
  });

  it('reads deeply nested HTML without overflowing the stack', async () => {
    const { session } = await newProjectSession();
    const dir = tempDir();
    const depth = 200_000;
    fs.writeFileSync(
      path.join(dir, 'deep.html'),
      `${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}<p>after</p>`,
    );
    const { summary } = await importAndWait(session, { paths: [path.join(dir, 'deep.html')] });
    expect(failureReasons(summary)).toEqual({});
    const content = await invoke(session, 'documents.get', { id: summary.imported[0]!.documentId });
    expect(content.text).toBe('deep text\n\nafter');
  });

  it('reads an .odt: headings, paragraphs, explicit spaces, line breaks, notes at the end', async () => {
    const { session } = await newProjectSession();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'minutes.odt'), makeOdt());
    const { summary } = await importAndWait(session, { paths: [path.join(dir, 'minutes.odt')] });
    expect(failureReasons(summary)).toEqual({});
    const content = await invoke(session, 'documents.get', { id: summary.imported[0]!.documentId });
    expect(content.text).toBe('Minutes\n\nFirst point & more.\n\nLine one\nline two\n\nA note.');
  });
});
