// Undoing an anonymisation of documents already imported. The undo journal cannot hold it (it would
// keep the real text in the project, where the scan must find none), so the last anonymisation's
// originals are kept in the encrypted identity key instead, and put back from there on request, while
// each document is still exactly as anonymisation left it and not coded.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { PassageError } from '../../shared/api/result';
import { FINDING_KINDS } from '../../shared/privacy/types';
import { hashText } from '../store/contentHash';
import type { IdentityKeyHolder } from '../sample/identityKey';
import { storedPrivacy } from './keyPeople';
import { insertAnonymisedSpans, listAnonymisedSpans } from './spans';

const span = z.object({
  startUtf16: z.number().int(),
  endUtf16: z.number().int(),
  kind: z.enum(FINDING_KINDS),
  placeholder: z.string(),
});

const originalSchema = z.object({
  guid: z.string(),
  title: z.string(),
  fileName: z.string(),
  text: z.string(),
  contentHash: z.string(),
  wordCount: z.number().int(),
  author: z.string().nullable(),
  turns: z.array(z.object({ id: z.number().int(), speaker: z.string(), start: z.number(), end: z.number() })),
  pages: z.array(z.object({ page: z.number().int(), start: z.number(), end: z.number() })),
  spans: z.array(span),
  /** The text's hash after anonymisation: restored only while the document is still so. */
  anonymisedHash: z.string(),
});
export type OriginalDocument = z.infer<typeof originalSchema>;

const KEY = 'lastAnonymisedDocuments';

/** A document as it is before anonymisation rewrites it (anonymisedHash filled in afterwards). */
export function captureOriginal(db: Database.Database, documentId: number): OriginalDocument {
  const row = db
    .prepare(
      `SELECT guid, title, file_name AS fileName, text, content_hash AS contentHash, word_count AS wordCount,
              author FROM documents WHERE id = ?`,
    )
    .get(documentId) as Omit<OriginalDocument, 'turns' | 'pages' | 'spans' | 'anonymisedHash'>;
  return {
    ...row,
    turns: db
      .prepare('SELECT id, speaker, start_utf16 AS start, end_utf16 AS end FROM turns WHERE document_id = ?')
      .all(documentId) as OriginalDocument['turns'],
    pages: db
      .prepare(
        'SELECT page, start_utf16 AS start, end_utf16 AS end FROM document_pages WHERE document_id = ?',
      )
      .all(documentId) as OriginalDocument['pages'],
    spans: listAnonymisedSpans(db, documentId),
    anonymisedHash: '',
  };
}

/** Keeps the originals of this anonymisation (only the last one can be undone). */
export function keepOriginals(holder: IdentityKeyHolder, originals: readonly OriginalDocument[]): void {
  holder.setPrivacy({ ...storedPrivacy(holder), [KEY]: originals });
}

function keptOriginals(holder: IdentityKeyHolder): OriginalDocument[] {
  const kept = storedPrivacy(holder)[KEY];
  if (kept === undefined) return [];
  const parsed = z.array(originalSchema).safeParse(kept);
  if (!parsed.success)
    throw new PassageError(
      'invalid_argument',
      'identity key: the kept originals of the last anonymisation are damaged',
    );
  return parsed.data;
}

export interface RestoredDocument {
  id: number;
  title: string;
}

/**
 * Puts back the documents of the last anonymisation, all or none: each must still be there, uncoded and
 * unchanged since; otherwise nothing is written and the documents in the way are named.
 */
export function restoreOriginals(db: Database.Database, holder: IdentityKeyHolder): RestoredDocument[] {
  const originals = keptOriginals(holder);
  if (originals.length === 0)
    throw new PassageError('not_found', 'restore: no anonymisation of imported documents to undo');
  const restored = db
    .transaction(() =>
      originals.map((o) => {
        const now = db
          .prepare(
            `SELECT d.id, d.title, d.text, (SELECT count(*) FROM segments s WHERE s.document_id = d.id) AS segments
             FROM documents d WHERE d.guid = ?`,
          )
          .get(o.guid) as { id: number; title: string; text: string; segments: number } | undefined;
        if (!now)
          throw new PassageError(
            'conflict',
            `restore: a document anonymised then (“${o.title}”) was deleted`,
          );
        if (now.segments > 0 || hashText(now.text) !== o.anonymisedHash)
          throw new PassageError(
            'conflict',
            `restore: “${now.title}” was ${now.segments > 0 ? 'coded' : 'changed'} since it was anonymised — it is left as it is`,
          );
        db.prepare(
          `UPDATE documents SET title = @title, file_name = @fileName, text = @text, content_hash = @contentHash,
             word_count = @wordCount, author = @author WHERE id = @id`,
        ).run({ ...o, id: now.id });
        for (const t of o.turns)
          db.prepare(
            'UPDATE turns SET speaker = ?, start_utf16 = ?, end_utf16 = ? WHERE id = ? AND document_id = ?',
          ).run(t.speaker, t.start, t.end, t.id, now.id);
        for (const p of o.pages)
          db.prepare(
            'UPDATE document_pages SET start_utf16 = ?, end_utf16 = ? WHERE document_id = ? AND page = ?',
          ).run(p.start, p.end, now.id, p.page);
        db.prepare('DELETE FROM anonymised_spans WHERE document_id = ?').run(now.id);
        insertAnonymisedSpans(db, now.id, o.spans);
        return { id: now.id, title: o.title };
      }),
    )
    .immediate();
  keepOriginals(holder, []);
  return restored;
}
