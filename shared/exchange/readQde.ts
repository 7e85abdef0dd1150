/**
 * Element tree of a .qde → RefiProject, plus report lines for everything Passage does not keep
 * (picture, PDF-region, audio and video selections, links, graphs) and every element it had to skip
 * (duplicate or missing GUIDs). Elements are matched by local name, so any namespace version reads.
 */
import { stripBidiControls } from '../text/names';
import { canonicalGuid } from './guid';
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiSet,
  RefiSource,
  RefiVariable,
  RefiVariableType,
  RefiVariableValue,
} from './model';
import { child, childrenNamed, childText, type XmlElement } from './xmlTree';

/**
 * An element's name as Passage keeps it: without direction controls (U+202E and kin), which would let
 * a name show as something other than what it is, and without surrounding space.
 */
const nameOf = (element: XmlElement): string => stripBidiControls(element.attrs.name ?? '').trim();

const VALUE_ELEMENTS = [
  'TextValue',
  'BooleanValue',
  'IntegerValue',
  'FloatValue',
  'DateValue',
  'DateTimeValue',
];
const VARIABLE_TYPES: RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];
const MEDIA_SELECTIONS: Record<string, string> = {
  PictureSource: 'PictureSelection',
  AudioSource: 'AudioSelection',
  VideoSource: 'VideoSelection',
};

/** '#rrggbb' from '#RRGGBB' or '#RRGGBBAA' (the schema allows alpha; Passage has none). */
function colorOf(value: string | undefined): string | undefined {
  const match = /^#([0-9a-fA-F]{6})([0-9a-fA-F]{2})?$/.exec((value ?? '').trim());
  return match ? `#${match[1]!.toLowerCase()}` : undefined;
}

function label(element: XmlElement): string {
  const name = nameOf(element);
  return `${element.name}${name ? ` "${name.length > 60 ? `${name.slice(0, 59)}…` : name}"` : ''}`;
}

