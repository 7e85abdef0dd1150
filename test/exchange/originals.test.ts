/**
 * Sources that reach Passage without a plain-text representation (a TextSource with only its .docx,
 * a PDFSource without Representation): their text is read from the original file in the archive with
 * Passage's own readers, and their selections are reported as not placed, never placed by guesswork.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { importRefiProject } from '../../electron/exchange/importProject';
import { tempDir } from '../helpers/tmp';

const g = (n: number) => `0000000${n}-abcd-4ef0-8123-0123456789ab`;

const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Originals" origin="OtherTool 1">
 <Users><User guid="${g(1)}" name="Ann"/></Users>
 <CodeBook><Codes><Code guid="${g(2)}" name="Funding" isCodable="true"/></Codes></CodeBook>
 <Sources>
  <TextSource guid="${g(3)}" name="Interview A" richTextPath="internal://${g(3)}.docx">
   <PlainTextSelection guid="${g(4)}" startPosition="4" endPosition="11" creatingUser="${g(1)}">
    <Coding guid="${g(5)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(2)}"/></Coding>
   </PlainTextSelection>
  </TextSource>
  <PDFSource guid="${g(6)}" name="Field report" path="internal://${g(6)}.pdf"/>
  <TextSource guid="${g(7)}" name="Lost" richTextPath="internal://${g(7)}.docx"/>
 </Sources>
</Project>`;

async function docxBytes(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ text })) }] });
  return Packer.toBuffer(doc);
}

async function pdfBytes(line: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([400, 300]).drawText(line, { x: 40, y: 240, size: 14, font });
  return Buffer.from(await pdf.save());
}

function writeZip(file: string, entries: Record<string, string | Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
    zip.end();
  });
}

describe('REFI-QDA sources without plain text', () => {
  it('reads a .docx and a .pdf from the archive and says their selections could not be placed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'originals.qdpx');
    await writeZip(file, {
      'project.qde': QDE,
      [`sources/${g(3)}.docx`]: await docxBytes(['The funding gap was real.', 'Second paragraph.']),
      [`sources/${g(6)}.pdf`]: await pdfBytes('Donors left in 2011.'),
    });
    const out = path.join(dir, 'originals.passage');
    const summary = await importRefiProject(file, out);
    expect(summary).toMatchObject({ documents: 2, segments: 0 });
    const report = summary.report.join('\n');
    expect(report).toContain(
      `TextSource "Interview A": the file had no plain text, so Passage read it from ${g(3)}.docx; its 1 selection could not be placed (their offsets count the other tool's text of the file)`,
    );
    expect(report).toContain(
      `PDFSource "Field report": the file had no plain text, so Passage read it from ${g(6)}.pdf`,
    );
    expect(report).toMatch(
      /TextSource "Lost": not kept — it has no plain text, and its file .*\.docx is not in the archive/,
    );

    const db = new Database(out, { readonly: true });
    try {
      const docs = db.prepare('SELECT title, text FROM documents ORDER BY id').all() as {
        title: string;
        text: string;
      }[];
      expect(docs.map((d) => d.title)).toEqual(['Interview A', 'Field report']);
      expect(docs[0]!.text).toMatch(/^The funding gap was real\.\n+Second paragraph\.\n?$/);
      expect(docs[1]!.text.trim()).toBe('Donors left in 2011.');
      // The import report kept as a memo says the same.
      const memo = db.prepare("SELECT body FROM memos WHERE body LIKE '%could not be placed%'").pluck().get();
      expect(memo).toBeTruthy();
    } finally {
      db.close();
    }
  });
});
