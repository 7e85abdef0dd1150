// Contract of team coding: coders (beyond coders.list / coders.setCurrent in coding.ts), coding copies,
// merging a coder's project, inter-coder agreement and its disagreements.
import { z } from 'zod';
import { AGREEMENT_UNITS, type AgreementUnit } from '../team/units';
import { MAX_CODERS } from '../team/tally';
import type { Coder } from './coding';
import { filePath, id, name, offset } from './schemas';

export const AGREEMENT_FILE_FORMATS = ['docx', 'csv', 'json'] as const;
export type AgreementFileFormat = (typeof AGREEMENT_FILE_FORMATS)[number];

const coderColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #RRGGBB')
  .nullable();

const comparedCoders = z
  .array(name)
  .min(2, 'choose at least two coders to compare')
  .max(MAX_CODERS, `at most ${MAX_CODERS} coders can be compared`)
  .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, {
    message: 'a coder is listed twice',
  });

const agreementScope = {
  /** Coders by name (case-insensitive). */
  coders: comparedCoders,
  /** Default: every code a chosen coder applied in the compared documents. */
  codeIds: z.array(id).min(1).max(10_000).optional(),
  unit: z.enum(AGREEMENT_UNITS).default('characters'),
  /** Compare this document group; default: documents every chosen coder has coded at least once. */
  documentGroupId: id.optional(),
};

export const teamArgs = {
  'coders.current': z.object({}).strict(),
  'coders.add': z.object({ name, color: coderColor.optional() }).strict(),
  'coders.rename': z.object({ id, name }).strict(),
  'coders.setColor': z.object({ id, color: coderColor }).strict(),

  'team.agreement': z.object(agreementScope).strict(),
  /** The units where the coders differ, document by document, in pages. */
  'team.disagreements': z
    .object({
      ...agreementScope,
      documentId: id.optional(),
      limit: z.number().int().positive().max(1_000).default(200),
      offset: z.number().int().nonnegative().default(0),
    })
    .strict(),
  /** One copy of the open project per coder, written into `folder`, each opening as its coder. */
  'team.makeCopies': z
    .object({
      coders: z.array(name).min(1).max(MAX_CODERS),
      folder: filePath,
      /** Leave every segment out of the copies (blind double-coding). */
      withoutSegments: z.boolean().default(false),
    })
    .strict(),
  /**
   * Settles a disagreement as the `consensus` coder: on this passage, the consensus keeps the segments of
   * `keep` (their union) for the code, or none when `keep` is empty. One undo step.
   */
  'team.settle': z
    .object({
      documentId: id,
      codeId: id,
      startUtf16: offset,
      endUtf16: offset,
      keep: z.array(name).max(MAX_CODERS),
    })
    .strict(),
  /** The agreement table as a file's bytes, for the app to save (Word appendix with definitions, CSV, JSON). */
  'team.agreementFile': z.object({ ...agreementScope, format: z.enum(AGREEMENT_FILE_FORMATS) }).strict(),
  /**
   * Writes the agreement table to `file`, its format from the name (.docx, .csv, .json); a relative name
   * is taken in the export folder. Never replaces the project or its backups; an existing file only with
   * `overwrite`.
   */
  'team.exportAgreement': z
    .object({ ...agreementScope, file: filePath, overwrite: z.boolean().default(false) })
    .strict(),
  /**
   * Brings another Passage project's coding into the open one (a backup of it is written first); a
   * REFI-QDA project (.qdpx) from another tool is imported first and merged the same way.
   */
  'team.merge': z.object({ from: filePath }).strict(),
};

export interface AgreementMeasuresView {
  units: number;
  percentAgreement: number | null;
  kappa: number | null;
  alpha: number | null;
  /** Units on which each compared coder applied the code(s), in the order of `coders`. */
  applied: number[];
}

export interface CodeAgreement extends AgreementMeasuresView {
  codeId: number;
  code: { name: string; path: string; color: string };
}

export interface AgreementReport {
  unit: AgreementUnit;
  coders: string[];
  documentCount: number;
  documentIds: number[];
  codes: CodeAgreement[];
  overall: AgreementMeasuresView;
  /** The definitions of the measures and of the unit, to print with the table. */
  definitions: string[];
}

export interface AgreementFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export interface AgreementExport {
  path: string;
  format: AgreementFileFormat;
  bytes: number;
}

export interface Disagreement {
  documentId: number;
  documentTitle: string;
  codeId: number;
  codeName: string;
  startUtf16: number;
  endUtf16: number;
  /** The unit's text (shortened to 300 characters). */
  text: string;
  appliedBy: string[];
  notAppliedBy: string[];
}

export interface Disagreements {
  total: number;
  items: Disagreement[];
}

export interface CodingCopy {
  coder: string;
  path: string;
  segments: number;
}

export interface MergeConflict {
  kind:
    | 'code_renamed'
    | 'code_moved'
    | 'code_deleted'
    | 'document_edited'
    | 'document_deleted'
    | 'attribute_type'
    | 'attribute_differs'
    | 'participant_differs';
  /** What the conflict is about and how it was resolved, in plain words. */
  message: string;
}

export interface MergeReport {
  from: string;
  into: string;
  /** Where INTO was copied before anything was written. */
  backup: string;
  added: {
    coders: number;
    /** Matched by GUID, then by label; new ones keep FROM's GUID. */
    participants: number;
    documents: number;
    codes: number;
    codeGroups: number;
    documentGroups: number;
    segments: number;
    memos: number;
    attributes: number;
    attributeValues: number;
  };
  /** Rows of FROM already in INTO (same GUID), left as they are. */
  alreadyPresent: { documents: number; codes: number; segments: number; memos: number };
  conflicts: MergeConflict[];
  /** Whether one undo reverses the merge; false for merges too large to journal (the backup is the way back). */
  undoable: boolean;
  warnings: string[];
}

export interface SettleResult {
  /** Consensus segments written for the passage. */
  added: number;
  /** Earlier consensus segments there, replaced. */
  removed: number;
}

export interface TeamResults {
  'coders.current': Coder;
  'coders.add': Coder;
  'coders.rename': Coder;
  'coders.setColor': Coder;
  'team.agreement': AgreementReport;
  'team.agreementFile': AgreementFile;
  'team.exportAgreement': AgreementExport;
  'team.disagreements': Disagreements;
  'team.makeCopies': CodingCopy[];
  'team.merge': MergeReport;
  'team.settle': SettleResult;
}
