import { describe, expect, it } from 'vitest';
import { loadPdfjs } from '../../electron/import/loadPdfjs';
import { makePdf } from './fixtures';

describe('loading pdf.js', () => {
  it("leaves Node's own JSON, Array.prototype.push and Function.prototype.toString in place, even after a parse", async () => {
    const natives = [JSON.stringify, JSON.parse, Array.prototype.push, Function.prototype.toString];
    const pdfjs = await loadPdfjs();
    // A real parse, so pdf.js's worker code has run as well.
    const doc = await pdfjs.getDocument({ data: await makePdf(), verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    expect(content.items.map((i) => ('str' in i ? i.str : '')).join('')).toContain('mandate covers');
    await doc.destroy();
    expect([JSON.stringify, JSON.parse, Array.prototype.push, Function.prototype.toString]).toEqual(natives);
    // pdf.js's additions, which it needs on Node 20, stay.
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});
