/**
 * Adding a file as an article through the add worker, from the main thread. The worker
 * normalises the text, hashes it, keeps the original (gzip and SHA-256) and stores the article,
 * so adding a 100 MB file runs no long task on the page; a plain-text file is read there too.
 * Kinds that need the page (web pages, PDFs, Word files) are read here first.
 */
import type { ArticleFacts, ArticleMeta } from '../core/model';
import type { AddResult } from '../store/db';
import { readArticleFile, readsWithoutPage } from './article-files';
import { workerAnswer } from './worker-answer';

/** What the page read of the file: its article text and details, and its bytes (handed over, not copied); none when the worker reads it. */
export interface PageRead {
  raw: string;
  meta: Partial<ArticleMeta>;
  facts: ArticleFacts;
  bytes: Uint8Array<ArrayBuffer>;
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
  const read = readsWithoutPage(file) ? undefined : await readArticleFile(file);
  const worker = new Worker(new URL('./add-worker.ts', import.meta.url), { type: 'module' });
  const message: ToAddWorker = { file, database, ...(read ? { read } : {}) };
  return workerAnswer<AddOutcome>(worker, message, `${file.name}: the worker adding it failed`, read ? [read.bytes.buffer] : []);
}