export function readQde(root: XmlElement, fileLabel: string): { project: RefiProject; report: string[] } {
  if (root.name !== 'Project') {
    throw new Error(
      `${fileLabel} is not a REFI-QDA project (its XML starts with <${root.name}>, not <Project>)`,
    );
  }
  const report: string[] = [];
  const seen = new Set<string>();
  /** The element's GUID if it has a new, valid one; otherwise a report line and ''. */
  const claim = (element: XmlElement): string => {
    const guid = canonicalGuid(element.attrs.guid);
    if (!guid) {
      report.push(
        `${label(element)}: skipped — its guid "${element.attrs.guid ?? ''}" is missing or not a GUID`,
      );
      return '';
    }
    if (seen.has(guid)) {
      report.push(`${label(element)}: skipped — guid ${guid} is used by an earlier element`);
      return '';
    }
    seen.add(guid);
    return guid;
  };
  const noteRefs = (element: XmlElement) =>
    childrenNamed(element, 'NoteRef')
      .map((r) => canonicalGuid(r.attrs.targetGUID))
      .filter(Boolean);
  const refs = (element: XmlElement, name: string) =>
    childrenNamed(element, name)
      .map((r) => canonicalGuid(r.attrs.targetGUID))
      .filter(Boolean);
  const valuesOf = (element: XmlElement): RefiVariableValue[] =>
    childrenNamed(element, 'VariableValue').flatMap((v) => {
      const variableGuid = canonicalGuid(child(v, 'VariableRef')?.attrs.targetGUID);
      const valueElement = v.children.find((c) => VALUE_ELEMENTS.includes(c.name));
      return variableGuid && valueElement ? [{ variableGuid, value: valueElement.text.trim() }] : [];
    });
  const codingsOf = (element: XmlElement, fallbackUser: string): RefiCoding[] =>
    childrenNamed(element, 'Coding').flatMap((coding) => {
      const guid = claim(coding);
      const codeGuid = canonicalGuid(child(coding, 'CodeRef')?.attrs.targetGUID);
      if (!guid) return [];
      if (!codeGuid) {
        report.push(`Coding ${guid}: skipped — it names no code (CodeRef)`);
        return [];
      }
      return [{ guid, codeGuid, userGuid: canonicalGuid(coding.attrs.creatingUser) || fallbackUser }];
    });

  const readCode = (element: XmlElement): RefiCode[] => {
    const guid = claim(element);
    const children = childrenNamed(element, 'Code').flatMap(readCode);
    if (!guid) return children;
    return [
      {
        guid,
        name: nameOf(element) || 'Unnamed code',
        color: colorOf(element.attrs.color),
        description: childText(element, 'Description').trim(),
        isCodable:
          element.attrs.isCodable?.trim().toLowerCase() !== 'false' && element.attrs.isCodable !== '0',
        noteGuids: noteRefs(element),
        children,
      },
    ];
  };

  const readSelections = (element: XmlElement, sourceLabel: string): RefiSelection[] =>
    element.children.flatMap((sel) => {
      if (sel.name === 'PlainTextSelection') {
        const guid = claim(sel);
        if (!guid) return [];
        const start = Number(sel.attrs.startPosition);
        const end = Number(sel.attrs.endPosition);
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
          report.push(
            `${label(sel)} ${guid} in ${sourceLabel}: skipped — positions ${sel.attrs.startPosition}..${sel.attrs.endPosition} are not a span`,
          );
          return [];
        }
        const userGuid = canonicalGuid(sel.attrs.creatingUser);
        return [
          {
            guid,
            name: stripBidiControls(sel.attrs.name ?? ''),
            start,
            end,
            userGuid,
            description: childText(sel, 'Description').trim(),
            codings: codingsOf(sel, userGuid),
            noteGuids: noteRefs(sel),
          },
        ];
      }
      if (sel.name.endsWith('Selection')) {
        report.push(
          `${sel.name} ${canonicalGuid(sel.attrs.guid)} in ${sourceLabel}: not kept — Passage keeps text selections only`,
        );
      }
      return [];
    });

  const readTextSource = (element: XmlElement, identity: XmlElement): RefiSource | undefined => {
    const guid = claim(identity);
    if (!guid) return undefined;
    const sourceLabel = label(identity);
    const userGuid = canonicalGuid(identity.attrs.creatingUser);
    const content = child(element, 'PlainTextContent');
    const originalPath = (identity.attrs.richTextPath ?? identity.attrs.path ?? '').trim();
    return {
      guid,
      name: nameOf(identity),
      element: identity.name,
      plainTextPath: (element.attrs.plainTextPath ?? '').trim(),
      ...(content ? { plainTextContent: content.text } : {}),
      ...(originalPath ? { originalPath } : {}),
      description: childText(identity, 'Description').trim(),
      userGuid,
      createdAt: identity.attrs.creationDateTime ?? '',
      selections: readSelections(element, sourceLabel),
      codings: [
        ...codingsOf(identity, userGuid),
        ...(element === identity ? [] : codingsOf(element, userGuid)),
      ],
      noteGuids: [...noteRefs(identity), ...(element === identity ? [] : noteRefs(element))],
      values: valuesOf(identity),
    };
  };

  const sources: RefiSource[] = [];
  for (const element of child(root, 'Sources')?.children ?? []) {
    if (element.name === 'TextSource') {
      const source = readTextSource(element, element);
      if (source) sources.push(source);
    } else if (element.name === 'PDFSource') {
      const representation = child(element, 'Representation');
      for (const sel of childrenNamed(element, 'PDFSelection')) {
        report.push(
          `PDFSelection ${canonicalGuid(sel.attrs.guid)} in ${label(element)}: not kept — Passage keeps text selections only`,
        );
      }
      if (representation) {
        claim(representation);
        const source = readTextSource(representation, element);
        if (source) sources.push(source);
      } else {
        // No text from the other tool: the backend reads the PDF itself if the archive holds it.
        const source = readTextSource(element, element);
        if (source) sources.push(source);
      }
    } else if (MEDIA_SELECTIONS[element.name]) {
      const count = childrenNamed(element, MEDIA_SELECTIONS[element.name]!).length;
      report.push(
        `${label(element)}: not kept — Passage keeps text documents only` +
          (count
            ? ` (${count} ${MEDIA_SELECTIONS[element.name]} element${count === 1 ? '' : 's'} with it)`
            : ''),
      );
    }
  }

  const notes: RefiNote[] = [];
  for (const element of childrenNamed(child(root, 'Notes') ?? root, 'Note')) {
    const guid = claim(element);
    if (!guid) continue;
    const content = child(element, 'PlainTextContent');
    notes.push({
      guid,
      name: nameOf(element),
      plainTextPath: (element.attrs.plainTextPath ?? '').trim(),
      ...(content ? { plainTextContent: content.text } : {}),
      userGuid: canonicalGuid(element.attrs.creatingUser),
      createdAt: element.attrs.creationDateTime ?? '',
    });
    for (const sel of element.children.filter((c) => c.name.endsWith('Selection'))) {
      report.push(`${sel.name} in ${label(element)}: not kept — selections inside notes are not kept`);
    }
  }

  const sets: RefiSet[] = childrenNamed(child(root, 'Sets') ?? root, 'Set').flatMap((element) => {
    const guid = claim(element);
    if (!guid) return [];
    return [
      {
        guid,
        name: nameOf(element) || 'Unnamed set',
        description: childText(element, 'Description').trim(),
        codeGuids: refs(element, 'MemberCode'),
        sourceGuids: refs(element, 'MemberSource'),
      },
    ];
  });

  const cases: RefiCase[] = childrenNamed(child(root, 'Cases') ?? root, 'Case').flatMap((element) => {
    const guid = claim(element);
    if (!guid) return [];
    if (childrenNamed(element, 'CodeRef').length || childrenNamed(element, 'SelectionRef').length) {
      report.push(
        `${label(element)}: its code and selection references are not kept (a participant links to documents)`,
      );
    }
    return [
      {
        guid,
        name: nameOf(element) || `Case ${guid.slice(0, 8)}`,
        description: childText(element, 'Description').trim(),
        sourceGuids: refs(element, 'SourceRef'),
        values: valuesOf(element),
      },
    ];
  });

  const variables: RefiVariable[] = childrenNamed(child(root, 'Variables') ?? root, 'Variable').flatMap(
    (element) => {
      const guid = claim(element);
      if (!guid) return [];
      const type = VARIABLE_TYPES.find((t) => t === element.attrs.typeOfVariable) ?? 'Text';
      return [
        {
          guid,
          name: nameOf(element) || 'Unnamed variable',
          type,
          description: childText(element, 'Description').trim(),
        },
      ];
    },
  );

  const links = childrenNamed(child(root, 'Links') ?? root, 'Link').length;
  if (links)
    report.push(
      `Links: ${links} link${links === 1 ? '' : 's'} not kept — Passage has no links between elements`,
    );
  const graphs = childrenNamed(child(root, 'Graphs') ?? root, 'Graph').length;
  if (graphs)
    report.push(`Graphs: ${graphs} graph${graphs === 1 ? '' : 's'} not kept — Passage has no graphs`);

  const users = childrenNamed(child(root, 'Users') ?? root, 'User').flatMap((element) => {
    const guid = claim(element);
    return guid ? [{ guid, name: nameOf(element) || stripBidiControls(element.attrs.id ?? '').trim() }] : [];
  });
  const codes = childrenNamed(child(child(root, 'CodeBook') ?? root, 'Codes') ?? root, 'Code').flatMap(
    readCode,
  );

  return {
    project: {
      name: nameOf(root),
      origin: (root.attrs.origin ?? '').trim(),
      creatingUserGuid: canonicalGuid(root.attrs.creatingUserGUID),
      description: childText(root, 'Description').trim(),
      noteGuids: noteRefs(root),
      users,
      codes,
      sources,
      notes,
      sets,
      cases,
      variables,
    },
    report,
  };
}
