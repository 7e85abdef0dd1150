// Word export of 5,000 quotes against a bare docx Packer run of the same paragraphs (≤ 1.5×). The
// export engineer's measuring function (electron/export/bench.ts) builds our evidence appendix and the
// bare run from the same 5,000 quotes, alternating them in this process.
import { measureEvidenceExport } from '../electron/export/bench';
import { reason } from './api';
import { notMeasured, withinRatio, type Figure } from './figures';

export async function measureExport(): Promise<Figure[]> {
  const name = 'Word export of 5,000 quotes';
  try {
    const m = await measureEvidenceExport(5000, 3);
    return [
      withinRatio(name, m.exportMs, m.bareMs, 'ms', 1.5, `${m.quotes} quotes, median of 3 alternated runs`),
    ];
  } catch (error) {
    return [notMeasured(name, 'ms', '≤ 1.5× baseline', reason(error))];
  }
}
