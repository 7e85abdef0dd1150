// Contract of the search: full-text search, document groups, auto-coding of hits.
// Offsets are 0-based UTF-16 code units into the stored document text, end exclusive.
import { z } from 'zod';
import { id, name, noArgs, shortText } from './schemas';
import { CODING_UNITS, type CodingUnit } from '../search/units';
import type { Snippet } from '../search/snippets';

export type { Snippet } from '../search/snippets';
export type { CodingUnit } from '../search/units';

/** The researcher's query (syntax in shared/search/query.ts); a malformed one fails with `search: …`. */
const query = z.string().max(1000, 'query is longer than 1000 characters');
const year = z.number().int().min(0).max(9999);
const documentIds = z.array(id).min(1, 'no documents given').max(100_000);
/** Match English word forms ("NGO" finds "NGOs"; default) or only the exact words. */
const stemming = z.boolean().optional();

export const searchFilters = z
  .object({
    kind: z.enum(['interview', 'document']).optional(),
    /** Inclusive; documents without a date are left out when either bound is given. */
    yearFrom: year.optional(),
    yearTo: year.optional(),
    /** Only documents in this group. */
    groupId: id.optional(),
    /** Every pair must hold (document attributes; values compared as text, case-insensitively). */
    attributes: z
      .array(z.object({ name, value: shortText }).strict())
      .max(20)
      .optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFilters>;

const codeChoice = {
  /** An existing code … */
  codeId: id.optional(),
  /** … or a code by name (top level), created if missing when applying. */
  codeName: name.optional(),
};
const oneCode = (args: { codeId?: number | undefined; codeName?: string | undefined }): boolean =>
  (args.codeId === undefined) !== (args.codeName === undefined);
const autocodeArgs = z
  .object({ query, stemming, filters: searchFilters.optional(), unit: z.enum(CODING_UNITS), ...codeChoice })
  .strict()
  .refine(oneCode, { message: 'give exactly one of codeId and codeName', path: ['codeId'] });

export const searchArgs = {
  /** Documents matching the query, best first, with hit counts and snippets for this page only. */
  'search.run': z
    .object({
      query,
      stemming,
      filters: searchFilters.optional(),
      offset: z.number().int().nonnegative().max(1_000_000).optional(),
      /** Page size (default 50). */
      limit: z.number().int().positive().max(200).optional(),
      order: z.enum(['relevance', 'title', 'date']).optional(),
      /**
       * false: the hit list alone (titles, order, total) without reading any document's text, so it
       * comes at once however long the documents are; hit counts, first hits and snippets are then
       * null, null and []. Default true.
       */
      snippets: z.boolean().optional(),
    })
    .strict(),
  /** Ids of every matching document, without counts or snippets (fast: for selections and groups). */
  'search.documentIds': z.object({ query, stemming, filters: searchFilters.optional() }).strict(),
  /** Where the query's terms occur in one document, for the reader's highlights and next/previous. */
  'search.hitsInDocument': z.object({ documentId: id, query, stemming }).strict(),
  /** Values the filters can take: kinds, years, attributes with their values, groups. */
  'search.filterOptions': noArgs,

  /** What auto-coding would do: how many segments in how many documents. Writes nothing. */
  'autocode.preview': autocodeArgs,
  /** Codes every hit (expanded to the unit) as ONE undoable step. */
  'autocode.apply': autocodeArgs,

  'documentGroups.list': noArgs,
  'documentGroups.create': z
    .object({ name, description: shortText.optional(), documentIds: z.array(id).max(100_000).optional() })
    .strict(),
  /** A group of every document the search finds now; the query is kept on the group. */
  'documentGroups.createFromSearch': z
    .object({ name, query, stemming, filters: searchFilters.optional(), description: shortText.optional() })
    .strict(),
  'documentGroups.rename': z.object({ id, name }).strict(),
  'documentGroups.delete': z.object({ id }).strict(),
  'documentGroups.addDocuments': z.object({ id, documentIds }).strict(),
  'documentGroups.removeDocuments': z.object({ id, documentIds }).strict(),
  'documentGroups.documents': z.object({ id }).strict(),
};

export type DocumentKind = 'interview' | 'document';

export interface HitRangeUtf16 {
  startUtf16: number;
  endUtf16: number;
}

export interface SearchResultItem {
  documentId: number;
  title: string;
  kind: DocumentKind;
  date: string | null;
  /** Hits in the document's text; null when asked with `snippets: false` (not counted). */
  hitCount: number | null;
  /** The first hit, where the reader should open (null also when not looked for). */
  firstHit: HitRangeUtf16 | null;
  snippets: Snippet[];
}

export interface SearchPage {
  query: string;
  /** Whether word forms were matched (the stemmed index) or exact words only. */
  stemming: boolean;
  /** The same in the researcher's words: "Matching word forms (English stemming)" or "Exact words". */
  matching: string;
  /** Matching documents in all (not just this page). */
  total: number;
  offset: number;
  items: SearchResultItem[];
}

export interface DocumentHits {
  documentId: number;
  hits: HitRangeUtf16[];
}

export interface SearchFilterOptions {
  kinds: { kind: DocumentKind; count: number }[];
  years: { min: number; max: number } | null;
  attributes: { name: string; type: string; values: string[] }[];
  groups: { id: number; name: string; documentCount: number }[];
}

export interface AutocodePreview {
  unit: CodingUnit;
  /** Documents the search finds. */
  documents: number;
  hits: number;
  /** Segments that applying would create … */
  segments: number;
  /** … in this many documents. */
  segmentDocuments: number;
  /** Ranges already coded with this code (left alone). */
  alreadyCoded: number;
  /** For unit 'turn': hits outside every speaker turn, coded by their paragraph instead. */
  outsideTurns: number;
  code: { id: number | null; name: string; exists: boolean };
}

export interface AutocodeResult extends AutocodePreview {
  codeId: number;
  codeCreated: boolean;
  segmentsCreated: number;
}

export interface DocumentGroup {
  id: number;
  name: string;
  description: string;
  /** The search the group was saved from, if any. */
  query: string | null;
  createdAt: string;
  documentCount: number;
}

export interface GroupDocument {
  id: number;
  title: string;
  kind: DocumentKind;
  date: string | null;
  wordCount: number;
}

export interface SearchResults {
  'search.run': SearchPage;
  'search.documentIds': number[];
  'search.hitsInDocument': DocumentHits;
  'search.filterOptions': SearchFilterOptions;
  'autocode.preview': AutocodePreview;
  'autocode.apply': AutocodeResult;
  'documentGroups.list': DocumentGroup[];
  'documentGroups.create': DocumentGroup;
  'documentGroups.createFromSearch': DocumentGroup;
  'documentGroups.rename': DocumentGroup;
  'documentGroups.delete': null;
  'documentGroups.addDocuments': DocumentGroup;
  'documentGroups.removeDocuments': DocumentGroup;
  'documentGroups.documents': GroupDocument[];
}
