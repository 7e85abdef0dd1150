import { create } from 'zustand';
import { callOrError } from '../../api/client';
import type { ScanResult } from '../../../shared/api/privacy';
import { cancelJob, followJob, type JobProgressView } from './followJob';

interface PrivacyScanState {
  running: boolean;
  progress: JobProgressView | null;
  /** The export files the last scan also read (none for a scan of the project alone). */
  files: string[];
  result: ScanResult | null;
  error: string | null;
  scan(files?: string[]): Promise<void>;
  cancel(): void;
}

/** The last privacy scan of the open project (Sample → Identity key → Scan, or after an export). */
export const usePrivacyScan = create<PrivacyScanState>((set, get) => ({
  running: false,
  progress: null,
  files: [],
  result: null,
  error: null,
  async scan(files = []) {
    set({ running: true, error: null, result: null, files, progress: null });
    const started = await callOrError('privacy.scan.start', { files });
    const outcome = await followJob<ScanResult>(started, (progress) => set({ progress }));
    set({
      running: false,
      progress: null,
      result: 'value' in outcome ? outcome.value : null,
      error: 'error' in outcome ? outcome.error : 'cancelled' in outcome ? 'Scan cancelled.' : null,
    });
  },
  cancel() {
    const jobId = get().progress?.jobId;
    if (jobId) cancelJob(jobId);
  },
}));
