import { create } from 'zustand';

interface PaletteState {
  open: boolean;
  /** What the palette was opened for, shown in its title ("Code selection", "Re-code segment"). */
  title: string;
  /** Called with the chosen code id; the opener decides what choosing means (apply, re-code). */
  onChoose: ((codeId: number) => void) | null;
  show(title: string, onChoose: (codeId: number) => void): void;
  close(): void;
}

/** The Ctrl/Cmd+K code palette: one per window, opened by whichever view wants a code chosen. */
export const usePalette = create<PaletteState>((set) => ({
  open: false,
  title: '',
  onChoose: null,
  show(title, onChoose) {
    set({ open: true, title, onChoose });
  },
  close() {
    set({ open: false, onChoose: null });
  },
}));
