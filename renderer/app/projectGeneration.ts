import type { StoreApi } from 'zustand';

// One reset point for everything a project leaves in the renderer. Feature stores hold ids (the open
// document, ticked rows, a code being edited) that mean something else — or nothing — in the next
// project: left in place they opened an unrelated document whose id coincided, or asked the backend
// for rows that were gone (error toasts). Every store registered here goes back to the state it was
// created with whenever the project generation changes.

let generation = 0;
const resets: (() => void)[] = [];

/** Registers stores to be put back to their initial state (their state right now) on every project change. */
export function resetOnProjectChange(...stores: StoreApi<object>[]): void {
  for (const store of stores) {
    const initial = store.getState();
    resets.push(() => store.setState(initial, true));
  }
}

/** Starts a new project generation: every registered store is reset; returns the new generation. */
export function nextProjectGeneration(): number {
  generation += 1;
  for (const reset of resets) reset();
  return generation;
}

/** The generation now: work begun in an earlier one (a slow load) must not write into the stores. */
export function projectGeneration(): number {
  return generation;
}
