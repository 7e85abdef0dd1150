import { create } from 'zustand';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
const LIFETIME_MS = { error: 8000, info: 4000 };

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-4), { ...toast, id }] });
    setTimeout(() => get().dismiss(id), LIFETIME_MS[toast.kind]);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));
