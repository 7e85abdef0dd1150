import { create } from 'zustand';
import type { RefiImportSummary } from '../../../shared/api/exchange';

/**
 * The REFI-QDA import's outcome, kept after the import opens the new project (which replaces the Start
 * screen) so the report can be shown over the workspace until the researcher closes it.
 */
interface RefiImportState {
  summary: RefiImportSummary | null;
  show(summary: RefiImportSummary): void;
  dismiss(): void;
}

export const useRefiImport = create<RefiImportState>((set) => ({
  summary: null,
  show: (summary) => set({ summary }),
  dismiss: () => set({ summary: null }),
}));
