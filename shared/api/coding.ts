// Contract of the coding: codebook, code groups, segments, memos, coders, undo/redo, templates.
// Offsets are 0-based UTF-16 code units into the document text, end exclusive (shared/offsets.ts
// converts them to Unicode code points for REFI-QDA).
import { z } from 'zod';
import { filePath, id, longText, name, noArgs, offset, shortText } from './schemas';

/** `#RRGGBB`, what the schema's CHECK on codes.color accepts. */
export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #RRGGBB');
/** One printable key (a letter or digit, optionally with a modifier prefix such as "Alt+1"); null clears it. */
export const shortcut = z
  .string()
  .trim()
  .min(1, 'shortcut is empty')
  .max(20, 'shortcut is longer than 20 characters')
  .nullable();
const codeName = name;
const limit = z.number().int().positive().max(10_000);
const memoTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }).strict(),
  z.object({ kind: z.literal('document'), id }).strict(),
  z.object({ kind: z.literal('code'), id }).strict(),
  z.object({ kind: z.literal('segment'), id }).strict(),
]);

export const codingArgs = {
  'codes.list': noArgs,
  'codes.create': z
    .object({
      name: codeName,
      parentId: id.nullable().optional(),
      color: color.optional(),
      description: longText.optional(),
      shortcut: shortcut.optional(),
      /** Index among the new siblings; appended when absent. */
      position: z.number().int().nonnegative().max(100_000).optional(),
    })
    .strict(),
  'codes.update': z
    .object({
      id,
      name: codeName.optional(),
      color: color.optional(),
      description: longText.optional(),
      shortcut: shortcut.optional(),
      /** False makes the code a heading of its sub-codes that can't be applied. */
      codable: z.boolean().optional(),
    })
    .strict(),
  /** Re-parent and/or reorder: `position` is the index among the siblings under `parentId` after the move. */
  'codes.move': z
    .object({ id, parentId: id.nullable(), position: z.number().int().nonnegative().max(100_000) })
    .strict(),
  /** Moves everything of `sourceId` into `targetId`, then removes the source. */
  'codes.merge': z.object({ sourceId: id, targetId: id }).strict(),
  /** What deleting a code would remove: ask the user with these numbers first. */
  'codes.usage': z.object({ id }).strict(),
  /** Deletes the code, its whole subtree and all their segments (undoable). */
  'codes.delete': z.object({ id }).strict(),

  'codeGroups.list': noArgs,
  'codeGroups.create': z
    .object({ name, description: shortText.optional(), codeIds: z.array(id).max(10_000).optional() })
    .strict(),
  'codeGroups.update': z.object({ id, name: name.optional(), description: shortText.optional() }).strict(),
  'codeGroups.delete': z.object({ id }).strict(),
  'codeGroups.setMembers': z.object({ id, codeIds: z.array(id).max(10_000) }).strict(),

  'segments.listByDocument': z.object({ documentId: id }).strict(),
  /**
   * Where the document's segments lie, which code each carries and whose they are: what the reader lays
   * out. `coderIds` limits them to those coders (the reader's "mine" or "chosen coders" views); `range`
   * to those overlapping it (the reader's first screen, before the rest of a dense transcript).
   */
  'segments.spansByDocument': z
    .object({
      documentId: id,
      coderIds: z.array(id).max(1_000).optional(),
      range: z
        .object({ startUtf16: offset, endUtf16: offset })
        .strict()
        .refine((r) => r.endUtf16 > r.startUtf16, {
          message: 'the range must end after it starts',
          path: ['endUtf16'],
        })
        .optional(),
    })
    .strict(),
  'segments.get': z.object({ id }).strict(),
  /**
   * Codes a span for the session's coder. Where that coder's segments of the same code overlap or touch
   * the span, the first grows to cover them all and the others are folded into it (one undo step); an
   * identical span already coded by them returns their segment and records nothing. Other coders'
   * segments are never touched.
   */
  'segments.apply': z
    .object({ documentId: id, codeId: id, startUtf16: offset, endUtf16: offset, memo: longText.optional() })
    .strict(),
  /**
   * In-vivo coding as one undo step: a top-level code named by the span's words (reused when one has
   * that name) is created if needed and applied to the span.
   */
  'segments.applyInVivo': z.object({ documentId: id, startUtf16: offset, endUtf16: offset }).strict(),
  'segments.remove': z.object({ id }).strict(),
  'segments.resize': z.object({ id, startUtf16: offset, endUtf16: offset }).strict(),
  'segments.recode': z.object({ id, codeId: id }).strict(),
  'segments.setMemo': z.object({ id, memo: longText }).strict(),
  /** Retrieved segments of a code, in document order, each with surrounding context. */
  'segments.listByCode': z
    .object({
      codeId: id,
      /** Also the segments of every descendant code. */
      includeDescendants: z.boolean().optional(),
      documentId: id.optional(),
      /** UTF-16 units of context on each side (default 150). */
      contextChars: z.number().int().nonnegative().max(5_000).optional(),
      limit: limit.optional(),
      offset: z.number().int().nonnegative().optional(),
    })
    .strict(),
  /** The next/previous segment of a code after/before a position, across documents (ordered by document id). */
  'segments.neighbor': z
    .object({
      codeId: id,
      fromDocumentId: id,
      fromStartUtf16: offset,
      direction: z.enum(['next', 'previous']),
      /** Wrap from the last document to the first (default true). */
      wrap: z.boolean().optional(),
    })
    .strict(),

  'memos.list': z.object({ query: shortText.optional(), target: memoTarget.optional() }).strict(),
  /** Project memo without documentId/codeId; a document or code memo with one of them. */
  'memos.create': z
    .object({
      documentId: id.optional(),
      codeId: id.optional(),
      title: shortText.optional(),
      body: longText,
    })
    .strict(),
  'memos.update': z.object({ id, title: shortText.optional(), body: longText.optional() }).strict(),
  'memos.delete': z.object({ id }).strict(),

  'coders.list': noArgs,
  'coders.setCurrent': z.object({ name }).strict(),

  'undo.undo': noArgs,
  'undo.redo': noArgs,
  'undo.state': noArgs,

  'templates.list': noArgs,
  /** A shipped template by `name` (see templates.list), or a codebook file (.json in Passage's format, .qdc) by `path`. */
  'templates.load': z.object({ name: z.string().max(100).optional(), path: filePath.optional() }).strict(),
};

