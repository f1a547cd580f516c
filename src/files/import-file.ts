/** Importing a file (claimtrail, W3C, Hypothesis, brat zip) through the import worker, from the main thread. */
import type { Label } from '../core/model';
import type { ImportReport } from '../store/db';
import type { VersionQuestion } from './versions';

/** A tag of the file's annotations that names none of our labels, and how many annotations carry it. */
export interface TagCount {
  tag: string;
  count: number;
}

/** The person's label rules as they cross to the worker: tags mapped to labels, and a label for the rest. */
export interface LabelChoice {
  map: [string, Label][];
  otherwise?: Label;
}

/** Messages to the import worker: a file to import, then the answers to its questions. */
export type ToImportWorker =
  | { type: 'import'; file: File; database: string; reader: { id: string; name: string } }
  | { type: 'answers'; versions: boolean[] | null }
  | { type: 'labels'; choice: LabelChoice | null };

/** Messages from the import worker: progress, questions for the person, then the outcome. */
export type FromImportWorker =
  | { type: 'progress'; stage: ImportStage; fraction: number | null }
  | { type: 'ask'; questions: VersionQuestion[] }
  | { type: 'ask-labels'; format: string; tags: TagCount[]; untagged: number }
  | { type: 'done'; outcome: ImportOutcome };

/**
 * The stages of an import: reading the file whole, or importing (reading, checking and storing
 * a claimtrail file as it streams) say how far they are (0 to 1); saving, the commit, cannot (null).
 */
export type ImportStage = 'reading' | 'importing' | 'saving';

/**
 * How an import ended: stored (with a report, and for other tools' files the placement report
 * in words), refused as invalid, cancelled, or failed to store.
 */
export type ImportOutcome =
  | { status: 'imported'; format: string; report: ImportReport; lines: string[] }
  | { status: 'invalid'; format: string; problems: string[] }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

/** What the page does while the worker imports: show progress, and answer its questions (null: cancel). */
export interface ImportHost {
  progress(stage: ImportStage, fraction: number | null): void;
  ask(questions: readonly VersionQuestion[]): Promise<boolean[] | null>;
  labels(format: string, tags: readonly TagCount[], untagged: number): Promise<LabelChoice | null>;
}

/** Reads, checks and stores a file in the database named `database`, in a worker; `reader` is who imports it (brat has no annotators). */
export function importInWorker(file: File, database: string, reader: { id: string; name: string }, host: ImportHost): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const send = (message: ToImportWorker) => worker.postMessage(message);
    worker.addEventListener('message', (event: MessageEvent<FromImportWorker>) => {
      const message = event.data;
      if (message.type === 'progress') host.progress(message.stage, message.fraction);
      // A question the page fails to put is taken as cancelled: the worker never waits forever.
      else if (message.type === 'ask')
        host.ask(message.questions).then(
          (versions) => send({ type: 'answers', versions }),
          () => send({ type: 'answers', versions: null }),
        );
      else if (message.type === 'ask-labels')
        host.labels(message.format, message.tags, message.untagged).then(
          (choice) => send({ type: 'labels', choice }),
          () => send({ type: 'labels', choice: null }),
        );
      else {
        worker.terminate();
        resolve(message.outcome);
      }
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ status: 'failed', message: event.message || 'the import worker failed' });
    });
    send({ type: 'import', file, database, reader });
  });
}
