/** "/a/study.passage" → "/a/study copy.passage" (the folder the user chose; they may edit it first). */
export function suggestedCopyPath(path: string, suffix: string): string {
  const stem = path.replace(/\.passage$/i, '');
  return `${stem} ${suffix}.passage`;
}
