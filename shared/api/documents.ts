// Contract of the documents: import, document list and metadata, attributes, speaker turns.
import { z } from 'zod';
import type { JobStarted } from './jobs';
import { filePath, id, name, shortText } from './schemas';

export const DOCUMENT_KINDS = ['interview', 'document'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_FORMATS = ['txt', 'md', 'docx', 'pdf', 'html', 'odt'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export type AttributeValue = string | number | boolean | null;

export interface DocumentSummary {
  id: number;
  title: string;
  kind: DocumentKind;
  fileName: string;
  format: DocumentFormat;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  date: string | null;
  year: number | null;
  author: string | null;
  pageCount: number | null;
  wordCount: number;
  participantId: number | null;
  importedAt: string;
  segmentCount: number;
  attributes: Record<string, AttributeValue>;
}

/** Offsets are 0-based UTF-16 code units into DocumentContent.text, end exclusive. */
/** A speaker label of a transcript and how many turns carry it. */
export interface SpeakerCount {
  speaker: string;
  turns: number;
}

export interface Turn {
  id: number;
  speaker: string;
  startUtf16: number;
  endUtf16: number;
}

export interface Page {
  page: number;
  startUtf16: number;
  endUtf16: number;
}

export interface DocumentContent {
  document: DocumentSummary;
  text: string;
  turns: Turn[];
  pages: Page[];
}

export interface AttributeDefinition {
  id: number;
  name: string;
  type: AttributeType;
  /** How many documents have a value for it. */
  usedBy: number;
}

/** One file's outcome in an import; `name` is the path relative to what the user chose. */
export interface ImportFailure {
  name: string;
  reason: string;
}

export interface ImportSummary {
  imported: { name: string; documentId: number; title: string }[];
  /** Same content hash as a document already in the project (or earlier in this import). */
  duplicates: { name: string; existingDocumentId: number; existingTitle: string }[];
  failed: ImportFailure[];
  groupId: number | null;
  /** True when the import was cancelled: files not reached are listed nowhere. */
  cancelled: boolean;
}

export interface AttributeCsvSummary {
  /** Rows whose key matched a document. */
  matched: number;
  /** Row keys that matched no document (file name or title). */
  unmatched: string[];
  /** Attributes created by this import, with the type inferred from the column. */
  created: { name: string; type: AttributeType }[];
  valuesSet: number;
}

const kind = z.enum(DOCUMENT_KINDS);
const dateText = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD');
const attributeValue = z.union([z.string().max(10_000), z.number().finite(), z.boolean(), z.null()]);

/** Largest upload per call: base64 inflates by 4/3 and browser mode caps a request at 64 MB. */
export const MAX_UPLOAD_BATCH_BYTES = 32 * 1024 * 1024;
const upload = z
  .object({
    // The relative path the user picked (webkitRelativePath) or the bare file name.
    name: z.string().min(1).max(1000),
    dataBase64: z.string().max(Math.ceil((MAX_UPLOAD_BATCH_BYTES * 4) / 3) + 4),
  })
  .strict();

export const documentsArgs = {
  'documents.get': z.object({ id }).strict(),
  'documents.list': z
    .object({
      kind: kind.optional(),
      groupId: id.optional(),
      /** Case-insensitive substring of the title. */
      titleContains: shortText.optional(),
      limit: z.number().int().positive().max(100_000).optional(),
      offset: z.number().int().nonnegative().max(10_000_000).optional(),
    })
    .strict(),
  'documents.import': z
    .object({
      /** Files or folders (recursive) the backend reads. */
      paths: z.array(filePath).max(10_000).default([]),
      /** Files sent by the renderer (browser mode, drag-and-drop). */
      files: z.array(upload).max(10_000).default([]),
      kind: kind.default('document'),
      groupName: name.optional(),
      allowDuplicates: z.boolean().default(false),
    })
    .strict()
    .refine((a) => a.paths.length + a.files.length > 0, 'nothing to import: give paths or files')
    .refine(
      (a) => a.files.reduce((n, f) => n + f.dataBase64.length, 0) <= (MAX_UPLOAD_BATCH_BYTES * 4) / 3 + 4,
      'files: upload larger than 32 MB in one call — send them in batches',
    ),
  'documents.update': z
    .object({
      id,
      title: name.optional(),
      kind: kind.optional(),
      date: dateText.nullable().optional(),
      author: shortText.nullable().optional(),
      participantId: id.nullable().optional(),
    })
    .strict(),
  'documents.delete': z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
  'documents.deletionImpact': z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
  'attributes.list': z.object({}).strict(),
  'attributes.define': z.object({ name, type: z.enum(ATTRIBUTE_TYPES) }).strict(),
  'attributes.delete': z.object({ id }).strict(),
  'attributes.set': z.object({ documentId: id, name, value: attributeValue }).strict(),
  'attributes.importCsv': z
    .object({
      /** Either a CSV file the backend reads, or its text (browser mode). */
      path: filePath.optional(),
      csv: z.string().max(50_000_000).optional(),
      /** Column holding the file name or title; default: the first column. */
      keyColumn: shortText.optional(),
    })
    .strict()
    .refine((a) => (a.path === undefined) !== (a.csv === undefined), 'give exactly one of path or csv'),
  /** The transcript's speaker labels with their turn counts (without fetching its text). */
  'turns.speakers': z.object({ documentId: id }).strict(),
  'turns.renameSpeaker': z.object({ documentId: id, from: z.string().min(1).max(200), to: name }).strict(),
};

export interface DocumentsResults {
  'documents.get': DocumentContent;
  'documents.list': DocumentSummary[];
  'documents.import': JobStarted;
  'documents.update': DocumentSummary;
  /** Undoable: the documents go with their segments, memos, pages, turns, values and memberships. */
  'documents.delete': { deleted: number; segments: number; memos: number };
  'documents.deletionImpact': { documents: number; segments: number; memos: number };
  'attributes.list': AttributeDefinition[];
  'attributes.define': AttributeDefinition;
  'attributes.delete': null;
  'attributes.set': DocumentSummary;
  'attributes.importCsv': AttributeCsvSummary;
  'turns.speakers': SpeakerCount[];
  'turns.renameSpeaker': { renamed: number; turns: Turn[] };
}
