/**
 * REFI-QDA codebook (.qdc) → Passage template: <CodeBook><Codes><Code name color><Description/>
 * <Code …/></Code></Codes><Sets><Set name><MemberCode guid/></Set></Sets></CodeBook>.
 * Read with the exchange's strict XML reader: a truncated file (ATLAS.ti writes some) is refused with
 * its line instead of loading half a codebook; an empty <Sets/> (Taguette), which fails the XSD, is fine.
 */
import { guidKey } from '../exchange/guid';
import { childrenNamed, childText, child, parseXmlTree, type XmlElement } from '../exchange/xmlTree';
import type { Template, TemplateCode } from './template';

export function parseQdc(xml: string, label: string): Template {
  const root = parseXmlTree(xml, label);
  if (root.name !== 'CodeBook') throw new Error(`${label}: not a REFI-QDA codebook (no <CodeBook> element)`);

  const pathByGuid = new Map<string, string[]>();
  const toTemplate = (codes: readonly XmlElement[], parent: string[]): TemplateCode[] =>
    codes.map((code) => {
      const name = (code.attrs.name ?? '').trim() || 'Unnamed code';
      const path = [...parent, name];
      const guid = guidKey(code.attrs.guid);
      if (guid) pathByGuid.set(guid, path);
      const color = /^#[0-9a-fA-F]{6}/.exec(code.attrs.color ?? '')?.[0];
      return {
        name,
        ...(color ? { color } : {}),
        description: childText(code, 'Description').trim(),
        children: toTemplate(childrenNamed(code, 'Code'), path),
      };
    });
  const codes = toTemplate(childrenNamed(child(root, 'Codes') ?? root, 'Code'), []);
  return {
    format: 'passage-codebook',
    version: 1,
    title: label.replace(/\.qdc$/i, ''),
    description: '',
    codes,
    groups: childrenNamed(child(root, 'Sets') ?? root, 'Set').map((set) => ({
      name: (set.attrs.name ?? '').trim() || 'Unnamed set',
      description: childText(set, 'Description').trim().slice(0, 500),
      // Codebook.xsd names the member `guid`; some tools write Project.xsd's `targetGUID`.
      codes: childrenNamed(set, 'MemberCode').flatMap((m) => {
        const path = pathByGuid.get(guidKey(m.attrs.guid ?? m.attrs.targetGUID));
        return path ? [path] : [];
      }),
    })),
  };
}
