import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdf.js's legacy build (the one that runs on Node 20) installs core-js polyfills process-wide. Most only
// add what Node 20 lacks (Promise.withResolvers, Map.prototype.getOrInsert, …), which pdf.js needs. A few
// REPLACE natives Node 20 already implements correctly — JSON.stringify and JSON.parse, Array.prototype.push,
// Function.prototype.toString — with JavaScript wrappers: after loading pdf.js, serialising a 1.3 MB
// transcript took 150 ms instead of 5 ms, slowing every API response and every import in the process.
// So pdf.js is loaded on first use and every built-in it replaced is put back; its additions stay.
type PdfjsModule = typeof Pdfjs;

/** The objects whose existing members pdf.js's polyfills overwrite. */
function guardedObjects(): object[] {
  return [
    globalThis,
    JSON,
    Object,
    Object.prototype,
    Array,
    Array.prototype,
    Function.prototype,
    String,
    String.prototype,
    Number,
    Math,
    Promise,
    Promise.prototype,
    Map.prototype,
    Set.prototype,
    Uint8Array,
    Uint8Array.prototype,
    ArrayBuffer.prototype,
  ];
}

type Snapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

function snapshot(): Snapshot {
  const taken: Snapshot = new Map();
  for (const target of guardedObjects()) {
    const members = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (descriptor) members.set(key, descriptor);
    }
    taken.set(target, members);
  }
  return taken;
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean {
  return !!b && Object.is(a.value, b.value) && a.get === b.get && a.set === b.set;
}

/** Puts back every member that existed before and was replaced; returns their names (for the test). */
export function restoreReplaced(before: Snapshot): string[] {
  const restored: string[] = [];
  for (const [target, members] of before) {
    for (const [key, descriptor] of members) {
      if (sameDescriptor(descriptor, Reflect.getOwnPropertyDescriptor(target, key))) continue;
      if (Reflect.defineProperty(target, key, descriptor)) restored.push(String(key));
    }
  }
  return restored;
}

// A variable specifier, so TypeScript does not look for declarations of the worker bundle.
const WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let loading: Promise<PdfjsModule> | null = null;

/** pdf.js, loaded once, with Node's own built-ins left in place. */
export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    const before = snapshot();
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // pdf.js's worker bundle carries the same polyfills and is otherwise imported on the first parse,
      // after this guard; handing it over here also spares pdf.js that lookup (it runs in-process in Node).
      const worker: unknown = await import(WORKER);
      Object.assign(globalThis, { pdfjsWorker: worker });
      return pdfjs;
    } finally {
      restoreReplaced(before);
    }
  })();
  return loading;
}
