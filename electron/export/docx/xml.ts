import { FileChild, ImportedXmlComponent } from 'docx';

// XML 1.0 forbids C0 controls other than tab, line feed and carriage return, and U+FFFE/U+FFFF; one in a
// quote (pasted from a PDF) would make Word refuse the whole file.
function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

export function cleanText(text: string): string {
  for (let i = 0; i < text.length; i++)
    if (!isXmlChar(text.charCodeAt(i))) {
      let out = '';
      for (const ch of text) if (isXmlChar(ch.charCodeAt(0))) out += ch;
      return out;
    }
  return text;
}

export function escapeXml(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A block of WordprocessingML written as given, for what docx cannot express deterministically. */
export class RawBlock extends FileChild {
  constructor(rootKey: string, innerXml: readonly string[]) {
    super(rootKey);
    for (const xml of innerXml) this.root.push(ImportedXmlComponent.fromXmlString(xml));
  }
}
