import { stripBidiControls } from './names';

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

const validMonth = (m: string): boolean => Number(m) >= 1 && Number(m) <= 12;
const validDay = (d: string): boolean => Number(d) >= 1 && Number(d) <= 31;
const plausibleYear = (y: string): boolean => Number(y) >= 1900 && Number(y) <= 2100;

/**
 * The date a file name carries, as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (year is enough for the time
 * reports): 2019-05-12, 2019_05_12, 20190512, 2019-05, "12 May 2019", "May 2019", or a lone year
 * such as "NATO summit 2016". Digits that are part of a longer number are not a year.
 */
export function dateFromFileName(fileName: string): string | null {
  const name = fileName.replace(/\.[^.]+$/, '');
  const iso = /(?<!\d)(\d{4})[-_.](\d{2})(?:[-_.](\d{2}))?(?!\d)/.exec(name);
  if (iso && plausibleYear(iso[1]!) && validMonth(iso[2]!)) {
    if (iso[3] && validDay(iso[3])) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    return `${iso[1]}-${iso[2]}`;
  }
  const compact = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/.exec(name);
  if (compact && plausibleYear(compact[1]!) && validMonth(compact[2]!) && validDay(compact[3]!))
    return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const words =
    /(?:(?<!\d)(\d{1,2})[ _-]+)?\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ _-]+(\d{4})(?!\d)/i.exec(
      name,
    );
  if (words && plausibleYear(words[3]!)) {
    const month = MONTHS[words[2]!.toLowerCase()]!;
    if (words[1] && validDay(words[1])) return `${words[3]}-${month}-${words[1].padStart(2, '0')}`;
    return `${words[3]}-${month}`;
  }
  const year = /(?<![\d])(19\d{2}|20\d{2})(?![\d])/.exec(name);
  return year ? year[1]! : null;
}

/** A document's title from its file name: without folder and extension, underscores as spaces. */
export function titleFromFileName(fileName: string): string {
  const base = stripBidiControls(fileName.split(/[\\/]/).pop() ?? fileName);
  const title = base
    .replace(/\.[^.]+$/, '')
    .replace(/_+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (title || base).normalize('NFC').slice(0, 200);
}

/** A date found in file metadata (ISO timestamps, 'YYYY-MM-DD…'), reduced to the date part. */
export function dateFromMetadata(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!match || !plausibleYear(match[1]!)) return null;
  if (match[2] && !validMonth(match[2])) return match[1]!;
  if (match[3] && !validDay(match[3])) return `${match[1]}-${match[2]}`;
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}
