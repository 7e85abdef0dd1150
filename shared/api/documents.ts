// Contract of the documents: import, document list and metadata, attributes, speaker turns.
export const documentsArgs = {};

export type DocumentsResults = Record<never, never>;
