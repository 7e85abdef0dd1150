/**
 * RefiProject + the raw texts of its sources → the rows a new Passage project gets (ImportPlan), with
 * report lines for what could not be kept. Pure: the backend reads the archive before and writes the
 * rows after. Every selection is placed through its source's offset map (never by searching text).
 */
import { stripBidiControls } from '../text/names';
import { paletteColor } from '../coding/palette';
import { chooseUnit, type OffsetChoice } from './detectUnit';
import { buildOffsetMap, type OffsetMap } from './offsetMap';
import type { RefiCode, RefiProject, RefiSource } from './model';
import { planGroupsAndCases, uniqueName } from './planGroups';

export interface PlannedDocument {
  guid: string;
  title: string;
  fileName: string;
  format: 'txt' | 'docx' | 'pdf';
  text: string;
  participantGuid?: string;
}
export interface PlannedCode {
  guid: string;
  parentGuid: string | null;
  name: string;
  color: string;
  description: string;
  position: number;
  /** False: a heading of its sub-codes, never applied (isCodable="false"). */
  codable: boolean;
}
export interface PlannedSegment {
  guid: string;
  documentGuid: string;
  codeGuid: string;
  coderGuid: string;
  start: number;
  end: number;
  memo: string;
}
export interface PlannedMemo {
  guid?: string;
  title: string;
  body: string;
  author: string;
  documentGuid?: string;
  codeGuid?: string;
}
export interface PlannedGroup {
  guid: string;
  name: string;
  description: string;
  memberGuids: string[];
}
export type AttributeKind = 'text' | 'number' | 'date' | 'boolean';
export interface PlannedAttribute {
  guid: string;
  scope: 'document' | 'participant';
  name: string;
  type: AttributeKind;
  values: { ownerGuid: string; value: string }[];
}
export interface ImportPlan {
  coders: { guid: string; name: string }[];
  documents: PlannedDocument[];
  codes: PlannedCode[];
  segments: PlannedSegment[];
  memos: PlannedMemo[];
  codeGroups: PlannedGroup[];
  documentGroups: PlannedGroup[];
  participants: { guid: string; label: string; notes: string }[];
  attributes: PlannedAttribute[];
  /** Per source: which unit its offsets were read in, and why. */
  units: { document: string; unit: string }[];
  report: string[];
}

/** A source's raw text as read from the archive, or why it could not be. */
export type SourceText =
  | {
      raw: string;
      /** Set when Passage read the text from the original file (docx, pdf) the tool gave no text for. */
      readFrom?: string;
    }
  | { missing: string };

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

