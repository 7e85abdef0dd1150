/**
 * A code's description is one text (the schema's codes.description) with optional labelled sections,
 * so it stays readable in exports and REFI-QDA while the editor offers one field per part.
 */

export interface DescriptionParts {
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  example: string;
}

const LABELS: [keyof DescriptionParts, string][] = [
  ['whenToUse', 'When to use'],
  ['whenNotToUse', 'When not to use'],
  ['example', 'Example'],
];

export function formatDescription(parts: Partial<DescriptionParts>): string {
  const lines: string[] = [];
  if (parts.definition?.trim()) lines.push(parts.definition.trim());
  for (const [key, label] of LABELS) {
    const value = parts[key]?.trim();
    if (value) lines.push(`${label}: ${value}`);
  }
  return lines.join('\n');
}

/** Inverse of formatDescription; text without labels is all definition. */
export function parseDescription(text: string): DescriptionParts {
  const parts: DescriptionParts = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };
  let current: keyof DescriptionParts = 'definition';
  const chunks: Record<keyof DescriptionParts, string[]> = {
    definition: [],
    whenToUse: [],
    whenNotToUse: [],
    example: [],
  };
  for (const line of text.split('\n')) {
    const labelled = LABELS.find(([, label]) => line.toLowerCase().startsWith(`${label.toLowerCase()}:`));
    if (labelled) {
      current = labelled[0];
      chunks[current].push(line.slice(labelled[1].length + 1).trim());
    } else {
      chunks[current].push(line);
    }
  }
  for (const key of Object.keys(chunks) as (keyof DescriptionParts)[])
    parts[key] = chunks[key].join('\n').trim();
  return parts;
}
