import { Document, Packer, Paragraph } from 'docx';
import type { ExportDocument } from '../../shared/export/document';
import type { EvidenceCode, EvidenceItem } from '../../shared/reports/model';
import { yieldToEventLoop } from '../backend/jobs';
import { buildDocx } from './docx/build';

/** An evidence appendix of `quotes` quotes in codes of 100, as a real project would give it. */
export function syntheticEvidence(quotes: number): ExportDocument {
  const codes: EvidenceCode[] = [];
  for (let c = 0; c * 100 < quotes; c++) {
    const items: EvidenceItem[] = [];
    for (let i = c * 100; i < Math.min(quotes, (c + 1) * 100); i++) {
      const label = `Interview ${(i % 40) + 1}`;
      const text = `Quote ${i}: the alliance must be seen as legitimate by its members — ça dépend, as they said 🙂 in meeting ${i}.`;
      items.push({
        segmentId: i + 1,
        codeId: c + 1,
        documentId: (i % 40) + 1,
        documentTitle: `${label} transcript`,
        documentKind: 'interview',
        participantLabel: label,
        documentDate: '2016',
        year: 2016,
        startUtf16: 0,
        endUtf16: text.length,
        text,
        memo: '',
        coder: 'ana',
        citation: { label, speaker: 'Respondent', page: null },
        citationText: `${label}, Respondent`,
      });
    }
    codes.push({
      code: { codeId: c + 1, name: `Code ${c + 1}`, path: [`Code ${c + 1}`], color: '#336699', depth: 0 },
      description: `What code ${c + 1} is about.`,
      segmentCount: items.length,
      documentCount: 40,
      citations: 'interviews 1–40',
      items,
    });
  }
  return {
    title: 'Appendix: coded evidence',
    projectName: 'Bench study',
    methodNote: 'Synthetic quotes for the speed measurement.',
    includeMemos: false,
    modified: '2026-01-01T00:00:00.000Z',
    blocks: [{ kind: 'evidence', groups: [{ heading: 'Codes', codes }] }],
  };
}

function allQuotes(doc: ExportDocument): string[] {
  return doc.blocks.flatMap((b) =>
    b.kind === 'evidence' ? b.groups.flatMap((g) => g.codes.flatMap((c) => c.items.map((i) => i.text))) : [],
  );
}

// `npm run bench` runs node with --expose-gc: collecting before each run keeps one run's garbage off the next.
const collect = (globalThis as { gc?: () => void }).gc;

async function timed(work: () => Promise<unknown>): Promise<number> {
  collect?.();
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface EvidenceExportMeasure {
  quotes: number;
  /** Our evidence appendix: styles, headings, quotes with citations, TOC, header/footer, yielding per chunk. */
  exportMs: number;
  /** A bare docx Packer run writing the same quote texts as plain paragraphs. */
  bareMs: number;
  ratio: number;
}

/**
 * The `npm run bench` figure for the Word export: the evidence appendix against a bare docx run
 * writing the same paragraphs, alternated in the same process (median of `runs`) so machine load
 * affects both alike.
 */
export async function measureEvidenceExport(quotes = 5000, runs = 3): Promise<EvidenceExportMeasure> {
  const doc = syntheticEvidence(quotes);
  const texts = allQuotes(doc);
  const ours: number[] = [];
  const bare: number[] = [];
  const runBare = () =>
    timed(() =>
      Packer.toBuffer(new Document({ sections: [{ children: texts.map((t) => new Paragraph(t)) }] })),
    );
  const runOurs = () => timed(() => buildDocx(doc, () => yieldToEventLoop()));
  // One untimed round warms both paths up (JIT, docx's lazy setup).
  await runBare();
  await runOurs();
  for (let r = 0; r < runs; r++) {
    // Alternate which goes first, so neither always runs on the other's heap.
    if (r % 2 === 0) {
      bare.push(await runBare());
      ours.push(await runOurs());
    } else {
      ours.push(await runOurs());
      bare.push(await runBare());
    }
  }
  const exportMs = median(ours);
  const bareMs = median(bare);
  return { quotes, exportMs, bareMs, ratio: exportMs / bareMs };
}
