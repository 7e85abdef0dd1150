// The evidence report's order computed from document-level keys, so a page can be cut from a list of
// segment keys (id, document, start) without loading or comparing the quotes themselves.
import { naturalCompare } from './citations';
import type { EvidenceSort } from './model';

/** What the sort orders compare of a document: its title, stored date and citation label. */
export interface EvidenceDocument {
  id: number;
  title: string;
  date: string | null;
  label: string;
}

/** Where an item sits: sortEvidence compares items by their document first, then by start and id. */
export interface EvidenceKey {
  segmentId: number;
  documentId: number;
  startUtf16: number;
}

function compareDocuments(sort: EvidenceSort): (a: EvidenceDocument, b: EvidenceDocument) => number {
  switch (sort) {
    case 'document':
      return (a, b) => naturalCompare(a.title, b.title) || a.id - b.id;
    case 'date':
      return (a, b) => {
        if (a.date !== b.date) {
          if (a.date === null) return 1;
          if (b.date === null) return -1;
          return a.date < b.date ? -1 : 1;
        }
        return naturalCompare(a.title, b.title) || a.id - b.id;
      };
    case 'label':
      return (a, b) => naturalCompare(a.label, b.label) || a.id - b.id;
  }
}

/** Each document's rank in the given sort order (the same order sortEvidence gives their items). */
export function rankDocuments(
  documents: readonly EvidenceDocument[],
  sort: EvidenceSort,
): Map<number, number> {
  const sorted = [...documents].sort(compareDocuments(sort));
  return new Map(sorted.map((d, rank) => [d.id, rank]));
}

/** The keys in report order: document rank, then start, then segment id (a total order, so pages are stable). */
export function orderEvidence<T extends EvidenceKey>(
  keys: readonly T[],
  rank: ReadonlyMap<number, number>,
): T[] {
  const rankOf = (key: T) => rank.get(key.documentId) ?? Number.MAX_SAFE_INTEGER;
  return [...keys].sort(
    (a, b) =>
      rankOf(a) - rankOf(b) ||
      a.documentId - b.documentId ||
      a.startUtf16 - b.startUtf16 ||
      a.segmentId - b.segmentId,
  );
}

/** What to read of one document for a page: its quotes in order, from skip, take of them. */
export interface DocumentSlice {
  documentId: number;
  skip: number;
  take: number;
}

/**
 * The documents a page of `pageSize` quotes from `offset` lies in, from each document's number of
 * quotes: a page reads only those documents' segments, never the whole list before it.
 */
export function planEvidencePage(
  quotesPerDocument: ReadonlyMap<number, number>,
  rank: ReadonlyMap<number, number>,
  offset: number,
  pageSize: number,
): DocumentSlice[] {
  const rankOf = (documentId: number) => rank.get(documentId) ?? Number.MAX_SAFE_INTEGER;
  const documents = [...quotesPerDocument.keys()].sort((a, b) => rankOf(a) - rankOf(b) || a - b);
  const slices: DocumentSlice[] = [];
  let skip = offset;
  let wanted = pageSize;
  for (const documentId of documents) {
    if (wanted === 0) break;
    const quotes = quotesPerDocument.get(documentId)!;
    if (skip >= quotes) {
      skip -= quotes;
      continue;
    }
    const take = Math.min(quotes - skip, wanted);
    slices.push({ documentId, skip, take });
    wanted -= take;
    skip = 0;
  }
  return slices;
}
