import type { AttributeType } from '../api/documents';
import { inferAttributeType } from './attributeValues';
import { stripBidiControls } from './names';

export interface CsvDocumentKey {
  id: number;
  fileName: string;
  title: string;
}

export interface CsvAttributePlan {
  keyColumn: string;
  /** Attribute columns with the type inferred from their cells (used only for new attributes). */
  columns: { name: string; inferredType: AttributeType }[];
  /** Non-empty cells to set: the document, the column and the raw cell. */
  values: { documentId: number; row: number; name: string; cell: string }[];
  matched: number;
  unmatched: string[];
}

const fold = (s: string): string => s.normalize('NFC').trim().toLowerCase();
const withoutExtension = (s: string): string => s.replace(/\.[^.]+$/, '');

/**
 * Maps a CSV (header row first) onto documents: each row's key cell is matched to a document's file
 * name (with or without extension) or title, case-insensitively; every other column becomes an
 * attribute. Empty cells set nothing (they never clear a value).
 */
export function planCsvAttributes(
  rows: readonly (readonly string[])[],
  documents: readonly CsvDocumentKey[],
  keyColumn?: string,
): CsvAttributePlan {
  // Column names become attribute names: no direction controls, as for names typed in the app.
  const header = (rows[0] ?? []).map((h) => stripBidiControls(h).trim());
  if (header.length < 2)
    throw new Error('the CSV needs a header row with a key column and at least one attribute column');
  const keyIndex = keyColumn === undefined ? 0 : header.findIndex((h) => fold(h) === fold(keyColumn));
  if (keyIndex < 0) throw new Error(`no column named ${keyColumn}`);
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (i === keyIndex) return;
    if (h === '') throw new Error(`column ${i + 1} has no name`);
    if (seen.has(fold(h))) throw new Error(`column ${h} appears twice`);
    seen.add(fold(h));
  });
  const byKey = new Map<string, number>();
  // Titles first, then file names, so an exact file name wins over a title that happens to match.
  for (const d of documents) byKey.set(fold(d.title), d.id);
  for (const d of documents) byKey.set(fold(withoutExtension(d.fileName)), d.id);
  for (const d of documents) byKey.set(fold(d.fileName), d.id);

  const body = rows.slice(1).filter((r) => r.some((c) => c.trim() !== ''));
  const plan: CsvAttributePlan = {
    keyColumn: header[keyIndex]!,
    columns: [],
    values: [],
    matched: 0,
    unmatched: [],
  };
  header.forEach((name, i) => {
    if (i !== keyIndex)
      plan.columns.push({ name, inferredType: inferAttributeType(body.map((r) => r[i] ?? '')) });
  });
  body.forEach((row, r) => {
    const key = row[keyIndex] ?? '';
    const documentId = byKey.get(fold(key)) ?? byKey.get(fold(withoutExtension(key)));
    if (documentId === undefined) {
      plan.unmatched.push(key);
      return;
    }
    plan.matched++;
    header.forEach((name, i) => {
      const cell = row[i] ?? '';
      if (i !== keyIndex && cell.trim() !== '') plan.values.push({ documentId, row: r + 2, name, cell });
    });
  });
  return plan;
}
