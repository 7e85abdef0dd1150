import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import CFB from 'cfb';
import { Document, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { PDFDocument, StandardFonts } from 'pdf-lib';

// Real files, written by libraries the way users' tools write them.

export async function makeDocx(): Promise<Buffer> {
  const doc = new Document({
    creator: 'Jane Roe',
    footnotes: { 1: { children: [new Paragraph('A footnote about NGOs.')] } },
    sections: [
      {
        children: [
          new Paragraph({
            children: [new TextRun('Interviewer: Why did you join?'), new FootnoteReferenceRun(1)],
          }),
          new Paragraph('Respondent: For the café and “the people”.'),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Year')] }),
                  new TableCell({ children: [new Paragraph('Budget')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('2016')] }),
                  new TableCell({ children: [new Paragraph('1.2m')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Two pages; page 1 ends a line with "protec-" continued as "tion" on the next line. */
export async function makePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const one = doc.addPage([400, 400]);
  one.drawText('The mandate covers the protec-', { x: 40, y: 350, size: 12, font });
  one.drawText('tion of civilians in the region.', { x: 40, y: 335, size: 12, font });
  one.drawText('A second paragraph.', { x: 40, y: 290, size: 12, font });
  const two = doc.addPage([400, 400]);
  two.drawText('Page two speaks of casualties.', { x: 40, y: 350, size: 12, font });
  doc.setAuthor('NATO Press Office');
  return doc.save();
}

/** A page with only a drawn rectangle: what a scan without OCR looks like to a text extractor. */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([400, 400]).drawRectangle({ x: 50, y: 50, width: 100, height: 100 });
  return doc.save();
}

export async function makeEncryptedPdf(dir: string): Promise<Buffer> {
  const plain = path.join(dir, 'plain-for-qpdf.pdf');
  const encrypted = path.join(dir, 'encrypted-by-qpdf.pdf');
  fs.writeFileSync(plain, await makePdf());
  execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', plain, encrypted]);
  const bytes = fs.readFileSync(encrypted);
  fs.rmSync(plain);
  fs.rmSync(encrypted);
  return bytes;
}

/** What Office writes for a password-protected .docx: a CFB file with an EncryptedPackage stream. */
export function makePasswordProtectedDocx(): Buffer {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/** A minimal valid zip (deflate) of the given entries. */
export function makeZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = zlib.deflateRawSync(entry.data, { level: 9 });
    const crc = zlib.crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** 300 MB of zeros in ~300 KB: refused from the central directory before anything is inflated. */
export function makeZipBomb(): Buffer {
  const zeros = Buffer.alloc(300 * 1024 * 1024);
  // (Built once per test run; deflating 300 MB takes about two seconds.)
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: zeros },
  ]);
}

export function makeOdt(): Buffer {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:body><office:text>
<text:h>Minutes</text:h>
<text:p>First<text:s text:c="2"/>point<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A note.</text:p></text:note-body></text:note> &amp; more.</text:p>
<text:p>Line one<text:line-break/>line two</text:p>
</office:text></office:body></office:document-content>`;
  return makeZip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') },
    { name: 'content.xml', data: Buffer.from(content) },
  ]);
}

export const utf16le = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
export function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
}
export const windows1252 = (text: string): Buffer => iconv.encode(text, 'windows-1252');
