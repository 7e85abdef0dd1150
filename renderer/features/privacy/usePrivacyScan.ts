import { create } from 'zustand';
import { callOrError } from '../../api/client';
import type { ScanResult } from '../../../shared/api/privacy';

interface PrivacyScanState {
  running: boolean;
  result: ScanResult | null;
  error: string | null;
  scan(files?: string[]): Promise<void>;
}

/** The last privacy scan of the open project (Sample → Identity key → Scan). */
export const usePrivacyScan = create<PrivacyScanState>((set) => ({
  running: false,
  result: null,
  error: null,
  async scan(files = []) {
    set({ running: true, error: null });
    const answer = await callOrError('privacy.scan', { files });
    set({ running: false, result: answer.value ?? null, error: answer.error?.message ?? null });
  },
}));
