/**
 * Reads and checks a claimtrail file off the main thread, so a 50 MB file never freezes the
 * page: reports progress while reading and checking, then the result.
 */
import { readExportFile, type ReadResult } from '../core/format/import';

/** Messages from the worker: progress of a stage, then the result. */
export type CheckMessage =
  | { type: 'progress'; stage: 'reading' | 'checking'; fraction: number }
  | { type: 'done'; result: ReadResult };

const post = (message: CheckMessage) => (self as unknown as Worker).postMessage(message);

async function readWithProgress(file: File): Promise<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts.join('');
    parts.push(value);
    read += value.length;
    post({ type: 'progress', stage: 'reading', fraction: Math.min(1, read / Math.max(1, file.size)) });
  }
}

self.addEventListener('message', async (event: MessageEvent<File>) => {
  let text: string;
  try {
    text = await readWithProgress(event.data);
  } catch {
    post({ type: 'done', result: { ok: false, problems: ['not UTF-8 text'] } });
    return;
  }
  const result = await readExportFile(text, (fraction) => post({ type: 'progress', stage: 'checking', fraction }));
  post({ type: 'done', result });
});
