/**
 * RefiProject → project.qde, and codes + code sets → a .qdc codebook, in the element order the
 * official Project.xsd and Codebook.xsd require (xsd:sequence: order matters). Offsets must already be
 * code points, and sources must point at their text (`internal://<guid>.txt`).
 */
import type { RefiCode, RefiCoding, RefiProject, RefiSelection, RefiSet, RefiVariableValue } from './model';

// XML 1.0 cannot carry C0 controls other than tab, LF and CR, nor lone surrogates: matching them is the point.
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Anything escapeText or escapeAttribute would change; most values (GUIDs, numbers, plain names) have
// none, and skipping the replaces for them keeps an export of 100,000 selections from churning strings.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\0-\x1f&<>"\ud800-\udfff\ufffe\uffff]/;

export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

export function escapeAttribute(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

type Attributes = Record<string, string | number | boolean | undefined>;

function open(name: string, attributes: Attributes, selfClose = false): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
  return `<${name}${attrs}${selfClose ? '/>' : '>'}`;
}

const textElement = (name: string, text: string) => (text ? `<${name}>${escapeText(text)}</${name}>` : '');
const noteRefs = (guids: readonly string[]) =>
  guids.map((g) => open('NoteRef', { targetGUID: g }, true)).join('');

function writeCode(code: RefiCode, out: string[], withNotes: boolean): void {
  const attributes = { guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color };
  const body = textElement('Description', code.description) + (withNotes ? noteRefs(code.noteGuids) : '');
  if (!body && code.children.length === 0) {
    out.push(open('Code', attributes, true));
    return;
  }
  out.push(open('Code', attributes), body);
  for (const c of code.children) writeCode(c, out, withNotes);
  out.push('</Code>');
}

/** One attribute as `open` writes it (nothing for an empty value), without building an object per element. */
const attribute = (name: string, value: string | number): string =>
  value === '' ? '' : ` ${name}="${typeof value === 'number' ? value : escapeAttribute(value)}"`;

// Selections and codings are the bulk of a project (one each per segment): written attribute by attribute.
function writeCoding(coding: RefiCoding): string {
  return `<Coding${attribute('guid', coding.guid)}${attribute('creatingUser', coding.userGuid)}><CodeRef${attribute('targetGUID', coding.codeGuid)}/></Coding>`;
}

function writeSelection(selection: RefiSelection): string {
  let xml =
    `<PlainTextSelection${attribute('guid', selection.guid)}${attribute('name', selection.name)}` +
    `${attribute('startPosition', selection.start)}${attribute('endPosition', selection.end)}` +
    `${attribute('creatingUser', selection.userGuid)}>${textElement('Description', selection.description)}`;
  for (const coding of selection.codings) xml += writeCoding(coding);
  return `${xml}${noteRefs(selection.noteGuids)}</PlainTextSelection>`;
}

function writeValues(values: readonly RefiVariableValue[], typeOf: Map<string, string>): string {
  return values
    .map(
      (v) =>
        `<VariableValue>${open('VariableRef', { targetGUID: v.variableGuid }, true)}` +
        `${textElement(`${typeOf.get(v.variableGuid) ?? 'Text'}Value`, v.value) || `<${typeOf.get(v.variableGuid) ?? 'Text'}Value/>`}</VariableValue>`,
    )
    .join('');
}

function writeSet(set: RefiSet, withSources: boolean): string {
  return (
    open('Set', { guid: set.guid, name: set.name }) +
    textElement('Description', set.description) +
    // Project.xsd names the member targetGUID; Codebook.xsd names it guid.
    set.codeGuids
      .map((g) => open('MemberCode', withSources ? { targetGUID: g } : { guid: g }, true))
      .join('') +
    (withSources ? set.sourceGuids.map((g) => open('MemberSource', { targetGUID: g }, true)).join('') : '') +
    '</Set>'
  );
}

export function writeProjectXml(project: RefiProject): string {
  const typeOf = new Map(project.variables.map((v) => [v.guid, v.type]));
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  out.push(
    open('Project', {
      xmlns: 'urn:QDA-XML:project:1.0',
      name: project.name || 'Passage project',
      origin: project.origin,
      creatingUserGUID: project.creatingUserGuid || undefined,
    }),
  );
  if (project.users.length)
    out.push(
      '<Users>',
      ...project.users.map((u) => open('User', { guid: u.guid, name: u.name }, true)),
      '</Users>',
    );
  if (project.codes.length) {
    out.push('<CodeBook><Codes>');
    for (const code of project.codes) writeCode(code, out, true);
    out.push('</Codes></CodeBook>');
  }
  if (project.variables.length) {
    out.push('<Variables>');
    for (const v of project.variables)
      out.push(
        open('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.type }),
        textElement('Description', v.description),
        '</Variable>',
      );
    out.push('</Variables>');
  }
  if (project.cases.length) {
    out.push('<Cases>');
    for (const c of project.cases)
      out.push(
        open('Case', { guid: c.guid, name: c.name }),
        textElement('Description', c.description),
        writeValues(c.values, typeOf),
        ...c.sourceGuids.map((g) => open('SourceRef', { targetGUID: g }, true)),
        '</Case>',
      );
    out.push('</Cases>');
  }
  if (project.sources.length) {
    out.push('<Sources>');
    for (const s of project.sources) {
      out.push(
        open('TextSource', {
          guid: s.guid,
          name: s.name,
          plainTextPath: s.plainTextPath,
          creatingUser: s.userGuid || undefined,
          creationDateTime: s.createdAt || undefined,
        }),
        textElement('Description', s.description),
      );
      for (const selection of s.selections) out.push(writeSelection(selection));
      out.push(
        s.codings.map(writeCoding).join(''),
        noteRefs(s.noteGuids),
        writeValues(s.values, typeOf),
        '</TextSource>',
      );
    }
    out.push('</Sources>');
  }
  if (project.notes.length) {
    out.push('<Notes>');
    for (const n of project.notes)
      out.push(
        open('Note', {
          guid: n.guid,
          name: n.name,
          creatingUser: n.userGuid || undefined,
          creationDateTime: n.createdAt || undefined,
        }),
        `<PlainTextContent>${escapeText(n.plainTextContent ?? '')}</PlainTextContent>`,
        '</Note>',
      );
    out.push('</Notes>');
  }
  if (project.sets.length) out.push('<Sets>', ...project.sets.map((s) => writeSet(s, true)), '</Sets>');
  out.push(textElement('Description', project.description), noteRefs(project.noteGuids), '</Project>\n');
  return out.join('');
}

export function writeCodebookXml(
  codes: readonly RefiCode[],
  sets: readonly RefiSet[],
  origin: string,
): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  out.push(open('CodeBook', { xmlns: 'urn:QDA-XML:codebook:1.0', origin }), '<Codes>');
  for (const code of codes) writeCode(code, out, false);
  out.push('</Codes>');
  const withCodes = sets.filter((s) => s.codeGuids.length > 0);
  if (withCodes.length) out.push('<Sets>', ...withCodes.map((s) => writeSet(s, false)), '</Sets>');
  out.push('</CodeBook>\n');
  return out.join('');
}
