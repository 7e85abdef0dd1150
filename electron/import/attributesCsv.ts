import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import type { ParsedArgs } from '../../shared/api/contract';
import type { AttributeCsvSummary, AttributeType } from '../../shared/api/documents';
import { PassageError } from '../../shared/api/result';
import { coerceAttributeValue } from '../../shared/text/attributeValues';
import { planCsvAttributes } from '../../shared/text/csvAttributes';
import { defineAttribute, findAttribute, setAttributeValue } from '../store/attributes';
import { statement } from '../store/statements';
import { decodeText } from './decodeText';

const MAX_CSV_BYTES = 50 * 1024 * 1024;

function readCsvFile(file: string): string {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_CSV_BYTES)
      throw new PassageError('invalid_argument', `${name} is larger than 50 MB`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof PassageError) throw error;
    throw new PassageError(
      'not_found',
      `${name} cannot be read (${(error as { code?: string }).code ?? 'error'})`,
    );
  }
  try {
    return decodeText(bytes).text;
  } catch (error) {
    throw new PassageError('invalid_argument', `${name}: ${(error as Error).message}`);
  }
}

/** Excel writes ';' where ',' is the decimal mark, and some tools write tabs: the header line tells. */
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf('\n') >>> 0);
  const count = (c: string): number => header.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/**
 * Sets document attributes from a CSV keyed by file name or title, all in one transaction: a cell
 * that does not fit its attribute's type fails the whole import, naming the row and column.
 */
export function importAttributesCsv(
  db: Database.Database,
  args: ParsedArgs<'attributes.importCsv'>,
): AttributeCsvSummary {
  const text = args.path !== undefined ? readCsvFile(args.path) : (args.csv ?? '');
  let rows: string[][];
  try {
    const body = text.replace(/^\uFEFF/, '');
    rows = parse(body, {
      delimiter: guessDelimiter(body),
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    // csv-parse's own message quotes the offending cell; only its line number is passed on.
    const line = (error as { lines?: number }).lines;
    throw new PassageError(
      'invalid_argument',
      `not a readable CSV file${line === undefined ? '' : ` (line ${line} is malformed)`}`,
    );
  }
  const documents = statement(db, `SELECT id, file_name AS fileName, title FROM documents`).all() as {
    id: number;
    fileName: string;
    title: string;
  }[];
  let plan;
  try {
    plan = planCsvAttributes(rows, documents, args.keyColumn);
  } catch (error) {
    throw new PassageError('invalid_argument', (error as Error).message);
  }
  return db
    .transaction((): AttributeCsvSummary => {
      const created: { name: string; type: AttributeType }[] = [];
      const types = new Map<string, AttributeType>();
      for (const column of plan.columns) {
        const existing = findAttribute(db, column.name);
        if (existing) types.set(column.name, existing.type);
        else {
          if (column.name.length > 200)
            throw new PassageError('invalid_argument', 'a column name is longer than 200 characters');
          defineAttribute(db, column.name, column.inferredType);
          types.set(column.name, column.inferredType);
          created.push({ name: column.name, type: column.inferredType });
        }
      }
      for (const value of plan.values) {
        const type = types.get(value.name)!;
        const coerced = coerceAttributeValue(type, value.cell);
        if (!coerced.ok)
          throw new PassageError(
            'invalid_argument',
            `row ${value.row}, column ${value.name}: ${coerced.reason}`,
          );
        setAttributeValue(db, value.documentId, value.name, coerced.value);
      }
      return { matched: plan.matched, unmatched: plan.unmatched, created, valuesSet: plan.values.length };
    })
    .immediate();
}
