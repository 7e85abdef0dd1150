// Word export of 5,000 quotes (50,000 at 10×) against a bare docx Packer run of the same paragraphs
// (≤ 1.5×). The export engineer's measuring function (electron/export/bench.ts) builds our evidence
// appendix and the bare run from the same quotes, alternating them in this process.
import { measureEvidenceExport } from '../electron/export/bench';
import { reason } from './api';
import { notMeasured, withinRatio, type Figure } from './figures';

export async function measureExport(scale = 1): Promise<Figure[]> {
  const quotes = Math.round(5000 * scale);
  // One timed run each at 10× (after the warm-up round): three would take most of the bench's budget.
  const runs = scale > 1 ? 1 : 3;
  const name = `Word export of ${quotes.toLocaleString('en-GB')} quotes`;
  try {
    const m = await measureEvidenceExport(quotes, runs);
    const how = runs === 1 ? 'one run after a warm-up round' : `median of ${runs} alternated runs`;
    return [withinRatio(name, m.exportMs, m.bareMs, 'ms', 1.5, `${m.quotes} quotes, ${how}`)];
  } catch (error) {
    return [notMeasured(name, 'ms', '≤ 1.5× baseline', reason(error))];
  }
}
