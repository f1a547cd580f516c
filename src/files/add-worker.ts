/**
 * Adds one file as an article off the main thread: reads it when the page did not (plain text),
 * normalises and hashes the text, keeps the original's bytes (gzip, SHA-256), and stores it all
 * in one transaction. The page hears of the new article through the store's change channel.
 */
import { makeArticle } from '../core/article';
import { errorMessage } from '../core/errors';
import { Store } from '../store/db';
import type { AddOutcome, ToAddWorker } from './add-file';
import { readArticleFile } from './article-files';
import { keepOriginal } from './original';

async function add({ file, database, read }: ToAddWorker): Promise<AddOutcome> {
  const loaded = read ?? (await readArticleFile(file));
  const { original, stored } = await keepOriginal(file, loaded.bytes);
  const { article, text } = await makeArticle(loaded.raw, loaded.meta, { ...loaded.facts, original });
  const store = await Store.open(database);
  try {
    return await store.addArticle(article, text, stored);
  } finally {
    store.close();
  }
}

self.addEventListener('message', (event: MessageEvent<ToAddWorker>) => {
  const post = (message: AddOutcome) => (self as unknown as Worker).postMessage(message);
  add(event.data).then(post, (error: unknown) => post({ status: 'failed', message: errorMessage(error) }));
});
