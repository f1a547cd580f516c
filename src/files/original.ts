/**
 * Keeping an added file as evidence: its bytes gzip-compressed (the browser's CompressionStream),
 * its SHA-256, name, media type and size, and when it was added; and giving it back byte for byte.
 */
import { nowIso, type OriginalFile } from '../core/model';
import { bytesSha256Hex } from '../core/text';
import type { StoredOriginal } from '../store/schema';

async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<ArrayBuffer> {
  return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer();
}

/** The record of a file and its compressed bytes, ready to store with the article made from it. */
export async function keepOriginal(file: File, bytes: Uint8Array<ArrayBuffer>): Promise<{ original: OriginalFile; stored: Omit<StoredOriginal, 'id'> }> {
  const original: OriginalFile = { name: file.name, sha256: await bytesSha256Hex(bytes), type: file.type || 'application/octet-stream', size: bytes.length };
  return { original, stored: { ...original, added: nowIso(), gzip: await through(bytes, new CompressionStream('gzip')) } };
}

/** The kept file as it was added, checked against its SHA-256. */
export async function originalFile(stored: StoredOriginal): Promise<File> {
  const bytes = new Uint8Array(await through(new Uint8Array(stored.gzip), new DecompressionStream('gzip')));
  if ((await bytesSha256Hex(bytes)) !== stored.sha256) throw new Error(`the kept copy of ${stored.name} no longer matches its SHA-256`);
  return new File([bytes], stored.name, { type: stored.type ?? 'application/octet-stream' });
}
