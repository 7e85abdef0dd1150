// Contract of anonymisation at the door and the privacy scan (issue 16).
import { z } from 'zod';
import type { ReviewGroup } from '../privacy/plan';
import { FINDING_KINDS, type AnonymisedSpan } from '../privacy/types';
import type { JobStarted } from './jobs';
import { filePath, id, name } from './schemas';

const surface = z.string().min(1, 'text is empty').max(500);

/** The researcher's decisions (shared/privacy/types.ts Decisions), also read from --decisions FILE.json. */
export const decisionsSchema = z
  .object({
    reject: z.array(surface).max(100_000).optional(),
    replace: z.record(surface, z.string().min(1).max(200)).optional(),
    add: z
      .array(
        z
          .object({
            text: surface,
            kind: z.enum(FINDING_KINDS).optional(),
            replacement: z.string().min(1).max(200).optional(),
          })
          .strict(),
      )
      .max(10_000)
      .optional(),
    rejectAt: z
      .array(
        z.object({ file: z.string().min(1).max(1000), startUtf16: z.number().int().nonnegative() }).strict(),
      )
      .max(100_000)
      .optional(),
  })
  .strict();

const upload = z
  .object({ name: z.string().min(1).max(1000), dataBase64: z.string().max(90_000_000) })
  .strict();

const sources = {
  /** Files or folders (recursive) the backend reads. */
  paths: z.array(filePath).max(10_000).default([]),
  /** Files sent by the renderer (browser mode). */
  files: z.array(upload).max(10_000).default([]),
  kind: z.enum(['interview', 'document']).default('interview'),
  decisions: decisionsSchema.default({}),
};
const someFiles = (a: { paths: string[]; files: unknown[] }) => a.paths.length + a.files.length > 0;

export const privacyArgs = {
  /** Findings in files about to be imported, grouped by surface form, with proposed replacements. */
  'privacy.review': z.object(sources).strict().refine(someFiles, 'no files given to review'),
  /** Imports the files with the decided replacements: only the anonymised text enters the project. */
  'privacy.import': z
    .object({ ...sources, groupName: name.optional(), allowDuplicates: z.boolean().default(false) })
    .strict()
    .refine(someFiles, 'no files given to import'),
  /** Writes anonymised copies (plain text) of the files into a folder, nothing into the project. */
  'privacy.anonymiseFiles': z
    .object({ ...sources, outDir: filePath })
    .strict()
    .refine(someFiles, 'no files given to anonymise'),
  /**
   * Findings in documents already imported that have no segments yet (coding has not started, so
   * their text could still be replaced); nothing is changed.
   */
  'privacy.reviewDocuments': z
    .object({ documentIds: z.array(id).max(100_000).optional(), decisions: decisionsSchema.default({}) })
    .strict(),
  /**
   * Rewrites those documents with the decided replacements in one step (all or none); documents given
   * that have segments are refused by title. Not on the undo journal: it would keep the real text.
   */
  'privacy.anonymiseDocuments': z
    .object({ documentIds: z.array(id).max(100_000).optional(), decisions: decisionsSchema.default({}) })
    .strict(),
  /**
   * Undoes the last privacy.anonymiseDocuments from the originals kept in the identity key, all or
   * none, while each document is unchanged and uncoded since.
   */
  'privacy.restoreDocuments': z.object({}).strict(),
  /** privacy.review, privacy.reviewDocuments and privacy.scan as jobs (progress, cancel) for big corpora. */
  'privacy.review.start': z.object(sources).strict().refine(someFiles, 'no files given to review'),
  'privacy.reviewDocuments.start': z
    .object({ documentIds: z.array(id).max(100_000).optional(), decisions: decisionsSchema.default({}) })
    .strict(),
  'privacy.scan.start': z.object({ files: z.array(filePath).max(1000).default([]) }).strict(),
  /** Looks for every real name and contact in the identity key in the project and in the files given. */
  'privacy.scan': z.object({ files: z.array(filePath).max(1000).default([]) }).strict(),
  /** A participant's real name, other names and contact, kept in the identity key. */
  'privacy.identity.set': z
    .object({
      participantId: id,
      name: z.string().max(300),
      aliases: z.array(z.string().min(1).max(300)).max(50).default([]),
      contact: z.string().max(2000).default(''),
    })
    .strict(),
  /** Every participant with what the identity key holds for them (real name, other names, contact). */
  'privacy.identity.list': z.object({}).strict(),
  /** Where a document's placeholders are (no real string: the reader marks them). */
  'privacy.spans': z.object({ documentId: id }).strict(),
  'privacy.terms.get': z.object({}).strict(),
  /** The researcher's own terms to find (a unit's name, a base), kept in the identity key. */
  'privacy.terms.set': z.object({ terms: z.array(z.string().trim().min(1).max(300)).max(10_000) }).strict(),
};

export interface ReviewResult {
  groups: ReviewGroup[];
  files: { name: string; words: number }[];
  failed: { name: string; reason: string }[];
}

export interface ScanHit {
  where: string;
  participant: string | null;
  found: string;
}

export interface ScanResult {
  hits: ScanHit[];
  searched: { tables: number; values: number; files: string[] };
}

export interface KeyIdentity {
  participantId: number;
  label: string;
  name: string;
  aliases: string[];
  /** Free text: emails and phone numbers separated by ; or new lines. */
  contact: string;
}

export interface AnonymisedDocument {
  id: number;
  /** The title after anonymisation. */
  title: string;
  replacements: number;
}

export interface AnonymisedCopy {
  name: string;
  out: string;
  replacements: number;
}

export interface PrivacyResults {
  'privacy.review': ReviewResult;
  'privacy.reviewDocuments': ReviewResult;
  'privacy.anonymiseDocuments': { documents: AnonymisedDocument[] };
  'privacy.restoreDocuments': { documents: { id: number; title: string }[] };
  /** Each job's result: ReviewResult, ReviewResult, ScanResult. */
  'privacy.review.start': JobStarted;
  'privacy.reviewDocuments.start': JobStarted;
  'privacy.scan.start': JobStarted;
  'privacy.import': JobStarted;
  'privacy.anonymiseFiles': ReviewResult & { written: AnonymisedCopy[] };
  'privacy.scan': ScanResult;
  'privacy.identity.set': null;
  'privacy.identity.list': { people: KeyIdentity[] };
  'privacy.spans': AnonymisedSpan[];
  'privacy.terms.get': { terms: string[] };
  'privacy.terms.set': { terms: string[] };
}
