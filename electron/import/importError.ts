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
