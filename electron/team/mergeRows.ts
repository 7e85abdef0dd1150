/**
 * The rules of merging FROM's rows into INTO, table by table (merge.ts runs them in one transaction).
 *
 * Matching: coders by GUID then name; participants by GUID then label (mergeParticipants.ts); documents
 * by GUID then content hash; codes by GUID then by name under the (matched) parent, i.e. by path;
 * groups and attributes by GUID then name; segments and memos by GUID (a segment also when INTO has the
 * same coder's same code on the same span; a memo when INTO has the same title and body on the same thing).
 * Rows brought in keep FROM's GUIDs, so merging the same copy again finds them and adds nothing.
 * Coders never collapse: each segment keeps its own coder.
 *
 * Conflicts and their rules (each is listed in the merge report):
 * - a code or document named differently in both, or a code moved: INTO's name and place are kept;
 * - a document whose text differs (same GUID): INTO's text is kept, and FROM's segments on it are
 *   brought only where their quoted text is still at the same place;
 * - a code or document deleted in INTO after the copy was made: brought back only if FROM's coder
 *   used it, otherwise left deleted; deleted in FROM: kept (a merge never deletes);
 * - an attribute value set differently in both: INTO's value is kept.
 */
import type Database from 'better-sqlite3';
import type { MergeConflict, MergeReport } from '../../shared/api/team';
import { statement } from '../store/statements';
import type { MergeSource, SourceCode, SourceDocument } from './mergeSource';

type Value = string | number | null;

/** Where rows go: the undo journal, or plain inserts for a merge too large to journal. */
export interface RowWriter {
  insert(
    table:
      | 'codes'
      | 'code_groups'
      | 'participant_categories'
      | 'participants'
      | 'participant_attribute_values'
      | 'document_groups'
      | 'attributes'
      | 'code_group_members'
      | 'documents'
      | 'document_pages'
      | 'turns'
      | 'document_attribute_values'
      | 'document_group_members'
      | 'segments'
      | 'memos',
    row: Row,
  ): Row;
}

export type Row = Record<string, Value>;
export type Counts = Pick<MergeReport, 'added' | 'alreadyPresent'>;

export class RowMerger {
  readonly coders = new Map<number, number>();
  readonly documents = new Map<number, number>();
  readonly codes = new Map<number, number>();
  /** FROM's participant ids → INTO's (mergeParticipants.ts, run before the documents). */
  readonly participants = new Map<number, number>();
  /** INTO documents whose text differs from FROM's: segments must still fit. */
  private readonly edited = new Map<number, { title: string; text: string; skipped: number }>();
  readonly conflicts: MergeConflict[] = [];
  readonly counts: Counts = {
    added: {
      coders: 0,
      participants: 0,
      documents: 0,
      codes: 0,
      codeGroups: 0,
      documentGroups: 0,
      segments: 0,
      memos: 0,
      attributes: 0,
      attributeValues: 0,
    },
    alreadyPresent: { documents: 0, codes: 0, segments: 0, memos: 0 },
  };

  constructor(
    readonly db: Database.Database,
    readonly from: MergeSource,
    readonly w: RowWriter,
  ) {}

  get<T = Row>(sql: string, params: Row): T | undefined {
    return statement(this.db, sql).get(params) as T | undefined;
  }

  private existedAtCopy(createdAt: Value): boolean {
    return this.from.copiedAt !== null && typeof createdAt === 'string' && createdAt < this.from.copiedAt;
  }

  mergeCoders(): void {
    for (const c of this.from.coders) {
      const found =
        this.get<{ id: number }>('SELECT id FROM coders WHERE guid = @guid', { guid: c.guid }) ??
        this.get<{ id: number }>('SELECT id FROM coders WHERE name = @name', { name: c.name });
      if (found) {
        this.coders.set(c.id, found.id);
        continue;
      }
      const row = this.get<{ id: number }>(
        'INSERT INTO coders (guid, name, color, created_at) VALUES (@guid, @name, @color, @created_at) RETURNING id',
        { guid: c.guid, name: c.name, color: c.color, created_at: c.created_at },
      )!;
      this.coders.set(c.id, row.id);
      this.counts.added.coders++;
    }
  }

