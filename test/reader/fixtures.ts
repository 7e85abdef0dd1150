import type { Code, Segment } from '../../shared/api/coding';
import type { DocumentContent } from '../../shared/api/documents';
import { createFakeApi, type FakeHandlers } from '../fakeApi';

export const TEXT =
  'Interviewer: How did the NGO work with ISAF?\n\nRespondent: We had no choice 😀 but to cooperate.\n';

export const code = (id: number, name: string, color: string, shortcut: string | null = null): Code => ({
  id,
  parentId: null,
  name,
  color,
  description: '',
  shortcut,
  position: id,
  segmentCount: 0,
  documentCount: 0,
  groupIds: [],
});

export const content = (text = TEXT): DocumentContent => ({
  document: {
    id: 7,
    title: 'Interview 7',
    kind: 'interview',
    fileName: 'interview7.txt',
    format: 'txt',
    date: null,
    year: null,
    author: null,
    pageCount: null,
    wordCount: 16,
    participantId: null,
    importedAt: '2026-11-23T09:00:00.000Z',
    segmentCount: 0,
    attributes: {},
  },
  text,
  turns: [
    { id: 1, speaker: 'Interviewer', startUtf16: 0, endUtf16: 44 },
    { id: 2, speaker: 'Respondent', startUtf16: 46, endUtf16: text.length - 1 },
  ],
  pages: [],
});

/** A fake backend that keeps segments and codes in memory, like the real one would. */
export function fakeCodingApi(codes: Code[], initial: Segment[] = [], extra: FakeHandlers = {}) {
  const segments = [...initial];
  let nextSegment = 100;
  let nextCode = 50;
  const applied = (span: Pick<Segment, 'documentId' | 'codeId' | 'startUtf16' | 'endUtf16'>): Segment => {
    const made: Segment = {
      ...span,
      id: nextSegment++,
      text: TEXT.slice(span.startUtf16, span.endUtf16),
      memo: '',
      coder: 'ana',
      createdAt: '2026-11-23T09:00:00.000Z',
      updatedAt: '2026-11-23T09:00:00.000Z',
    };
    segments.push(made);
    return made;
  };
  const api = createFakeApi({
    'documents.get': () => content(),
    'codes.list': () => codes,
    'codeGroups.list': () => [],
    'segments.listByDocument': () => segments,
    'segments.spansByDocument': () =>
      segments.map(({ id, codeId, startUtf16, endUtf16 }) => ({
        id,
        codeId,
        coderId: 1,
        startUtf16,
        endUtf16,
      })),
    'segments.get': ({ id }) => {
      const found = segments.find((s) => s.id === id);
      if (!found) throw new Error(`segment ${id} does not exist`);
      return found;
    },
    'segments.setMemo': ({ id, memo }) => {
      const found = segments.find((s) => s.id === id);
      if (!found) throw new Error(`segment ${id} does not exist`);
      found.memo = memo;
      return { ...found };
    },
    'segments.apply': ({ documentId, codeId, startUtf16, endUtf16 }) =>
      applied({ documentId, codeId, startUtf16, endUtf16 }),
    'segments.remove': ({ id }) => {
      segments.splice(
        segments.findIndex((s) => s.id === id),
        1,
      );
      return null;
    },
    'codes.create': ({ name }) => {
      const created = code(nextCode++, name, '#22aa55');
      codes.push(created);
      return created;
    },
    'segments.applyInVivo': ({ documentId, startUtf16, endUtf16 }) => {
      const name = TEXT.slice(startUtf16, endUtf16).trim();
      const existing = codes.find((c) => c.parentId === null && c.name === name);
      const made = existing ?? code(nextCode++, name, '#22aa55');
      if (!existing) codes.push(made);
      const segment = applied({ documentId, codeId: made.id, startUtf16, endUtf16 });
      return { segment, code: made, codeCreated: !existing };
    },
    // Every segment here is ana's (coder 1), the current coder.
    'coders.list': () => [{ id: 1, name: 'ana', color: null, segmentCount: segments.length, current: true }],
    ...extra,
  });
  return { api, segments };
}

export const segment = (id: number, codeId: number, startUtf16: number, endUtf16: number): Segment => ({
  id,
  documentId: 7,
  codeId,
  startUtf16,
  endUtf16,
  text: TEXT.slice(startUtf16, endUtf16),
  memo: '',
  coder: 'ana',
  createdAt: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
});
