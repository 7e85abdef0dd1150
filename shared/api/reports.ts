// Contract of the reports: evidence by code, co-occurrence, matrices, counts over time, frequencies.
export const reportsArgs = {};

export type ReportsResults = Record<never, never>;
