// The import's hook: each prepared file is rewritten with the reviewed replacements before it is
// written, and where the placeholders ended up is recorded with the new document. The file is checked
// to be the one reviewed (same text), so a file changed in between is refused, not half-anonymised.
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Plan } from '../../shared/privacy/plan';
import { rewriteText } from '../../shared/privacy/rewrite';
import type { AnonymisedSpan } from '../../shared/privacy/types';
import { detectSpeakerTurns } from '../../shared/text/speakerTurns';
import { countWords } from '../../shared/text/wordCount';
import { hashText } from '../import/contentHash';
import type { PreparedFile } from '../import/importFile';
import { nameEntry, textOf, type ReadText } from './anonymise';
import { insertAnonymisedSpans } from './spans';

export interface Anonymiser {
  rewrite(file: PreparedFile): PreparedFile | { reason: string };
  recordSpans(db: Database.Database, documentId: number, file: PreparedFile): void;
}

/** A file name with its placeholders, the extension kept: "whitfield_2024.docx" → "[P07]_2024.docx". */
export function rewriteFileName(fileName: string, plan: Plan, file: string): string {
  const parsed = path.parse(fileName);
  const renamed = rewriteText(parsed.name, plan.replacementsByFile.get(nameEntry(file)) ?? []).text;
  return renamed + parsed.ext;
}

export function rewritePrepared(
  file: PreparedFile,
  plan: Plan,
): { file: PreparedFile; spans: AnonymisedSpan[] } {
  const original = textOf(file.text);
  const rewritten = rewriteText(original, plan.replacementsByFile.get(file.source.name) ?? []);
  const text = rewritten.text;
  return {
    file: {
      ...file,
      source: { ...file.source, fileName: rewriteFileName(file.source.fileName, plan, file.source.name) },
      // The document's metadata author is often a participant or the transcriber: never kept.
      extracted: {
        ...file.extracted,
        author: null,
        pages: file.extracted.pages.map((p) => ({
          ...p,
          startUtf16: rewritten.mapOffset(p.startUtf16),
          endUtf16: rewritten.mapOffset(p.endUtf16),
        })),
      },
      text,
      contentHash: hashText(text),
      wordCount: countWords(text),
      turns: file.turns.length > 0 ? detectSpeakerTurns(text) : [],
    },
    spans: rewritten.spans,
  };
}

export function createImportAnonymiser(plan: Plan, reviewed: readonly ReadText[]): Anonymiser {
  const hashes = new Map(reviewed.map((t) => [t.file, t.contentHash]));
  const spans = new Map<string, AnonymisedSpan[]>();
  return {
    rewrite(file) {
      const expected = hashes.get(file.source.name);
      if (expected === undefined || expected !== hashText(textOf(file.text)))
        return { reason: 'the file changed since it was reviewed for anonymisation — review it again' };
      const done = rewritePrepared(file, plan);
      spans.set(file.source.name, done.spans);
      return done.file;
    },
    recordSpans(db, documentId, file) {
      insertAnonymisedSpans(db, documentId, spans.get(file.source.name) ?? []);
    },
  };
}