  mergeDocuments(): void {
    const usedDocs = new Set<Value>([
      ...this.from.segments.map((s) => s.document_id),
      ...this.from.memos.map((m) => m.document_id),
    ]);
    for (const d of this.from.documents) {
      const byGuid = this.get<{ id: number; title: string; content_hash: string }>(
        'SELECT id, title, content_hash FROM documents WHERE guid = @guid',
        { guid: d.guid },
      );
      const found =
        byGuid ??
        this.get<{ id: number; title: string; content_hash: string }>(
          'SELECT id, title, content_hash FROM documents WHERE content_hash = @hash ORDER BY id LIMIT 1',
          { hash: d.content_hash },
        );
      if (found) {
        this.documents.set(d.id, found.id);
        this.counts.alreadyPresent.documents++;
        if (found.content_hash !== d.content_hash) {
          const { text } = this.get<{ text: string }>('SELECT text FROM documents WHERE id = @id', {
            id: found.id,
          })!;
          this.edited.set(found.id, { title: found.title, text, skipped: 0 });
        } else if (found.title !== d.title) {
          this.conflicts.push({
            kind: 'document_edited',
            message: `document "${found.title}" is titled "${String(d.title)}" in the merged project: this project's title kept`,
          });
        }
        continue;
      }
      if (this.existedAtCopy(d.imported_at)) {
        const used = usedDocs.has(d.id);
        this.conflicts.push({
          kind: 'document_deleted',
          message: used
            ? `document "${String(d.title)}" was deleted here after the copy was made; brought back because the merged project coded it`
            : `document "${String(d.title)}" was deleted here after the copy was made; left deleted`,
        });
        if (!used) continue;
      }
      this.insertDocument(d);
    }
  }

  private insertDocument(d: SourceDocument): void {
    const { text, pages, turns } = this.from.documentText(d.id);
    const inserted = this.w.insert('documents', {
      ...d,
      id: null,
      text,
      participant_id: d.participant_id === null ? null : (this.participants.get(d.participant_id) ?? null),
    });
    const id = inserted.id as number;
    for (const p of pages) this.w.insert('document_pages', { ...p, document_id: id });
    for (const t of turns) this.w.insert('turns', { ...t, id: null, document_id: id });
    this.documents.set(d.id, id);
    this.counts.added.documents++;
  }

  mergeCodes(): void {
    const used = this.usedCodes();
    const matched = new Set<number>();
    for (const c of parentsFirst(this.from.codes)) {
      const parent = c.parent_id === null ? null : (this.codes.get(c.parent_id as number) ?? null);
      if (c.parent_id !== null && parent === null) continue; // its parent was left deleted
      const byGuid = this.get<{ id: number; name: string; parent_id: number | null }>(
        'SELECT id, name, parent_id FROM codes WHERE guid = @guid',
        { guid: c.guid },
      );
      if (byGuid) {
        if (byGuid.name !== c.name)
          this.conflicts.push({
            kind: 'code_renamed',
            message: `code "${byGuid.name}" is named "${String(c.name)}" in the merged project: this project's name kept`,
          });
        if (byGuid.parent_id !== parent)
          this.conflicts.push({
            kind: 'code_moved',
            message: `code "${byGuid.name}" sits under another parent in the merged project: this project's place kept`,
          });
      }
      const found =
        byGuid ??
        this.get<{ id: number }>(
          'SELECT id FROM codes WHERE ifnull(parent_id, 0) = ifnull(@parent, 0) AND name = @name COLLATE NOCASE',
          { parent, name: c.name },
        );
      if (found) {
        this.codes.set(c.id, found.id);
        matched.add(found.id);
        this.counts.alreadyPresent.codes++;
        continue;
      }
      if (this.existedAtCopy(c.created_at)) {
        const isUsed = used.has(c.id);
        this.conflicts.push({
          kind: 'code_deleted',
          message: isUsed
            ? `code "${String(c.name)}" was deleted here after the copy was made; brought back because the merged project applied it`
            : `code "${String(c.name)}" was deleted here after the copy was made; left deleted`,
        });
        if (!isUsed) continue;
      }
      const shortcutTaken =
        c.shortcut !== null &&
        this.get('SELECT 1 AS x FROM codes WHERE shortcut = @s', { s: c.shortcut }) !== undefined;
      const { next } = this.get<{ next: number }>(
        'SELECT ifnull(max(position) + 1, 0) AS next FROM codes WHERE ifnull(parent_id, 0) = ifnull(@parent, 0)',
        { parent },
      )!;
      const row = this.w.insert('codes', {
        ...c,
        id: null,
        parent_id: parent,
        shortcut: shortcutTaken ? null : c.shortcut,
        position: next,
      });
      this.codes.set(c.id, row.id as number);
      matched.add(row.id as number);
      this.counts.added.codes++;
    }
    if (this.from.copiedAt === null) return;
    const before = statement(this.db, 'SELECT id, name FROM codes WHERE created_at < @at').all({
      at: this.from.copiedAt,
    }) as { id: number; name: string }[];
    for (const c of before)
      if (!matched.has(c.id))
        this.conflicts.push({
          kind: 'code_deleted',
          message: `code "${c.name}" was deleted in the merged project: kept here (a merge never deletes)`,
        });
  }

