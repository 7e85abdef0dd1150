// Work that must not hold back the frame showing a change: the reloads other views make after it, and
// the write of a change already drawn ahead of the backend's answer.

/** Runs `work` once the next frame is painted (in a task of its own where nothing paints). */
export function afterPaint(work: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') setTimeout(work, 0);
  else requestAnimationFrame(() => setTimeout(work, 0));
}

let waiting = 0;
let answered: Promise<unknown> = Promise.resolve();
/** Deferred writes not sent yet, in the order asked for. */
const unsent: (() => void)[] = [];

/** Sends the deferred writes up to and including `last` (all of them without it), in order. */
function sendUnsent(last?: () => void): void {
  const upTo = last === undefined ? unsent.length : unsent.indexOf(last) + 1;
  for (const send of unsent.splice(0, upTo)) send();
}

// A page going away sends what it still holds at once rather than after a frame that never comes.
if (typeof addEventListener === 'function') addEventListener('pagehide', () => sendUnsent());

/**
 * Sends a write once the frame drawing it ahead is painted: in browser mode `fetch` alone takes 2–4 ms
 * of the renderer's thread, and that frame is what the researcher waits for. Deferred writes go out in
 * the order asked for; every other call waits for their answers (`deferredWrites`), so nothing asked
 * for later — an undo, a reload — overtakes them.
 */
export function sendAfterPaint<T>(send: () => Promise<T>): Promise<T> {
  waiting++;
  const answer = new Promise<T>((resolve, reject) => {
    const go = () => void send().then(resolve, reject);
    unsent.push(go);
    afterPaint(() => sendUnsent(go));
  });
  const before = answered;
  answered = answer
    .finally(() => waiting--)
    .then(
      () => before,
      () => before,
    );
  return answer;
}

/** The answers of the writes still deferred or in flight, or null when there are none. */
export function deferredWrites(): Promise<unknown> | null {
  return waiting > 0 ? answered : null;
}
