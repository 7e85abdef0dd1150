// Worker thread entry (bundled to out/import/prepareWorker.cjs): reads and prepares .txt/.md files
// (decode, normalise, hash, count words, detect turns) while the import job writes earlier files to
// the database on the main thread. It never touches the project; it answers each request in order.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkDecoded, decodeUnicode, type DecodedText } from './decodeUnicode';
import { reasonOf } from './importError';
import { claimForWorker, type PrepareReply, type PrepareRequest } from './prepareProtocol';
import { preparePlainText } from './prepareText';

/** A file in a legacy code page: the job decodes it (with chardet and iconv-lite, not bundled here). */
class NeedsLegacyDecoding extends Error {}

function decode(bytes: Uint8Array): DecodedText {
  const decoded = decodeUnicode(bytes);
  if (!decoded) throw new NeedsLegacyDecoding();
  return checkDecoded(decoded);
}

function prepare(request: PrepareRequest): { reply: PrepareReply; transfer: ArrayBuffer[] } {
  try {
    const bytes = fs.readFileSync(request.path);
    const prepared = preparePlainText(request.fileName, bytes, request.kind, decode);
    // When the stored text is (a view of) the file's bytes, they are handed over rather than copied,
    // provided the buffer is the file's alone (small reads share Node's buffer pool).
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const handOver = own && prepared.text instanceof Uint8Array && prepared.text.buffer === bytes.buffer;
    return {
      reply: { id: request.id, prepared },
      transfer: handOver ? [bytes.buffer as ArrayBuffer] : [],
    };
  } catch (error) {
    if (error instanceof NeedsLegacyDecoding)
      return { reply: { id: request.id, skipped: true }, transfer: [] };
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
