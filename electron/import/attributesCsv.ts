import type Database from 'better-sqlite3';
import type { AttributeCsvSummary } from '../../shared/api/documents';
import type { ParsedArgs } from '../../shared/api/contract';
import { PassageError } from '../../shared/api/result';

export function importAttributesCsv(
  _db: Database.Database,
  _args: ParsedArgs<'attributes.importCsv'>,
): AttributeCsvSummary {
  throw new PassageError('unsupported', 'attributes.importCsv: not yet available');
}
