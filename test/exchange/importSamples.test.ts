import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readQde } from '../../shared/exchange/readQde';
import { parseXmlTree } from '../../shared/exchange/xmlTree';
import {
  decodeSourceText,
  importRefiProject,
  REPORT_MEMO_TITLE,
} from '../../electron/exchange/importProject';
import type { OffsetUnit } from '../../shared/exchange/offsetMap';
import { tempDir } from '../helpers/tmp';
import { expectedQuote, readZip, sample, storedSegments } from './samples';

/** coding guid → the quote its selection covers in the raw source, counted in `unit`. */
async function quotesBySelection(file: string, unit: OffsetUnit): Promise<Map<string, string>> {
  const files = await readZip(file);
  const qdeName = [...files.keys()].find((n) => n.toLowerCase().endsWith('.qde'))!;
  const { project } = readQde(parseXmlTree(files.get(qdeName)!.toString('utf8'), qdeName), qdeName);
  const quotes = new Map<string, string>();
  for (const source of project.sources) {
    const entry = [...files.keys()].find((n) =>
      n.toLowerCase().endsWith(source.plainTextPath.replace(/^internal:\/\//, '').toLowerCase()),
    );
    if (!entry) continue;
    const raw = decodeSourceText(files.get(entry)!);
    for (const selection of source.selections)
      for (const coding of selection.codings)
        quotes.set(coding.guid, expectedQuote(raw, unit, selection.start, selection.end));
  }
  return quotes;
}

function rows<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Every segment's text equals the selection's text; at most trailing whitespace of the document is trimmed. */
function expectQuotesExact(file: string, quotes: Map<string, string>): void {
  const segments = storedSegments(file);
  expect(segments.length).toBe(quotes.size);
  for (const segment of segments) {
    const wanted = quotes.get(segment.guid)!;
    expect(segment.documentText.slice(segment.start, segment.end)).toBe(segment.text);
    if (segment.end === segment.documentText.length) expect(segment.text).toBe(wanted.trimEnd());
    else expect(segment.text).toBe(wanted);
  }
}

describe('REFI-QDA import of real exports', () => {
  it('NVivo 12.6 (Windows: UTF-16 offsets, CRLF, BOM, emoji): every quote lands exactly', async () => {
    const out = path.join(tempDir(), 'nvivo.passage');
    const file = sample('nvivo-win-12.6/oltas.qdpx');
    const summary = await importRefiProject(file, out);
    expect(summary.units[0]!.unit).toMatch(/UTF-16/);
    expect(summary).toMatchObject({ documents: 1, codes: 60, segments: 97, coders: 2 });
    expectQuotesExact(out, await quotesBySelection(file, 'utf16'));
    const codes = rows<{ name: string; parent: string | null; description: string }>(
      out,
      'SELECT c.name, p.name AS parent, c.description FROM codes c LEFT JOIN codes p ON p.id = c.parent_id',
    );
    expect(codes).toContainEqual({ name: 'méreg', parent: 'Oltás kockázatai', description: '' });
    expect(codes.find((c) => c.name === 'relativizálás, analógiák')!.description).toBe('csak egy nátha');
    const coders = rows<{ name: string; guid: string }>(out, 'SELECT name, guid FROM coders ORDER BY name');
    expect(coders).toEqual([
      { name: 'floriansipos', guid: 'f93ad076-5ca1-4f46-abf4-b4b67130a6e2' },
      { name: 'Gergo', guid: '8ca3a2c1-8b7a-41c3-a9dd-a8fb46caa645' },
    ]);
  });

  it('the same file read as code points would shift quotes (the check above can fail)', async () => {
    const out = path.join(tempDir(), 'nvivo.passage');
    const file = sample('nvivo-win-12.6/oltas.qdpx');
    await importRefiProject(file, out, { offsets: 'codepoints' });
    const quotes = await quotesBySelection(file, 'utf16');
    const shifted = storedSegments(out).filter(
      (s) => s.text !== quotes.get(s.guid) && s.text !== quotes.get(s.guid)!.trimEnd(),
    );
    expect(shifted.length).toBeGreaterThan(10);
  });

  it('qc 1.2 (no internal:// prefix, no source names): documents named after their files, quotes exact', async () => {
    const out = path.join(tempDir(), 'qc.passage');
    const file = sample('qc-1.2.0/demo.qdpx');
    const summary = await importRefiProject(file, out);
    expect(summary).toMatchObject({ documents: 3, codes: 112, segments: 213 });
    expect(
      rows<{ title: string }>(out, 'SELECT title FROM documents ORDER BY title').map((r) => r.title),
    ).toEqual(['admin', 'board_member', 'teacher']);
    expectQuotesExact(out, await quotesBySelection(file, 'codepoints'));
  });

  it('MAXQDA 24 renamed .zip: 307 codes with their colours and descriptions', async () => {
    const out = path.join(tempDir(), 'maxqda.passage');
    const file = sample('maxqda-24.7.0/2025-06-16_ICLS_Conf_Themes_ALL_just10.zip');
    const summary = await importRefiProject(file, out);
    expect(summary).toMatchObject({ documents: 10, codes: 307 });
    const files = await readZip(file);
    const qde = files.get('project.qde')!.toString('utf8');
    const colours = [...qde.matchAll(/<Code [^>]*color="(#[0-9A-Fa-f]{6})/g)].map((m) => m[1]!.toLowerCase());
    expect(colours).toHaveLength(307);
    const stored = rows<{ color: string; description: string }>(
      out,
      'SELECT color, description FROM codes ORDER BY id',
    );
    expect(stored.map((c) => c.color.toLowerCase())).toEqual(colours);
    expect(stored.filter((c) => c.description !== '').length).toBe(307);
  });

  it('ATLAS.ti 8.4: what Passage does not keep is listed, never dropped silently', async () => {
    const out = path.join(tempDir(), 'atlas.passage');
    const summary = await importRefiProject(sample('atlasti-mac-8.4.0/TestProject.qdpx'), out);
    const report = summary.report.join('\n');
    for (const what of [
      'PictureSource',
      'PDFSelection',
      'AudioSource',
      'VideoSource',
      'VideoSelection',
      'Links',
      'Graphs',
    ])
      expect(report).toContain(what);
    expect(summary.report.filter((l) => /is not in the archive/.test(l)).length).toBe(8);
    const memos = rows<{ title: string; body: string }>(out, 'SELECT title, body FROM memos');
    expect(memos.map((m) => m.body).join('\n')).toContain('dynamic team of researcher-developers');
    expect(memos.find((m) => m.title === REPORT_MEMO_TITLE)!.body).toContain('PictureSource');
  });

  it('refuses an HTML page saved as .qdpx, with its name, and leaves nothing behind', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'html.passage');
    await expect(importRefiProject(sample('negative/qc-demo-38d93b9-is-html.qdpx'), out)).rejects.toThrow(
      /qc-demo-38d93b9-is-html\.qdpx is not a REFI-QDA project: it is not a zip/,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
