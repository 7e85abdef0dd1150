// Contract of the search: full-text search, document groups, auto-coding of hits.
export const searchArgs = {};

export type SearchResults = Record<never, never>;