  /** FROM codes with segments or memos of their own or of a descendant. */
  private usedCodes(): Set<number> {
    const parentOf = new Map(this.from.codes.map((c) => [c.id, c.parent_id as number | null]));
    const used = new Set<number>();
    const direct = [...this.from.segments.map((s) => s.code_id), ...this.from.memos.map((m) => m.code_id)];
    for (const start of direct) {
      for (
        let id = start as number | null;
        id !== null && id !== undefined && !used.has(id);
        id = parentOf.get(id) ?? null
      )
        used.add(id);
    }
    return used;
  }

  mergeSegments(): void {
    for (const s of this.from.segments) {
      if (this.get('SELECT 1 AS x FROM segments WHERE guid = @guid', { guid: s.guid })) {
        this.counts.alreadyPresent.segments++;
        continue;
      }
      const document = this.documents.get(s.document_id as number);
      const code = this.codes.get(s.code_id as number);
      const coder = this.coders.get(s.coder_id as number);
      if (document === undefined || code === undefined || coder === undefined) continue;
      const edited = this.edited.get(document);
      if (edited && edited.text.slice(s.start_utf16 as number, s.end_utf16 as number) !== s.text) {
        edited.skipped++;
        continue;
      }
      const same = this.get(
        `SELECT 1 AS x FROM segments WHERE document_id = @document AND code_id = @code AND coder_id = @coder
           AND start_utf16 = @start AND end_utf16 = @end`,
        { document, code, coder, start: s.start_utf16, end: s.end_utf16 },
      );
      if (same) {
        this.counts.alreadyPresent.segments++;
        continue;
      }
      this.w.insert('segments', { ...s, id: null, document_id: document, code_id: code, coder_id: coder });
      this.counts.added.segments++;
    }
    for (const e of this.edited.values())
      this.conflicts.push({
        kind: 'document_edited',
        message: `document "${e.title}" has a different text in the merged project: this project's text kept${
          e.skipped > 0 ? `, and ${e.skipped} of its segments there that no longer fit were left out` : ''
        }`,
      });
  }

  mergeMemos(): void {
    for (const m of this.from.memos) {
      if (this.get('SELECT 1 AS x FROM memos WHERE guid = @guid', { guid: m.guid })) {
        this.counts.alreadyPresent.memos++;
        continue;
      }
      const document = m.document_id === null ? null : this.documents.get(m.document_id as number);
      const code = m.code_id === null ? null : this.codes.get(m.code_id as number);
      if (document === undefined || code === undefined) continue;
      // The same note on the same thing (a .qdpx's import report, made anew by each import) is there.
      const same = this.get(
        `SELECT 1 AS x FROM memos WHERE document_id IS @document AND code_id IS @code AND title = @title
           AND body = @body`,
        { document, code, title: m.title ?? null, body: m.body ?? null },
      );
      if (same) {
        this.counts.alreadyPresent.memos++;
        continue;
      }
      this.w.insert('memos', { ...m, id: null, document_id: document, code_id: code });
      this.counts.added.memos++;
    }
  }
}

/** Codes ordered so every parent comes before its children. */
function parentsFirst(codes: readonly SourceCode[]): SourceCode[] {
  const children = new Map<number | null, SourceCode[]>();
  for (const c of codes) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c]);
  const out: SourceCode[] = [];
  const queue = [...(children.get(null) ?? [])];
  while (queue.length > 0) {
    const c = queue.shift()!;
    out.push(c);
    queue.push(...(children.get(c.id) ?? []));
  }
  return out;
}
