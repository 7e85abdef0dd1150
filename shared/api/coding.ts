// Contract of the coding: codebook, code groups, segments, memos, coders, undo/redo.
export const codingArgs = {};

export type CodingResults = Record<never, never>;
