import type { ParsedArgs } from '../../shared/api/contract';
import { PassageError } from '../../shared/api/result';
import type { Session } from '../backend/session';

export function startImportJob(session: Session, _args: ParsedArgs<'documents.import'>): string {
  session.requireProject();
  throw new PassageError('unsupported', 'documents.import: not yet available');
}
