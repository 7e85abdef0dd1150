// Issue 14: REFI-QDA export of the bench study (648 documents, 100,000 segments) and its re-import,
// each ≤ 2× a baseline measured in the same run — the same rows serialised with the same XML escaping
// and zip library (yazl) in one bare loop, and read back with the same zip library (yauzl), XML parser
// (saxes) and row inserts in one bare loop — and the memory of each under 1 GB. Both run in this
// process: the figure is the process's peak RSS after each (a high-water mark, so it bounds what the
// export or import itself reached) with the growth of that mark during it in the note.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Session } from '../electron/backend/session';
import { insertDocumentRows } from '../electron/store/documents';
import { closeProject, openProject } from '../electron/store/openProject';
import { escapeAttribute } from '../shared/exchange/writeQde';
import { parseXmlTree, type XmlElement } from '../shared/exchange/xmlTree';
import { call, reason, runJob } from './api';
import { notMeasured, onceMs, underLimit, withinRatio, type Figure } from './figures';

export interface RefiBenchContext {
  /** A folder the figures may write files into. */
  scratch: string;
  /** What the session's project is, in the figures' names ("the study", "the study's interviews"). */
  what?: string;
  /** Runs of each side (the fastest counts); 2 unless the caller's budget says fewer. */
  runs?: number;
  /**
   * Report the bench process's peak RSS after each (the default). Off when the bench process holds a
   * study far larger than the export's work (10×): its peak would be the generator's, not the export's.
   */
  processMemory?: boolean;
}

const MAX_RATIO = 2;
const MEMORY_LIMIT_MB = 1024;
const MB = 1024 * 1024;

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function zipTo(file: string, entries: readonly [string, string][]): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, text] of entries) zip.addBuffer(Buffer.from(text, 'utf8'), name);
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => {
      fs.writeFileSync(file, Buffer.concat(chunks));
      resolve();
    });
    zip.end();
  });
}

/** The same documents, codes and segments as XML + texts in a zip, one loop, nothing else. */
async function bareExport(db: Database.Database, file: string): Promise<void> {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?><Project><CodeBook><Codes>'];
  for (const c of db.prepare('SELECT guid, name, color FROM codes').iterate() as Iterable<
    Record<string, string>
  >)
    out.push(
      `<Code guid="${c.guid}" name="${escapeAttribute(c.name!)}" color="${c.color}" isCodable="true"/>`,
    );
  out.push('</Codes></CodeBook><Sources>');
  const entries: [string, string][] = [];
  const segments = db.prepare(
    `SELECT s.guid, s.start_utf16 AS a, s.end_utf16 AS b, c.guid AS code, k.guid AS coder
     FROM segments s JOIN codes c ON c.id = s.code_id JOIN coders k ON k.id = s.coder_id WHERE s.document_id = ?`,
  );
  const documents = db.prepare('SELECT id, guid, title, text FROM documents').all() as {
    id: number;
    guid: string;
    title: string;
    text: string;
  }[];
  for (const d of documents) {
    out.push(
      `<TextSource guid="${d.guid}" name="${escapeAttribute(d.title)}" plainTextPath="internal://${d.guid}.txt">`,
    );
    for (const s of segments.iterate(d.id) as Iterable<Record<string, string | number>>)
      out.push(
        `<PlainTextSelection guid="${s.guid}" startPosition="${s.a}" endPosition="${s.b}"><Coding guid="${s.guid}" creatingUser="${s.coder}"><CodeRef targetGUID="${s.code}"/></Coding></PlainTextSelection>`,
      );
    out.push('</TextSource>');
    entries.push([`sources/${d.guid}.txt`, d.text]);
  }
  out.push('</Sources></Project>');
  entries.unshift(['project.qde', out.join('')]);
  await zipTo(file, entries);
}

