import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DocumentContent, Turn } from '../../shared/api/documents';
import { setApi } from '../../renderer/api/client';
import { AttributesCsvImport } from '../../renderer/features/documents/AttributesCsvImport';
import { SpeakersPanel } from '../../renderer/features/documents/SpeakersPanel';
import { createFakeApi } from '../fakeApi';

function transcript(turns: Turn[]): DocumentContent {
  return {
    document: {
      id: 7,
      title: 'Interview 7',
      kind: 'interview',
      fileName: 'i7.txt',
      format: 'txt',
      date: null,
      year: null,
      author: null,
      pageCount: null,
      wordCount: 10,
      participantId: null,
      importedAt: '2026-01-01T00:00:00.000Z',
      segmentCount: 0,
      attributes: {},
    },
    text: 'I: a\nR: b\nI: c',
    turns,
    pages: [],
  };
}

describe('speaker labels', () => {
  it('lists detected speakers with their turn counts and renames one in every turn', async () => {
    let turns: Turn[] = [
      { id: 1, speaker: 'I', startUtf16: 0, endUtf16: 4 },
      { id: 2, speaker: 'R', startUtf16: 5, endUtf16: 9 },
      { id: 3, speaker: 'I', startUtf16: 10, endUtf16: 14 },
    ];
    const api = createFakeApi({
      'documents.get': () => transcript(turns),
      // Counted in first-appearance order, as the backend's GROUP BY … ORDER BY min(start) does.
      'turns.speakers': () => {
        const counts = new Map<string, number>();
        for (const t of turns) counts.set(t.speaker, (counts.get(t.speaker) ?? 0) + 1);
        return [...counts].map(([speaker, n]) => ({ speaker, turns: n }));
      },
      'turns.renameSpeaker': ({ from, to }) => {
        turns = turns.map((t) => (t.speaker === from ? { ...t, speaker: to } : t));
        return { renamed: turns.filter((t) => t.speaker === to).length, turns };
      },
    });
    setApi(api);
    render(<SpeakersPanel documentId={7} />);
    const field = await screen.findByRole('textbox', { name: 'Speaker I' });
    expect(screen.getByText('2 turns')).toBeTruthy();
    expect(screen.getByText('1 turns')).toBeTruthy();
    await userEvent.clear(field);
    await userEvent.type(field, 'Interviewer{Enter}');
    expect(api.calls.find((c) => c.name === 'turns.renameSpeaker')?.args).toEqual({
      documentId: 7,
      from: 'I',
      to: 'Interviewer',
    });
    expect(await screen.findByRole('textbox', { name: 'Speaker Interviewer' })).toBeTruthy();
  });

  it('says so when a transcript has no turns', async () => {
    setApi(createFakeApi({ 'turns.speakers': () => [] }));
    render(<SpeakersPanel documentId={7} />);
    expect(await screen.findByText(/No speaker turns were detected/)).toBeTruthy();
  });
});

describe('attributes from a CSV', () => {
  it('sends the file text and reports matches, new attributes and unmatched rows', async () => {
    const api = createFakeApi({
      'attributes.importCsv': () => ({
        matched: 2,
        unmatched: ['ghost.txt'],
        created: [{ name: 'year', type: 'number' }],
        valuesSet: 2,
      }),
    });
    setApi(api);
    render(<AttributesCsvImport />);
    const csv = 'file,year\na.txt,2016\nb.txt,2018\nghost.txt,2020\n';
    await userEvent.upload(
      screen.getByLabelText('CSV file'),
      new File([csv], 'years.csv', { type: 'text/csv' }),
    );
    await waitFor(() => expect(api.calls.some((c) => c.name === 'attributes.importCsv')).toBe(true));
    expect(api.calls.find((c) => c.name === 'attributes.importCsv')?.args).toEqual({ csv });
    expect((await screen.findByRole('status')).textContent).toBe(
      '2 documents matched, 2 values set; new attributes: year (number); no document for: ghost.txt',
    );
  });
});
