import { MAX_UPLOAD_BATCH_BYTES } from '../../../shared/api/documents';

export interface Upload {
  name: string;
  dataBase64: string;
}

/** A picked or dropped file with the path the user sees (folder/file for a folder pick). */
export interface PickedFile {
  name: string;
  file: Blob;
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/**
 * Groups files into upload batches that stay under the per-call limit (browser mode caps a request),
 * so a folder of 648 files goes in a few calls and no single call holds more than ~32 MB.
 */
export function planBatches(files: readonly PickedFile[]): PickedFile[][] {
  const batches: PickedFile[][] = [];
  let current: PickedFile[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length > 0 && size + file.file.size > MAX_UPLOAD_BATCH_BYTES * 0.9) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export async function encodeBatch(batch: readonly PickedFile[]): Promise<Upload[]> {
  return Promise.all(batch.map(async (f) => ({ name: f.name, dataBase64: await toBase64(f.file) })));
}

export function pickedFromList(list: FileList | null): PickedFile[] {
  return Array.from(list ?? []).map((file) => ({ name: file.webkitRelativePath || file.name, file }));
}
