import { PassageError } from '../../shared/api/result';

/**
 * Why one file could not be imported, in plain words for the summary ("empty", "file is
 * password-protected"). The job prefixes the file name; nothing else catches these.
 */
export class ImportError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ImportError';
  }
}

export const refuse = (reason: string): never => {
  throw new ImportError(reason);
};

/** An error thrown while reading one file, as the plain-words reason for the summary. */
export function reasonOf(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof PassageError) return error.message;
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'not found (it was moved or deleted)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (error instanceof RangeError) return 'too large or too deeply structured to read';
  return `could not be read (${(error as Error).message?.slice(0, 200) ?? String(error)})`;
}
