// Transcripts often open with a header block ("Interview date: 12 March 2019"); that is the date the
// words were said, so it is the document's date unless the file name already gives one. Pure and
// dependency-free: it runs in the import's worker thread.

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** How many lines from the top a header block may run. */
const HEADER_LINES = 10;

const DATE_LINE = /^\s*(?:interview\s+)?date\s*:\s*(.+?)\s*$/i;

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((m) => m.startsWith(lower));
  return index < 0 ? null : index + 1;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null; // 31 April and the like
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2019-03-12`, `12 March 2019`, `12th of March, 2019`, `March 12, 2019`; null for anything else. */
export function parseDateValue(value: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(value);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([A-Za-z]+\.?),?\s+(\d{4})\b/.exec(value);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2]!);
    return month === null ? null : isoDate(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const monthFirst = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(value);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1]!);
    return month === null ? null : isoDate(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  return null;
}

/** The date of a `Date:` / `Interview date:` line among the first lines of a text, as YYYY-MM-DD. */
export function dateFromDateLine(text: string): string | null {
  let start = 0;
  for (let line = 0; line < HEADER_LINES && start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const match = DATE_LINE.exec(text.slice(start, end));
    if (match) return parseDateValue(match[1]!);
    if (newline < 0) break;
    start = newline + 1;
  }
  return null;
}
