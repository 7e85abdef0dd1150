/** Segments of one code in one document: the unit every count-based report is built from. */
export interface CodeDocumentCount {
  codeId: number;
  documentId: number;
  segments: number;
}

/** codeId → documentId → segments. */
export type CountIndex = Map<number, Map<number, number>>;

export function indexCounts(counts: readonly CodeDocumentCount[]): CountIndex {
  const index: CountIndex = new Map();
  for (const c of counts) {
    if (c.segments <= 0) continue;
    let byDocument = index.get(c.codeId);
    if (!byDocument) {
      byDocument = new Map();
      index.set(c.codeId, byDocument);
    }
    byDocument.set(c.documentId, (byDocument.get(c.documentId) ?? 0) + c.segments);
  }
  return index;
}

/** Segments and documents of a set of codes within a set of documents (null = any document). */
export function measure(
  index: CountIndex,
  codeIds: Iterable<number>,
  documentIds: ReadonlySet<number> | null,
): { segments: number; documents: Set<number> } {
  let segments = 0;
  const documents = new Set<number>();
  for (const codeId of codeIds) {
    for (const [documentId, n] of index.get(codeId) ?? []) {
      if (documentIds && !documentIds.has(documentId)) continue;
      segments += n;
      documents.add(documentId);
    }
  }
  return { segments, documents };
}