export function planImport(
  project: RefiProject,
  texts: ReadonlyMap<string, SourceText>,
  offsets: OffsetChoice,
  noteTexts: ReadonlyMap<string, string>,
): ImportPlan {
  const report: string[] = [];
  const plan: ImportPlan = {
    coders: [],
    documents: [],
    codes: [],
    segments: [],
    memos: [],
    codeGroups: [],
    documentGroups: [],
    participants: [],
    attributes: [],
    units: [],
    report,
  };

  // Users → coders (names are unique in Passage; two users of one name become one coder).
  const coderOf = new Map<string, string>();
  const coderByName = new Map<string, string>();
  for (const user of project.users) {
    const name = user.name || `User ${user.guid.slice(0, 8)}`;
    const known = coderByName.get(name.toLowerCase());
    if (known) {
      coderOf.set(user.guid, known);
      report.push(`User "${name}" ${user.guid}: merged with the earlier user of the same name`);
      continue;
    }
    coderByName.set(name.toLowerCase(), user.guid);
    coderOf.set(user.guid, user.guid);
    plan.coders.push({ guid: user.guid, name });
  }
  const userName = (guid: string) => plan.coders.find((c) => c.guid === coderOf.get(guid))?.name;
  let fallbackCoder: string | undefined;
  const coderFor = (userGuid: string, what: string): string => {
    const known = coderOf.get(userGuid) ?? coderOf.get(project.creatingUserGuid);
    if (known) return known;
    if (userGuid) report.push(`${what}: its user ${userGuid} is not among the project's users`);
    if (!fallbackCoder) {
      fallbackCoder = crypto.randomUUID();
      const name = 'imported';
      plan.coders.push({ guid: fallbackCoder, name: coderByName.has(name) ? 'imported (REFI-QDA)' : name });
    }
    return fallbackCoder;
  };

  // Code tree.
  const codeGuids = new Set<string>();
  const notCodable: string[] = [];
  const addCodes = (codes: readonly RefiCode[], parentGuid: string | null) => {
    const taken = new Set<string>();
    codes.forEach((code, position) => {
      const name = uniqueName(code.name, taken);
      if (name !== code.name)
        report.push(`Code "${code.name}" ${code.guid}: renamed "${name}" (a sibling has the same name)`);
      if (!code.isCodable) notCodable.push(`"${name}"`);
      codeGuids.add(code.guid);
      plan.codes.push({
        guid: code.guid,
        parentGuid,
        name,
        color: code.color ?? paletteColor(plan.codes.length).toLowerCase(),
        description: code.description,
        position,
        codable: code.isCodable,
      });
      addCodes(code.children, code.guid);
    });
  };
  addCodes(project.codes, null);
  if (notCodable.length) {
    report.push(
      `Code ${notCodable.join(', ')}: marked not codable (isCodable="false"), kept as headings of their sub-codes that can't be applied (Codebook → edit the code → Can be applied changes that)`,
    );
  }

  // Notes: each becomes a memo where it is referenced; unreferenced ones on the project.
  const noteByGuid = new Map(project.notes.map((n) => [n.guid, n]));
  const usedNotes = new Set<string>();
  const noteBody = (
    guid: string,
    where: string,
  ): { title: string; body: string; author: string; guid?: string } | undefined => {
    const note = noteByGuid.get(guid);
    if (!note) {
      report.push(`NoteRef ${guid} on ${where}: skipped — no Note has this guid`);
      return undefined;
    }
    const first = !usedNotes.has(guid);
    usedNotes.add(guid);
    return {
      ...(first ? { guid } : {}),
      title: note.name || 'Note',
      body: noteTexts.get(guid) ?? '',
      author: userName(note.userGuid) ?? 'imported',
    };
  };
  for (const guid of project.noteGuids) {
    const memo = noteBody(guid, 'the project');
    if (memo) plan.memos.push(memo);
  }
  for (const code of plan.codes) {
    const source = findCode(project.codes, code.guid);
    for (const guid of source?.noteGuids ?? []) {
      const memo = noteBody(guid, `code "${code.name}"`);
      if (memo) plan.memos.push({ ...memo, codeGuid: code.guid });
    }
  }

  // Sources → documents, selections × codings → segments.
  const documentGuids = new Set<string>();
  const segmentKeys = new Set<string>();
  for (const source of project.sources) {
    const text = texts.get(source.guid);
    const title =
      source.name ||
      stripBidiControls(baseName(source.plainTextPath)) ||
      `Document ${plan.documents.length + 1}`;
    const what = `${source.element} "${title}"`;
    if (!text || 'missing' in text) {
      const lost = source.selections.length;
      report.push(
        `${what}: not kept — ${text && 'missing' in text ? text.missing : 'it has no text'}` +
          (lost ? ` (${lost} selection${lost === 1 ? '' : 's'} lost)` : ''),
      );
      continue;
    }
    const spans = source.selections.map((s) => ({ start: s.start, end: s.end }));
    const decision = text.readFrom
      ? { unit: 'codepoints' as const, reason: `text read by Passage from ${text.readFrom}` }
      : chooseUnit(text.raw, spans, offsets, project.origin);
    const map = buildOffsetMap(text.raw, decision.unit);
    plan.units.push({ document: title, unit: decision.reason });
    documentGuids.add(source.guid);
    plan.documents.push({
      guid: source.guid,
      title,
      fileName: title,
      format: source.element === 'PDFSource' ? 'pdf' : /\.docx?$/i.test(title) ? 'docx' : 'txt',
      text: map.storedText,
    });
    if (source.description)
      plan.memos.push({
        title: 'Description',
        body: source.description,
        author: userName(source.userGuid) ?? 'imported',
        documentGuid: source.guid,
      });
    for (const guid of source.noteGuids) {
      const memo = noteBody(guid, what);
      if (memo) plan.memos.push({ ...memo, documentGuid: source.guid });
    }
    if (text.readFrom) {
      // The selections count characters of the other tool's own text of the file, which Passage's
      // reading need not match character for character: placing them would shift quotes.
      const lost = source.selections.length;
      report.push(
        `${what}: the file had no plain text, so Passage read it from ${text.readFrom}` +
          (lost
            ? `; its ${lost} selection${lost === 1 ? '' : 's'} could not be placed (their offsets count the other tool's text of the file)`
            : ''),
      );
      continue;
    }
    placeSelections(source, map, what);
  }

  function placeSelections(source: RefiSource, map: OffsetMap, what: string) {
    const addSegment = (
      guid: string,
      codeGuid: string,
      userGuid: string,
      start: number,
      end: number,
      memo: string,
      where: string,
    ) => {
      if (!codeGuids.has(codeGuid)) {
        report.push(`Coding ${guid} in ${where}: skipped — no code has guid ${codeGuid}`);
        return;
      }
      const coderGuid = coderFor(userGuid, `Coding ${guid}`);
      const key = `${codeGuid} ${coderGuid} ${start} ${end}`;
      if (segmentKeys.has(`${source.guid} ${key}`)) {
        report.push(
          `Coding ${guid} in ${where}: skipped — the same code by the same coder on the same span is already there`,
        );
        return;
      }
      segmentKeys.add(`${source.guid} ${key}`);
      plan.segments.push({ guid, documentGuid: source.guid, codeGuid, coderGuid, start, end, memo });
    };
    for (const coding of source.codings) {
      if (map.storedText.length === 0) continue;
      addSegment(coding.guid, coding.codeGuid, coding.userGuid, 0, map.storedText.length, '', what);
    }
    for (const selection of source.selections) {
      const where = `PlainTextSelection ${selection.guid} of ${what}`;
      if (selection.end > map.rawLength) {
        report.push(
          `${where}: skipped — positions ${selection.start}..${selection.end} are outside the text (${map.rawLength} ${map.unit === 'utf16' ? 'UTF-16 units' : 'code points'})`,
        );
        continue;
      }
      const start = map.toStored(selection.start, 'start');
      const end = map.toStored(selection.end, 'end');
      const memoParts = [selection.description];
      for (const guid of selection.noteGuids) memoParts.push(noteBody(guid, where)?.body ?? '');
      const memo = memoParts.filter(Boolean).join('\n\n');
      if (start >= end) {
        report.push(`${where}: skipped — it is empty (positions ${selection.start}..${selection.end})`);
        continue;
      }
      if (selection.codings.length === 0) {
        if (memo) {
          const quoted = quote(map.storedText.slice(start, end));
          plan.memos.push({
            title: `On "${quoted}"`,
            body: `> ${map.storedText.slice(start, end)}\n\n${memo}`,
            author: userName(selection.userGuid) ?? 'imported',
            documentGuid: source.guid,
          });
        }
        continue;
      }
      for (const coding of selection.codings)
        addSegment(
          coding.guid,
          coding.codeGuid,
          coding.userGuid || selection.userGuid,
          start,
          end,
          memo,
          where,
        );
    }
  }

  for (const note of project.notes) {
    if (!usedNotes.has(note.guid)) {
      plan.memos.push({
        guid: note.guid,
        title: note.name || 'Note',
        body: noteTexts.get(note.guid) ?? '',
        author: userName(note.userGuid) ?? 'imported',
      });
    }
  }

  planGroupsAndCases(project, plan, codeGuids, documentGuids);
  return plan;
}

function findCode(codes: readonly RefiCode[], guid: string): RefiCode | undefined {
  for (const code of codes) {
    if (code.guid === guid) return code;
    const found = findCode(code.children, guid);
    if (found) return found;
  }
  return undefined;
}

function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? '').replace(/^internal:\/\//, '').replace(/\.txt$/i, '');
}
