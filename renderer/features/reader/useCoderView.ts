import { create } from 'zustand';
import type { Coder } from '../../../shared/api/coding';
import { coderColors, type ColoredCoder } from '../../../shared/team/coderColors';
import { callOrError } from '../../api/client';
import { useProject } from '../../app/useProject';

/**
 * Whose coding the reader shows: the current coder's only (blind coding), everyone's, or chosen coders'.
 * Coders are kept by id: a rename does not lose the choice.
 */
export type CoderView = { kind: 'mine' } | { kind: 'everyone' } | { kind: 'chosen'; coderIds: number[] };

const EVERYONE: CoderView = { kind: 'everyone' };
const storageKey = (projectPath: string) => `passage.coderView:${projectPath}`;

function parseView(saved: string | null): CoderView {
  try {
    const view = JSON.parse(saved ?? 'null') as CoderView | null;
    if (view?.kind === 'mine' || view?.kind === 'everyone') return { kind: view.kind };
    if (view?.kind === 'chosen' && Array.isArray(view.coderIds))
      return { kind: 'chosen', coderIds: view.coderIds.filter((id) => Number.isInteger(id)) };
  } catch {
    // A hand-edited or older entry: start from everyone's coding.
  }
  return EVERYONE;
}

interface CoderViewState {
  /** The project the view was read for: each project remembers its own. */
  projectPath: string | null;
  view: CoderView;
  coders: Coder[];
  /** Reads the view remembered for the open project, when the project changed. */
  restore(): void;
  /** Fetches the project's coders (quietly: the reader works without them, showing everyone's coding). */
  loadCoders(): Promise<Coder[]>;
  setView(view: CoderView): void;
}

export const useCoderView = create<CoderViewState>((set, get) => ({
  projectPath: null,
  view: EVERYONE,
  coders: [],
  restore() {
    const path = useProject.getState().info?.path ?? null;
    if (path === get().projectPath) return;
    const saved =
      path !== null && typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey(path)) : null;
    set({ projectPath: path, view: parseView(saved), coders: [] });
  },
  async loadCoders() {
    const { value } = await callOrError('coders.list', {});
    if (value) set({ coders: value });
    return get().coders;
  },
  setView(view) {
    const path = get().projectPath;
    if (path !== null && typeof localStorage !== 'undefined')
      localStorage.setItem(storageKey(path), JSON.stringify(view));
    set({ view });
  },
}));

/**
 * The coders whose spans to fetch: undefined for everyone, known at once (so the spans are asked for
 * without a wait); the other views know theirs once the coders are loaded.
 */
export function coderFilter(): number[] | undefined | Promise<number[] | undefined> {
  const state = useCoderView.getState();
  state.restore();
  const { view } = useCoderView.getState();
  if (view.kind === 'everyone') {
    // Not waited for: only the key of colours needs them, and it follows when they arrive. Asked for
    // after the caller's own request, which the backend then answers first.
    queueMicrotask(() => void state.loadCoders());
    return undefined;
  }
  return state.loadCoders().then((coders) => {
    if (view.kind === 'chosen') return view.coderIds;
    const me = coders.find((c) => c.current);
    return me ? [me.id] : [];
  });
}

/**
 * The coders of the shown spans with their colours, when there are two or more; null otherwise (one
 * coder's stripes keep their code colours).
 */
export function coderKeyOf(
  coderIds: Iterable<number>,
  coders: readonly Coder[],
): Map<number, ColoredCoder> | null {
  const shown = new Set(coderIds);
  if (shown.size < 2) return null;
  const colored = coderColors(coders);
  const key = new Map<number, ColoredCoder>();
  for (const id of [...shown].sort((a, b) => a - b))
    key.set(id, colored.find((c) => c.id === id) ?? { id, name: `Coder ${id}`, color: '#888888' });
  return key;
}
