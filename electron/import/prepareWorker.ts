// Worker thread entry (bundled to out/import/prepareWorker.cjs): reads and prepares .txt/.md files
// (decode, normalise, hash, count words, detect turns) while the import job writes earlier files to
// the database on the main thread. It never touches the project; it answers each request in order.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { reasonOf } from './importError';
import { claimForWorker, type PrepareReply, type PrepareRequest } from './prepareProtocol';
import { preparePlainText } from './prepareText';

function prepare(request: PrepareRequest): { reply: PrepareReply; transfer: ArrayBuffer[] } {
  try {
    const bytes = fs.readFileSync(request.path);
    const prepared = preparePlainText(request.fileName, bytes, request.kind);
    // When the stored text is (a view of) the file's bytes, they are handed over rather than copied,
    // provided the buffer is the file's alone (small reads share Node's buffer pool).
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const handOver = own && prepared.text instanceof Uint8Array && prepared.text.buffer === bytes.buffer;
    return {
      reply: { id: request.id, prepared },
      transfer: handOver ? [bytes.buffer as ArrayBuffer] : [],
    };
  } catch (error) {
    return { reply: { id: request.id, reason: reasonOf(error) }, transfer: [] };
  }
}

if (parentPort) {
  const port = parentPort;
  const { claims } = workerData as { claims: Int32Array };
  port.on('message', (request: PrepareRequest) => {
    if (!claimForWorker(claims, request.id)) {
      port.postMessage({ id: request.id, skipped: true } satisfies PrepareReply);
      return;
    }
    const { reply, transfer } = prepare(request);
    port.postMessage(reply, transfer);
  });
  port.postMessage({ started: true });
}
