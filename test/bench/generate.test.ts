// The generator's shape at a tiny scale: counts and bytes grow with the scale, the same seed gives the same
// bytes, and the segment plan puts exactly the dense transcript's and the big code's counts where they go.
import { describe, expect, it } from 'vitest';
import { generateStudy } from '../../bench/generate';
import { createRng } from '../../bench/rng';
import { planStudySegments, type CodableDocument } from '../../bench/segments';

const chars = (texts: { text: string }[]): number => texts.reduce((n, t) => n + t.text.length, 0);

describe('bench study generator', () => {
  it('scales documents, bytes, transcripts and participants, keeping the codebook', () => {
    const small = generateStudy(11, 0.05);
    const large = generateStudy(11, 0.1);
    expect(small.documents).toHaveLength(32);
    expect(large.documents).toHaveLength(65);
    expect(small.transcripts).toHaveLength(1);
    expect(large.transcripts).toHaveLength(3);
    expect(large.participants).toHaveLength(4);
    expect(small.codes).toHaveLength(60);
    expect(large.codes).toHaveLength(60);
    // 13 MB × scale, within a paragraph per document.
    expect(Math.abs(chars(small.documents) - 650_000)).toBeLessThan(32 * 2_000);
    expect(Math.abs(chars(large.documents) - 1_300_000)).toBeLessThan(65 * 2_000);
    expect(large.transcripts[0]!.words).toBeGreaterThanOrEqual(200_000);
    expect(new Set(large.documents.map((d) => d.fileName)).size).toBe(65);
  });

  it('gives the same bytes for the same seed and scale', () => {
    const a = generateStudy(5, 0.05);
    const b = generateStudy(5, 0.05);
    expect(a.documents.map((d) => d.text).join('')).toBe(b.documents.map((d) => d.text).join(''));
    expect(a.transcripts[0]!.text).toBe(b.transcripts[0]!.text);
  });

  it('plans the dense transcript and the big code exactly at a scale above 1', () => {
    const study = generateStudy(11, 0.1);
    const documents: CodableDocument[] = [
      ...study.documents.map((d, i) => ({ id: i + 1, text: d.text, kind: 'document' as const })),
      ...study.transcripts.map((t, i) => ({ id: 1000 + i, text: t.text, kind: 'interview' as const })),
    ];
    const codeIds = study.codes.map((_, i) => i + 1);
    const scale = 0.02; // 2,000 segments, 100 on the long transcript, 100 on the big code
    const segments = planStudySegments(createRng(7), documents, codeIds, 2, 1000, scale);
    expect(segments).toHaveLength(2_000);
    expect(segments.filter((s) => s.documentId === 1000)).toHaveLength(100);
    expect(segments.filter((s) => s.codeId === 2)).toHaveLength(100);
    for (const s of segments) {
      const text = documents.find((d) => d.id === s.documentId)!.text;
      expect(s.endUtf16).toBeGreaterThan(s.startUtf16);
      expect(s.endUtf16).toBeLessThanOrEqual(text.length);
    }
  });
});