function readAll(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The archive back into a new project: unzip, parse, insert the same rows, one loop, nothing else. */
async function bareImport(file: string, target: string): Promise<void> {
  const files = await readAll(file);
  const root = parseXmlTree(files.get('project.qde')!.toString('utf8'), 'project.qde');
  const project = await openProject(target, { create: true });
  const { db } = project;
  try {
    const now = new Date().toISOString();
    db.transaction(() => {
      const coder = (
        db.prepare("INSERT INTO coders (name, created_at) VALUES ('bench', ?) RETURNING id").get(now) as {
          id: number;
        }
      ).id;
      const codeId = new Map<string, number>();
      const insertCode = db.prepare(
        'INSERT INTO codes (guid, name, color, position, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
      );
      const insertSegment = db.prepare(
        `INSERT INTO segments (guid, document_id, code_id, start_utf16, end_utf16, text, memo, coder_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
      );
      const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
      const addCodes = (codes: XmlElement[]) =>
        codes.forEach((c, i) => {
          if (c.name !== 'Code') return;
          const row = insertCode.get(c.attrs.guid, c.attrs.name, c.attrs.color, i, now) as { id: number };
          codeId.set(c.attrs.guid!, row.id);
          addCodes(c.children);
        });
      addCodes(child(child(root, 'CodeBook')!, 'Codes')!.children);
      for (const source of child(root, 'Sources')!.children) {
        const text = files.get(`sources/${source.attrs.guid}.txt`)!.toString('utf8');
        const id = insertDocumentRows(db, { title: source.attrs.name!, text, importedAt: now });
        for (const sel of source.children) {
          if (sel.name !== 'PlainTextSelection') continue;
          const a = Number(sel.attrs.startPosition);
          const b = Number(sel.attrs.endPosition);
          const code = child(child(sel, 'Coding')!, 'CodeRef')!.attrs.targetGUID!;
          insertSegment.run(sel.attrs.guid, id, codeId.get(code)!, a, b, text.slice(a, b), coder, now, now);
        }
      }
    })();
  } finally {
    closeProject(project);
  }
}

function memoryFigure(name: string, before: number): Figure {
  const after = peakRssMb();
  return underLimit(
    name,
    after,
    'MB',
    MEMORY_LIMIT_MB,
    null,
    `peak RSS of the bench process after it; the high-water mark grew by ${Math.round(after - before)} MB during it`,
  );
}

// Each side runs twice, alternating, and the faster run of each counts: on a shared machine one run
// of either can be slowed by a neighbour by more than the 2× the figure allows.
const RUNS = 2;

async function bestOf(
  runs: number,
  run: (i: number) => Promise<unknown>,
  baseline: (i: number) => Promise<unknown>,
) {
  let ms = Infinity;
  let baselineMs = Infinity;
  for (let i = 0; i < runs; i++) {
    baselineMs = Math.min(baselineMs, await onceMs(() => baseline(i)));
    ms = Math.min(ms, await onceMs(() => run(i)));
  }
  return { ms, baselineMs };
}

export async function measureRefi(session: Session, ctx: RefiBenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dir = fs.mkdtempSync(path.join(ctx.scratch, 'refi-'));
  const qdpx = (i: number) => path.join(dir, `study-${i}.qdpx`);
  const what = ctx.what ?? 'the study';
  const runs = ctx.runs ?? RUNS;
  const exportName = `REFI-QDA export of ${what} (.qdpx)`;
  const importName = `REFI-QDA re-import of ${what}`;
  const best = runs === 1 ? 'one run each' : `best of ${runs} each`;
  let exported = false;
  try {
    const { db } = session.requireProject();
    const before = peakRssMb();
    let note = '';
    const { ms, baselineMs } = await bestOf(
      runs,
      async (i) => {
        const summary = (await call(session, 'exchange.exportProject', {
          target: qdpx(i),
          overwrite: false,
        })) as {
          documents: number;
          segments: number;
          bytes: number;
        };
        note = `${summary.documents} documents, ${summary.segments.toLocaleString('en')} segments, ${(summary.bytes / MB).toFixed(1)} MB; ${best}`;
      },
      (i) => bareExport(db, path.join(dir, `bare-${i}.qdpx`)),
    );
    exported = true;
    figures.push(withinRatio(exportName, ms, baselineMs, 'ms', MAX_RATIO, note));
    if (ctx.processMemory !== false) figures.push(memoryFigure(`${exportName}: memory`, before));
  } catch (error) {
    figures.push(notMeasured(exportName, 'ms', `≤ ${MAX_RATIO}× baseline`, reason(error)));
  }
  if (!exported) return figures;
  try {
    const before = peakRssMb();
    let note = '';
    const { ms, baselineMs } = await bestOf(
      runs,
      async (i) => {
        const result = (await runJob(session, 'exchange.importProject', {
          source: qdpx(0),
          target: path.join(dir, `back-${i}.passage`),
        })) as { documents: number; segments: number };
        note = `${result.documents} documents, ${result.segments.toLocaleString('en')} segments; ${best}`;
      },
      (i) => bareImport(qdpx(0), path.join(dir, `bare-${i}.passage`)),
    );
    figures.push(withinRatio(importName, ms, baselineMs, 'ms', MAX_RATIO, note));
    if (ctx.processMemory !== false) figures.push(memoryFigure(`${importName}: memory`, before));
  } catch (error) {
    figures.push(notMeasured(importName, 'ms', `≤ ${MAX_RATIO}× baseline`, reason(error)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
