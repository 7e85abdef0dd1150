// Word export of 5,000 quotes against a bare docx Packer run of the same paragraphs (≤ 1.5×).
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Session } from '../electron/backend/session';
import { available, reason, runJob } from './api';
import { notMeasured, onceMs, withinRatio, type Figure } from './figures';

const EXPORT_CALL = 'export.start';

/** The least a Word export of these quotes must do: one paragraph per quote, packed and written. */
export async function bareDocxMs(quotes: readonly string[], file: string): Promise<number> {
  return onceMs(async () => {
    const doc = new Document({
      sections: [{ children: quotes.map((q) => new Paragraph({ children: [new TextRun(q)] })) }],
    });
    fs.writeFileSync(file, await Packer.toBuffer(doc));
  });
}

export async function measureExport(
  session: Session,
  study: { bigCodeId: number; scratch: string },
): Promise<Figure[]> {
  const name = 'Word export of 5,000 quotes';
  const { db } = session.requireProject();
  const quotes = (
    db
      .prepare('SELECT text FROM segments WHERE code_id = ? ORDER BY document_id, start_utf16')
      .all(study.bigCodeId) as {
      text: string;
    }[]
  ).map((r) => r.text);
  const baseline = await bareDocxMs(quotes, path.join(study.scratch, 'bare.docx'));
  if (!available(EXPORT_CALL))
    return [
      notMeasured(
        name,
        'ms',
        '≤ 1.5× baseline',
        `${EXPORT_CALL} not built; bare docx Packer ${Math.round(baseline)} ms`,
      ),
    ];
  try {
    const target = path.join(study.scratch, 'evidence.docx');
    const ms = await onceMs(() =>
      runJob(session, EXPORT_CALL, {
        format: 'docx',
        report: 'evidence',
        codeIds: [study.bigCodeId],
        path: target,
      }),
    );
    return [withinRatio(name, ms, baseline, 'ms', 1.5, `${quotes.length} quotes`)];
  } catch (error) {
    return [
      notMeasured(
        name,
        'ms',
        '≤ 1.5× baseline',
        `${reason(error)}; bare docx Packer ${Math.round(baseline)} ms`,
      ),
    ];
  }
}
