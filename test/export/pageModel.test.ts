import { describe, expect, it } from 'vitest';
import { countLines } from '../../electron/export/docx/lineBreaks';
import { contentsEndPage, PageEstimate, PORTRAIT_PAGE } from '../../electron/export/docx/pages';

// The rules the page model takes from LibreOffice's rendering (tocPagesLong.test.ts checks the whole on
// LibreOffice itself); here each rule alone, without LibreOffice. Widths: Times New Roman at 12 pt on a
// 9,026-twip line; "x" is 0.5 em (120 twips), a space 0.25 em (60 twips).
const WIDTH = PORTRAIT_PAGE.width;
/** A 12 pt body line with its paragraph spacing, in twips, and the lines a page holds. */
const LINE = 276;
const PAGE_LINES = Math.floor(PORTRAIT_PAGE.height / LINE);

const words = (n: number, word = 'xxxx') => Array.from({ length: n }, () => word).join(' ');

describe('line breaking by Times New Roman widths', () => {
  it('breaks between words by width, not by the number of characters', () => {
    // "xxxx " is 540 twips: 16 words and a bit fill a 9,026-twip line (16 × 540 + 480 > 9,026 > 16 × 540 − 60).
    expect(countLines([{ text: words(16) }], WIDTH, 12)).toBe(1);
    expect(countLines([{ text: words(17) }], WIDTH, 12)).toBe(2);
    // As many characters in narrow letters ("i" is 0.28 em) stay on one line.
    expect(countLines([{ text: words(17, 'iiii') }], WIDTH, 12)).toBe(1);
    // One more short word takes a line over; the same words in bold are wider.
    const text =
      'The liaison officers met the NGO staff every week, and both sides said the meetings mattered';
    expect(countLines([{ text }], WIDTH, 12)).toBe(1);
    expect(countLines([{ text: `${text} most` }], WIDTH, 12)).toBe(2);
    expect(countLines([{ text, style: 'bold' }], WIDTH, 12)).toBe(2);
  });

  it('counts line breaks, breaks after hyphens, and breaks a word longer than the line', () => {
    expect(countLines([{ text: '' }], WIDTH, 12)).toBe(1);
    expect(countLines([{ text: 'one\ntwo\nthree' }], WIDTH, 12)).toBe(3);
    // 76 × 120 twips: wider than a line, so broken inside; hyphenated, it breaks at the hyphen.
    expect(countLines([{ text: 'x'.repeat(76) }], WIDTH, 12)).toBe(2);
    expect(countLines([{ text: `${'x'.repeat(40)}-${'x'.repeat(35)}` }], WIDTH, 12)).toBe(2);
    expect(countLines([{ text: `ab ${'x'.repeat(40)}-${'x'.repeat(40)}` }], WIDTH, 12)).toBe(2);
  });
});

describe('the page flow', () => {
  /** A page filled with one-line paragraphs (no spacing) until `free` lines are left. */
  function pageWithRoom(free: number): PageEstimate {
    const pages = new PageEstimate(1, PORTRAIT_PAGE);
    for (let i = 0; i < PAGE_LINES - free; i++) pages.paragraph('x', 0);
    expect(pages.current).toBe(1);
    return pages;
  }

  it('fills a page with whole lines of 13.8 pt', () => {
    const pages = pageWithRoom(1);
    pages.paragraph('x', 0);
    expect(pages.current).toBe(1);
    pages.paragraph('x', 0);
    expect(pages.current).toBe(2);
  });

  it('keeps two lines of a split paragraph on each page, else moves it whole', () => {
    // Four lines with room for three: two stay, two go (not three and one).
    const split = pageWithRoom(3);
    split.paragraph(words(16 * 4), 0);
    expect(split.current).toBe(2);
    split.paragraph('x', 0);
    split.paragraph('x', 0);
    // Two lines went over and the two one-line paragraphs follow them: 4 of the page's lines used.
    for (let i = 0; i < PAGE_LINES - 4; i++) split.paragraph('x', 0);
    expect(split.current).toBe(2);
    split.paragraph('x', 0);
    expect(split.current).toBe(3);

    // Three lines with room for two move whole: one line alone may not stay or go.
    const whole = pageWithRoom(2);
    whole.paragraph(words(16 * 3), 0);
    for (let i = 0; i < PAGE_LINES - 3; i++) whole.paragraph('x', 0);
    expect(whole.current).toBe(2);
    whole.paragraph('x', 0);
    expect(whole.current).toBe(3);
  });

  it('moves a heading to the next page with the first lines of what follows it', () => {
    // Room for two lines: the heading (12 pt before) and a one-line paragraph do not both fit.
    const pages = pageWithRoom(2);
    const heading = pages.heading(2);
    expect(heading.page).toBe(1);
    pages.countLine('12 segments / 4 documents');
    expect(heading.page).toBe(2);

    // With room, it stays.
    const roomy = pageWithRoom(6);
    const stays = roomy.heading(2);
    roomy.countLine('12 segments / 4 documents');
    expect(stays.page).toBe(1);
  });

  it('repeats a table header row on each page the table runs onto', () => {
    const table = {
      columns: [{ label: 'Code' }, { label: 'Count', numeric: true }],
      rowGroups: [{ caption: null, rows: Array.from({ length: 100 }, (_, i) => [`Code ${i}`, '1']) }],
    };
    const pages = new PageEstimate(1, PORTRAIT_PAGE);
    pages.heading(1);
    pages.table(table, 'Table 1. Counts');
    // Rows of 13.8 + 6 pt: 31 under the heading, caption and header, then 34 a page under the
    // repeated header: 31 + 34 + 34 + 1.
    expect(pages.current).toBe(4);
  });

  it('counts the contents by their entries, a long heading’s entry on two lines', () => {
    // 30 entries of 18.8 pt under the title and "Contents" fit the first page; as long names they do not.
    const short = Array.from({ length: 30 }, (_, i) => ({ text: `Code ${i}`, level: 2 as const }));
    const long = short.map((e) => ({ ...e, text: `${e.text}: ${words(12, 'lessons')}` }));
    expect(contentsEndPage('Appendix', '', short)).toBe(1);
    expect(contentsEndPage('Appendix', '', long)).toBe(2);
  });
});
