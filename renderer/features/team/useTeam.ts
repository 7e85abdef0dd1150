import { create } from 'zustand';
import type { Coder } from '../../../shared/api/coding';
import type {
  AgreementReport,
  CodingCopy,
  Disagreement,
  Disagreements,
  MergeReport,
} from '../../../shared/api/team';
import type { AgreementUnit } from '../../../shared/team/units';
import { call, callOrError } from '../../api/client';
import { useProject } from '../../app/useProject';
import { useRevisions } from '../../app/useRevisions';

export interface AgreementChoice {
  coders: string[];
  unit: AgreementUnit;
  /** null: the documents every chosen coder has coded. */
  documentGroupId: number | null;
}

interface TeamState {
  coders: Coder[];
  choice: AgreementChoice;
  report: AgreementReport | null;
  disagreements: Disagreements | null;
  running: boolean;
  lastCopies: CodingCopy[] | null;
  lastMerge: MergeReport | null;
  /** Disagreements settled in this view (key → what was kept), so the list says so. */
  settled: Record<string, string>;
  loadCoders(): Promise<void>;
  switchCoder(name: string): Promise<void>;
  addCoder(name: string): Promise<string | null>;
  renameCoder(id: number, name: string): Promise<string | null>;
  setColor(id: number, color: string | null): Promise<void>;
  choose(patch: Partial<AgreementChoice>): void;
  computeAgreement(): Promise<void>;
  makeCopies(coders: string[], folder: string, withoutSegments: boolean): Promise<string | null>;
  merge(from: string): Promise<string | null>;
  settle(d: Disagreement, keep: string[]): Promise<void>;
}

export const disagreementKey = (d: Disagreement) =>
  `${d.documentId}:${d.codeId}:${d.startUtf16}:${d.endUtf16}`;

const scope = (c: AgreementChoice) => ({
  coders: c.coders,
  unit: c.unit,
  ...(c.documentGroupId !== null ? { documentGroupId: c.documentGroupId } : {}),
});

/** Coders, the agreement table with its disagreements, coding copies and merges. */
export const useTeam = create<TeamState>((set, get) => ({
  coders: [],
  choice: { coders: [], unit: 'characters', documentGroupId: null },
  report: null,
  disagreements: null,
  running: false,
  lastCopies: null,
  lastMerge: null,
  settled: {},
  async loadCoders() {
    const coders = await call('coders.list', {});
    if (coders) set({ coders });
  },
  async switchCoder(name) {
    if (await call('coders.setCurrent', { name })) {
      await get().loadCoders();
      await useProject.getState().refreshInfo();
      // Undo history and "my coding" follow the coder.
      useRevisions.getState().bump('segments');
    }
  },
  async addCoder(name) {
    const { error } = await callOrError('coders.add', { name });
    if (error) return error.message;
    await get().loadCoders();
    return null;
  },
  async renameCoder(id, name) {
    const { error } = await callOrError('coders.rename', { id, name });
    if (error) return error.message;
    await get().loadCoders();
    await useProject.getState().refreshInfo();
    return null;
  },
  async setColor(id, color) {
    if (await call('coders.setColor', { id, color })) await get().loadCoders();
  },
  choose(patch) {
    set({ choice: { ...get().choice, ...patch } });
  },
  async computeAgreement() {
    const { choice } = get();
    set({ running: true });
    const [report, disagreements] = await Promise.all([
      call('team.agreement', scope(choice)),
      call('team.disagreements', { ...scope(choice), limit: 200 }),
    ]);
    set({ running: false, report: report ?? null, disagreements: disagreements ?? null });
  },
  async makeCopies(coders, folder, withoutSegments) {
    const { value, error } = await callOrError('team.makeCopies', { coders, folder, withoutSegments });
    if (error) return error.message;
    set({ lastCopies: value ?? null });
    return null;
  },
  async merge(from) {
    const { value, error } = await callOrError('team.merge', { from });
    if (error) return error.message;
    set({ lastMerge: value ?? null });
    useRevisions.getState().bump('documents', 'groups', 'codes', 'segments', 'memos');
    await get().loadCoders();
    await useProject.getState().refreshInfo();
    return null;
  },
  async settle(d, keep) {
    const done = await call('team.settle', {
      documentId: d.documentId,
      codeId: d.codeId,
      startUtf16: d.startUtf16,
      endUtf16: d.endUtf16,
      keep,
    });
    if (!done) return;
    const kept = keep.length > 0 ? `kept ${keep.join(' and ')}` : 'kept neither';
    set({ settled: { ...get().settled, [disagreementKey(d)]: kept } });
    useRevisions.getState().bump('segments');
    await get().loadCoders();
  },
}));
