/**
 * Imports a claimtrail file off the main thread, so a 50 MB file never freezes the page: reads
 * and checks it with progress, asks the page about articles that look like versions of stored
 * ones, carries their claims, and stores the file in one transaction. Only the questions and the
 * report cross to the page, never the claims.
 */
import { readExportFile } from '../core/format/import';
import { Store } from '../store/db';
import { errorMessage } from '../store/errors';
import type { FromImportWorker, ImportOutcome, ToImportWorker } from './import-file';
import { carryVersions, findVersions } from './versions';

const post = (message: FromImportWorker) => (self as unknown as Worker).postMessage(message);

/** The page's answers to the version questions, when they come. */
let answered: ((versions: boolean[] | null) => void) | null = null;

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

async function importFile(file: File, database: string): Promise<ImportOutcome> {
  let text: string;
  try {
    text = await readWithProgress(file);
  } catch {
    return { status: 'invalid', problems: ['not UTF-8 text'] };
  }
  const read = await readExportFile(text, (fraction) => post({ type: 'progress', stage: 'checking', fraction }));
  if (!read.ok) return { status: 'invalid', problems: read.problems };
  const store = await Store.open(database);
  try {
    const questions = await findVersions(store, read.value);
    let asVersions = questions;
    if (questions.length) {
      const answers = await new Promise<boolean[] | null>((resolve) => {
        answered = resolve;
        post({ type: 'ask', questions });
      });
      if (!answers) return { status: 'cancelled' };
      asVersions = questions.filter((_, i) => answers[i]);
    }
    const { file: carried, lines } = await carryVersions(store, read.value, asVersions);
    post({ type: 'progress', stage: 'saving', fraction: null });
    return { status: 'imported', report: await store.importFile(carried), lines };
  } finally {
    store.close();
  }
}

self.addEventListener('message', (event: MessageEvent<ToImportWorker>) => {
  const message = event.data;
  if (message.type === 'answers') {
    answered?.(message.versions);
    answered = null;
    return;
  }
  importFile(message.file, message.database).then(
    (outcome) => post({ type: 'done', outcome }),
    (error: unknown) => post({ type: 'done', outcome: { status: 'failed', message: errorMessage(error) } }),
  );
});
