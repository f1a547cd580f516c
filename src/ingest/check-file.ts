/** Checking an export file in a worker, from the main thread. */
import type { ReadResult } from '../core/format/import';
import type { CheckMessage } from './check-worker';

/** Reports which stage a check is in and how far along it is (0 to 1). */
export type CheckProgress = (stage: 'reading' | 'checking', fraction: number) => void;

/** Reads and checks a claimtrail file in a worker; resolves with the parsed file or its problems. */
export function checkExportFile(file: File, onProgress: CheckProgress): Promise<ReadResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<CheckMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.stage, message.fraction);
        return;
      }
      worker.terminate();
      resolve(message.result);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ ok: false, problems: [`could not be checked: ${event.message || 'the checking worker failed'}`] });
    });
    worker.postMessage(file);
  });
}
