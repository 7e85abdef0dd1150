/**
 * REFI-QDA codebook (.qdc) → Passage template: <CodeBook><Codes><Code name color><Description/>
 * <Code …/></Code></Codes><Sets><Set name><MemberCode targetGUID/></Set></Sets></CodeBook>.
 */
import { Parser } from 'htmlparser2';
import type { Template, TemplateCode } from './template';

interface QdcCode extends TemplateCode {
  guid: string;
  children: QdcCode[];
}

interface QdcSet {
  name: string;
  description: string;
  members: string[];
}

export function parseQdc(xml: string, label: string): Template {
  const roots: QdcCode[] = [];
  const stack: QdcCode[] = [];
  const sets: QdcSet[] = [];
  let currentSet: QdcSet | null = null;
  let inDescription = false;
  let description = '';
  let sawCodeBook = false;
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        const name = tag.replace(/^.*:/, '').toLowerCase();
        if (name === 'codebook') sawCodeBook = true;
        if (name === 'code') {
          const code: QdcCode = {
            guid: attrs.guid ?? '',
            name: (attrs.name ?? '').trim() || 'Unnamed code',
            children: [],
            ...(attrs.color && /^#[0-9a-fA-F]{6}$/.test(attrs.color) ? { color: attrs.color } : {}),
          };
          (stack.at(-1)?.children ?? roots).push(code);
          stack.push(code);
        } else if (name === 'set') {
          currentSet = { name: (attrs.name ?? '').trim() || 'Unnamed set', description: '', members: [] };
          sets.push(currentSet);
        } else if (name === 'membercode' && currentSet) {
          currentSet.members.push(attrs.targetguid ?? '');
        } else if (name === 'description') {
          inDescription = true;
          description = '';
        }
      },
      ontext(text) {
        if (inDescription) description += text;
      },
      onclosetag(tag) {
        const name = tag.replace(/^.*:/, '').toLowerCase();
        if (name === 'code') stack.pop();
        else if (name === 'set') currentSet = null;
        else if (name === 'description') {
          inDescription = false;
          const owner = currentSet ?? stack.at(-1);
          if (owner) owner.description = description.trim();
        }
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(xml);
  parser.end();
  if (!sawCodeBook) throw new Error(`${label}: not a REFI-QDA codebook (no <CodeBook> element)`);

  const pathByGuid = new Map<string, string[]>();
  const toTemplate = (codes: QdcCode[], parent: string[]): TemplateCode[] =>
    codes.map((code) => {
      const path = [...parent, code.name];
      if (code.guid) pathByGuid.set(code.guid, path);
      return {
        name: code.name,
        ...(code.color ? { color: code.color } : {}),
        description: code.description ?? '',
        children: toTemplate(code.children, path),
      };
    });
  const codes = toTemplate(roots, []);
  return {
    format: 'passage-codebook',
    version: 1,
    title: label.replace(/\.qdc$/i, ''),
    description: '',
    codes,
    groups: sets.map((set) => ({
      name: set.name,
      description: set.description.slice(0, 500),
      codes: set.members.flatMap((guid) => {
        const path = pathByGuid.get(guid);
        return path ? [path] : [];
      }),
    })),
  };
}
