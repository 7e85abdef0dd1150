// The proof: every real name and contact in the identity key (and their variants: surname or first
// name alone, titles, possessives, capitals, accents, one letter off) looked for in every text value
// of the project (documents, segments, memos, titles, attributes, file names, the undo journal — every
// table), in the raw bytes of the project file and its write-ahead log (deleted rows and old pages
// linger there), and in export files.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createKeyMatcher, type KeyMatcher } from '../../shared/privacy/keyMatcher';
import { fold, tokenize } from '../../shared/privacy/fold';
import type { ScanHit, ScanResult } from '../../shared/api/privacy';
import type { KeyPerson } from '../../shared/privacy/types';
import { openQdpx, type QdpxArchive } from '../exchange/archive';
import { extractDocument } from '../import/extract';
import { formatOf } from '../import/extractText';
import { yieldToEventLoop, type JobProgress } from '../jobs/progress';

const MAX_HITS = 1000;

/** Strings to look for in raw bytes: whole names, aliases, parts of names and contacts, as written and in capitals. */
export function byteNeedles(people: readonly KeyPerson[]): Map<string, KeyPerson> {
  const needles = new Map<string, KeyPerson>();
  for (const person of people) {
    const parts = new Set<string>();
    for (const name of person.names) {
      parts.add(name.trim());
      for (const t of tokenize(name)) if (t.text.length >= 4) parts.add(t.text);
    }
    for (const c of person.contacts) parts.add(c.trim());
    for (const part of parts) {
      if (part.length < 3) continue;
      for (const form of [part, part.toUpperCase(), part.toLowerCase(), fold(part)])
        needles.set(form, person);
    }
  }
  return needles;
}

function scanBytes(file: string, needles: Map<string, KeyPerson>, hits: ScanHit[]): void {
  const bytes = fs.readFileSync(file);
  for (const [needle, person] of needles) {
    for (const encoded of [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]) {
      const at = bytes.indexOf(encoded);
      if (at >= 0 && hits.length < MAX_HITS)
        hits.push({
          where: `${path.basename(file)} at byte ${at}`,
          participant: person.label,
          found: needle,
        });
    }
  }
}

function scanText(
  text: string,
  where: string,
  matcher: KeyMatcher,
  labels: Map<string, string | null>,
  hits: ScanHit[],
): void {
  for (const f of matcher.find(text)) {
    if (hits.length >= MAX_HITS) return;
    hits.push({ where, participant: labels.get(f.participantGuid ?? '') ?? null, found: f.text });
  }
}

interface Column {
  table: string;
  column: string;
  /** False for a WITHOUT ROWID table, whose rows are then named by position. */
  hasRowid: boolean;
}

function textColumns(db: Database.Database): Column[] {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string; sql: string | null }[];
  const columns: Column[] = [];
  for (const t of tables) {
    // A full-text index's virtual table repeats its content table; its shadow tables are scanned.
    if (/^CREATE VIRTUAL/i.test(t.sql ?? '')) continue;
    for (const c of db.prepare(`SELECT name FROM pragma_table_info(?)`).all(t.name) as { name: string }[])
      columns.push({ table: t.name, column: c.name, hasRowid: !/WITHOUT\s+ROWID/i.test(t.sql ?? '') });
  }
  return columns;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
// Text values read at once (a hundred transcripts at most), then the event loop may run.
const PAGE_ROWS = 100;

/** A column's text values, page by page in rowid order (a table without rowids: in one page). */
function* pagesOf(
  db: Database.Database,
  table: string,
  column: string,
  hasRowid: boolean,
): Generator<{ row: number | null; value: string }[]> {
  const where = `typeof(${quote(column)}) = 'text'`;
  if (!hasRowid) {
    yield db
      .prepare(`SELECT NULL AS row, ${quote(column)} AS value FROM ${quote(table)} WHERE ${where}`)
      .all() as {
      row: null;
      value: string;
    }[];
    return;
  }
  const page = db.prepare(
    `SELECT rowid AS row, ${quote(column)} AS value FROM ${quote(table)}
     WHERE rowid > ? AND ${where} ORDER BY rowid LIMIT ${PAGE_ROWS}`,
  );
  for (let after = -Infinity; ;) {
    const rows = page.all(after) as { row: number; value: string }[];
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.row;
  }
}

export async function scanProject(
  db: Database.Database,
  projectPath: string,
  people: readonly KeyPerson[],
  files: readonly string[] = [],
  progress?: JobProgress,
): Promise<ScanResult> {
  const hits: ScanHit[] = [];
  const matcher = createKeyMatcher(people);
  const labels = new Map(people.map((p) => [p.participantGuid, p.label]));
  const columns = textColumns(db);
  const steps = columns.length + 2 + files.length;
  let values = 0;
  for (const [i, { table, column, hasRowid }] of columns.entries()) {
    progress?.update(i, steps, `${table}.${column}`);
    for (const page of pagesOf(db, table, column, hasRowid)) {
      // Between pages of rows: status polls and Cancel are answered within a long column too.
      if (progress) await yieldToEventLoop();
      for (const { row, value } of page) {
        values++;
        scanText(value, `${table}.${column}${row === null ? '' : ` row ${row}`}`, matcher, labels, hits);
      }
    }
  }
  const needles = byteNeedles(people);
  const scanned: string[] = [];
  for (const [i, file] of [projectPath, `${projectPath}-wal`].entries()) {
    progress?.update(columns.length + i, steps, path.basename(file));
    if (!fs.existsSync(file)) continue;
    scanBytes(file, needles, hits);
    scanned.push(file);
  }
  for (const [i, file] of files.entries()) {
    const absolute = path.resolve(file);
    progress?.update(columns.length + 2 + i, steps, path.basename(absolute));
    scanned.push(absolute);
    scanBytes(absolute, needles, hits);
    scanText(await readableText(absolute), path.basename(absolute), matcher, labels, hits);
    scanText(path.basename(absolute), `file name ${path.basename(absolute)}`, matcher, labels, hits);
  }
  return { hits, searched: { tables: new Set(columns.map((c) => c.table)).size, values, files: scanned } };
}

/** An export's text: docx, odt, pdf and html through the import's readers, anything else as UTF-8. */
async function readableText(file: string): Promise<string> {
  if (/\.qdpx$/i.test(file)) return qdpxText(file);
  const bytes = fs.readFileSync(file);
  const format = formatOf(path.basename(file));
  if (format && format !== 'txt' && format !== 'md') {
    try {
      return (await extractDocument(path.basename(file), bytes)).text;
    } catch {
      // Unreadable as its format says: its raw bytes were still scanned.
    }
  }
  return bytes.toString('utf8');
}

/** A REFI-QDA project's text: its .qde (codes, memos, names) and every plain-text source it lists. */
async function qdpxText(file: string): Promise<string> {
  let archive: QdpxArchive;
  try {
    archive = await openQdpx(file);
  } catch {
    return fs.readFileSync(file).toString('utf8');
  }
  try {
    const qde = (await archive.readEntry(archive.qdeName)).toString('utf8');
    const parts = [qde];
    for (const m of qde.matchAll(/plainTextPath="internal:\/\/([^"]+)"/g))
      parts.push((await archive.readSource(m[1]!))?.toString('utf8') ?? '');
    return parts.join('\n');
  } finally {
    archive.close();
  }
}
