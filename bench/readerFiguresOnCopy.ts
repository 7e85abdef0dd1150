// The reader's bench figures (browserFigures.ts) alone, on a copy of a kept study, so a change to the
// reader can be measured against a baseline in the same session (PASSAGE_ROOT=another build for that):
//   PROBE_STUDY=COPY.passage PROBE_TITLE="interview 01 P01" PROBE_SEGMENTS=50000 \
//     node scripts/benchPart.mjs bench/readerFiguresOnCopy.ts
// The copy must not hold the bench's probe code yet (measureBrowser creates it).
import path from 'node:path';
import { measureBrowser } from './browserFigures';
import { formatTable } from './figures';

const file = process.env.PROBE_STUDY;
const title = process.env.PROBE_TITLE;
if (!file || !title) throw new Error('set PROBE_STUDY (a copy of a kept study) and PROBE_TITLE');
const figures = await measureBrowser({
  file,
  scratch: path.dirname(file),
  transcriptTitle: title,
  codeId: 0,
  codeName: '',
  transcriptSegments: Number(process.env.PROBE_SEGMENTS ?? 50_000),
});
console.log(formatTable(figures));
for (const f of figures) if (f.note) console.log(`${f.name}: ${f.note}`);
