/** Importing a claimtrail file through the import worker, from the main thread. */
import type { ImportReport } from '../store/db';
import type { VersionQuestion } from './versions';

/** Messages to the import worker: a file to import, then the answers to its questions. */
export type ToImportWorker =
  | { type: 'import'; file: File; database: string }
  | { type: 'answers'; versions: boolean[] | null };

/** Messages from the import worker: progress, questions for the person, then the outcome. */
export type FromImportWorker =
  | { type: 'progress'; stage: ImportStage; fraction: number | null }
  | { type: 'ask'; questions: VersionQuestion[] }
  | { type: 'done'; outcome: ImportOutcome };

/** The stages of an import; reading and checking say how far they are (0 to 1), storing cannot (null). */
export type ImportStage = 'reading' | 'checking' | 'saving';

/** How an import ended: stored (with a report), refused as invalid, cancelled, or failed to store. */
export type ImportOutcome =
  | { status: 'imported'; report: ImportReport; lines: string[] }
  | { status: 'invalid'; problems: string[] }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

/** What the page does while the worker imports: show progress, and answer its questions (null: cancel). */
export interface ImportHost {
  progress(stage: ImportStage, fraction: number | null): void;
  ask(questions: readonly VersionQuestion[]): Promise<boolean[] | null>;
}

/** Reads, checks and stores a claimtrail file in the database named `database`, in a worker. */
export function importExportFile(file: File, database: string, host: ImportHost): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const send = (message: ToImportWorker) => worker.postMessage(message);
    worker.addEventListener('message', (event: MessageEvent<FromImportWorker>) => {
      const message = event.data;
      if (message.type === 'progress') host.progress(message.stage, message.fraction);
      else if (message.type === 'ask') void host.ask(message.questions).then((versions) => send({ type: 'answers', versions }));
      else {
        worker.terminate();
        resolve(message.outcome);
      }
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ status: 'failed', message: event.message || 'the import worker failed' });
    });
    send({ type: 'import', file, database });
  });
}
