/**
 * Adding a file as an article through the add worker, from the main thread. The worker
 * normalises the text, hashes it, keeps the original (gzip and SHA-256) and stores the article,
 * so adding a 100 MB file runs no long task on the page; a plain-text file is read there too.
 * Kinds that need the page (web pages, PDFs, Word files) are read here first.
 */
import type { ArticleFacts, ArticleMeta } from '../core/model';
import type { AddResult } from '../store/db';
import { readArticleFile, readsWithoutPage } from './article-files';

/** What the page read of the file: its article text and details; none when the worker reads it. */
export interface PageRead {
  raw: string;
  meta: Partial<ArticleMeta>;
  facts: ArticleFacts;
}

/** The message to the add worker. */
export interface ToAddWorker {
  file: File;
  database: string;
  read?: PageRead;
}

/** How adding ended: the article stored (or the one already there with this text), or why not. */
export type AddOutcome = AddResult | { status: 'failed'; message: string };

/** Reads `file` (in the page only when it must be) and adds it to the database named `database` in a worker. */
export async function addFileInWorker(file: File, database: string): Promise<AddOutcome> {
  let read: PageRead | undefined;
  if (!readsWithoutPage(file)) {
    const { raw, meta, facts } = await readArticleFile(file);
    read = { raw, meta, facts };
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./add-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<AddOutcome>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ status: 'failed', message: event.message || `${file.name}: the worker adding it failed` });
    });
    worker.postMessage({ file, database, ...(read ? { read } : {}) } satisfies ToAddWorker);
  });
}
