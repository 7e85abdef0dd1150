import { Parser } from 'htmlparser2';
import { refuse } from './importError';
import { TextBuilder } from './textBuilder';
import { checkZipSignature, readZipContainer } from './zipContainer';

export interface OdtExtract {
  text: string;
  author: string | null;
  date: string | null;
}

/** Text of an OpenDocument text file: content.xml's paragraphs and headings; footnotes follow the text. */
export async function readOdt(bytes: Uint8Array): Promise<OdtExtract> {
  checkZipSignature(bytes, 'odt');
  const zip = await readZipContainer(bytes, ['content.xml', 'meta.xml']);
  const content = zip.files.get('content.xml');
  if (!content) return refuse('not an OpenDocument text file (content.xml is missing)');
  const body = new TextBuilder();
  const notes = new TextBuilder();
  let noteDepth = 0;
  let skip = 0;
  const target = (): TextBuilder => (noteDepth > 0 ? notes : body);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'text:note') noteDepth++;
        if (name === 'text:note-citation' || name === 'office:annotation') skip++;
        if (skip > 0) return;
        if (name === 'text:p' || name === 'text:h') target().paragraphBreak();
        else if (name === 'text:line-break') target().lineBreak();
        else if (name === 'text:tab') target().raw('\t');
        else if (name === 'text:s')
          target().raw(' '.repeat(Math.min(Number(attributes['text:c'] ?? 1) || 1, 100)));
      },
      ontext(value) {
        if (skip === 0) target().raw(value.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (name === 'text:note-citation' || name === 'office:annotation') skip = Math.max(0, skip - 1);
        else if (skip === 0 && (name === 'text:p' || name === 'text:h')) target().paragraphBreak();
        else if (skip === 0 && name === 'table:table-cell') target().raw('\t');
        if (name === 'text:note') noteDepth = Math.max(0, noteDepth - 1);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(content.toString('utf8'));
  parser.end();
  const meta = zip.files.get('meta.xml')?.toString('utf8') ?? '';
  const text = [body.finish(), notes.finish()].filter((t) => t !== '').join('\n\n');
  return {
    text,
    author:
      /<meta:initial-creator>([^<]*)</.exec(meta)?.[1]?.trim() ||
      /<dc:creator>([^<]*)</.exec(meta)?.[1]?.trim() ||
      null,
    date: /<meta:creation-date>([^<]*)</.exec(meta)?.[1]?.trim() || null,
  };
}
