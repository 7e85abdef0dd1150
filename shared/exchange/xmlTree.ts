/**
 * A REFI-QDA document as a small element tree, elements and attributes by local name (tools write
 * `urn:QDA-XML:project:1.0`, older `…:0:4`-style namespaces, or prefixes): saxes is a conforming XML
 * parser, so a truncated or malformed file is an error with its line, never a half-read tree.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXmlTree(xml: string, label: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (node) => {
    const attrs: Record<string, string> = {};
    for (const attribute of Object.values(node.attributes)) {
      if (typeof attribute === 'string') continue;
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      attrs[attribute.local] = attribute.value;
    }
    const element: XmlElement = { name: node.local ?? node.name, attrs, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length > 1) stack.at(-1)!.text += text;
  });
  parser.on('cdata', (text) => {
    if (stack.length > 1) stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) {
    const detail = failure.message.replace(/^[^:]*:\d+:\d+: /, '');
    const where = /(\d+):(\d+)/.exec(failure.message);
    const truncated = /unclosed|unexpected end/i.test(detail);
    throw new Error(
      `${label} is ${truncated ? 'truncated or incomplete' : 'not well-formed XML'}` +
        `${where ? ` (line ${where[1]})` : ''}: ${detail}`,
    );
  }
  const top = root.children[0];
  if (!top) throw new Error(`${label} is empty (no XML element)`);
  return top;
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The text of a child element such as <Description>, or '' when absent. */
export function childText(element: XmlElement, name: string): string {
  return child(element, name)?.text ?? '';
}
