import crypto from 'node:crypto';

/** SHA-256 of the normalised text: two files with the same words are the same document. */
export function hashText(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
