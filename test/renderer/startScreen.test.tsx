import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProjectInfo } from '../../shared/api/project';
import { PassageError } from '../../shared/api/result';
import { App } from '../../renderer/App';
import { setApi } from '../../renderer/api/client';
import { useProject } from '../../renderer/app/useProject';
import { createFakeApi } from '../fakeApi';

const emptyCounts = {
  documents: 0,
  codes: 0,
  segments: 0,
  participants: 0,
  documentGroups: 0,
  codeGroups: 0,
  memos: 0,
};
const infoFor = (path: string): ProjectInfo => ({
  path,
  name: path.split('/').pop()!.replace('.passage', ''),
  schemaVersion: 10,
  counts: emptyCounts,
  coder: 'ana',
});

describe('start screen', () => {
  beforeEach(() => useProject.setState({ info: undefined, recent: [] }));

  it('creates a project at the typed path and shows the empty Documents area', async () => {
    const api = createFakeApi({
      'project.info': () => null,
      'project.recent': () => [],
      'project.defaultPath': () => '/home/ana/Passage/My study.passage',
      'project.create': ({ path }) => infoFor(path),
      'documents.list': () => [],
      // The coder switcher in the sidebar lists the project's coders.
      'coders.list': () => [],
    });
    setApi(api);
    render(<App />);
    const newForm = await screen.findByRole('form', { name: 'New project' });
    const field = newForm.querySelector('input')!;
    await waitFor(() => expect(field.value).toBe('/home/ana/Passage/My study.passage'));
    await userEvent.clear(field);
    await userEvent.type(field, '/data/nato.passage');
    await userEvent.click(screen.getByRole('button', { name: 'Create project' }));
    expect(await screen.findByRole('heading', { name: 'Documents' })).toBeTruthy();
    expect(await screen.findByText(/No documents yet/)).toBeTruthy();
    expect(screen.queryByRole('alert')?.textContent ?? null).toBeNull();
    expect(screen.getByText('nato')).toBeTruthy();
    expect(api.calls.find((c) => c.name === 'project.create')?.args).toEqual({ path: '/data/nato.passage' });
  });

  it('lists recent projects and marks missing ones', async () => {
    setApi(
      createFakeApi({
        'project.info': () => null,
        'project.defaultPath': () => '/x.passage',
        'project.recent': () => [
          { path: '/data/a.passage', name: 'a', openedAt: '2026-11-01T10:00:00.000Z', exists: true },
          { path: '/data/gone.passage', name: 'gone', openedAt: '2026-10-01T10:00:00.000Z', exists: false },
        ],
      }),
    );
    render(<App />);
    const recent = await screen.findByRole('region', { name: 'Recent projects' });
    await waitFor(() => expect(recent.querySelectorAll('li')).toHaveLength(2));
    const buttons = recent.querySelectorAll('button');
    expect(buttons[0]!.disabled).toBe(false);
    expect(buttons[1]!.disabled).toBe(true);
    expect(recent.textContent).toContain('(missing)');
  });

  it('shows the backend error inline when opening fails', async () => {
    setApi(
      createFakeApi({
        'project.info': () => null,
        'project.recent': () => [],
        'project.defaultPath': () => '/x.passage',
        'project.open': () => {
          throw new PassageError(
            'invalid_argument',
            'open: notes.txt is not a Passage project (not a SQLite file)',
          );
        },
      }),
    );
    render(<App />);
    const openForm = await screen.findByRole('form', { name: 'Open project' });
    await userEvent.type(openForm.querySelector('input')!, '/data/notes.txt');
    await userEvent.click(screen.getByRole('button', { name: 'Open project' }));
    expect((await screen.findByRole('alert')).textContent).toContain('notes.txt is not a Passage project');
  });
});