export interface Code {
  id: number;
  parentId: number | null;
  name: string;
  /** `#RRGGBB`. */
  color: string;
  description: string;
  shortcut: string | null;
  /** Order among siblings (ascending). */
  position: number;
  /**
   * False for a heading that groups sub-codes and is never applied (REFI-QDA's isCodable="false").
   * The backend always sends it; absent (older fakes) counts as applicable.
   */
  codable?: boolean;
  /** Segments of this code itself (not of its descendants). */
  segmentCount: number;
  /** Documents with at least one segment of this code. */
  documentCount: number;
  groupIds: number[];
}

export interface CodeGroup {
  id: number;
  name: string;
  description: string;
  position: number;
  codeIds: number[];
}

/** A coded span; offsets are UTF-16 code units into the document text, end exclusive. */
/** A segment's place and code, without its quote, memo or history (see Segment). */
export interface SegmentSpan {
  id: number;
  codeId: number;
  /** The coder whose segment it is (coders.list). */
  coderId: number;
  startUtf16: number;
  endUtf16: number;
}

export interface Segment {
  id: number;
  documentId: number;
  codeId: number;
  startUtf16: number;
  endUtf16: number;
  /** The quoted text, copied at coding time. */
  text: string;
  memo: string;
  coder: string;
  createdAt: string;
  updatedAt: string;
}

export interface RetrievedSegment extends Segment {
  documentTitle: string;
  codeName: string;
  /** Text just before and after the segment (up to contextChars each, cut at a line break). */
  before: string;
  after: string;
}

export interface RetrievedSegments {
  total: number;
  items: RetrievedSegment[];
}

export interface SegmentNeighbor extends Segment {
  documentTitle: string;
}

export interface CodeMergeResult {
  code: Code;
  segmentsMoved: number;
  duplicatesCollapsed: number;
}

export interface CodeUsage {
  /** Codes that would be deleted: the code and all its descendants. */
  codes: number;
  /** Segments of all of them. */
  segments: number;
  documents: number;
  memos: number;
}

export interface CodeDeleteResult {
  deletedCodes: number;
  deletedSegments: number;
}

export type MemoKind = 'project' | 'document' | 'code' | 'segment';

export interface Memo {
  /** Memo row id; for kind 'segment' the segment id (edit it with segments.setMemo). */
  id: number;
  kind: MemoKind;
  /** Document, code or segment id; null for project memos. */
  targetId: number | null;
  /** Document title, code name or the segment's quoted text (shortened); '' for project memos. */
  targetLabel: string;
  /** For segment memos: where the segment is, to jump to it. */
  documentId: number | null;
  startUtf16: number | null;
  endUtf16: number | null;
  title: string;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface Coder {
  id: number;
  name: string;
  /** `#RRGGBB` for the coder's stripes and highlights, or null (the app picks one). */
  color: string | null;
  segmentCount: number;
  current: boolean;
}

export interface UndoState {
  /** Label of what undo would reverse ("Apply code Learning stage"), or null. */
  undo: string | null;
  redo: string | null;
}

export interface UndoResult {
  /** The label of the entry undone/redone; null when there was nothing to do. */
  label: string | null;
  state: UndoState;
}

export interface TemplateInfo {
  name: string;
  title: string;
  description: string;
  codeCount: number;
  groupCount: number;
}

export interface TemplateLoadResult {
  codesCreated: number;
  /** Codes of the template already present (same name under the same parent): reused, not duplicated. */
  codesExisting: number;
  groupsCreated: number;
  membershipsAdded: number;
}

export interface CodingResults {
  'codes.list': Code[];
  'codes.create': Code;
  'codes.update': Code;
  'codes.move': Code;
  'codes.merge': CodeMergeResult;
  'codes.usage': CodeUsage;
  'codes.delete': CodeDeleteResult;
  'codeGroups.list': CodeGroup[];
  'codeGroups.create': CodeGroup;
  'codeGroups.update': CodeGroup;
  'codeGroups.delete': null;
  'codeGroups.setMembers': CodeGroup;
  'segments.listByDocument': Segment[];
  'segments.spansByDocument': SegmentSpan[];
  'segments.get': Segment;
  'segments.apply': Segment;
  'segments.applyInVivo': { segment: Segment; code: Code; codeCreated: boolean };
  'segments.remove': null;
  'segments.resize': Segment;
  'segments.recode': Segment;
  'segments.setMemo': Segment;
  'segments.listByCode': RetrievedSegments;
  'segments.neighbor': SegmentNeighbor | null;
  'memos.list': Memo[];
  'memos.create': Memo;
  'memos.update': Memo;
  'memos.delete': null;
  'coders.list': Coder[];
  'coders.setCurrent': Coder;
  'undo.undo': UndoResult;
  'undo.redo': UndoResult;
  'undo.state': UndoState;
  'templates.list': TemplateInfo[];
  'templates.load': TemplateLoadResult;
}
