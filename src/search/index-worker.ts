/**
 * Builds the library index off the main thread and keeps it up to date: it reads the whole
 * library once, then follows every change the store announces on its change channel (this tab's
 * claims, other tabs, imports, the team project), so no caller has to remember to tell it.
 * Requests and changes are taken one at a time, in order, so an answer always reflects every
 * change announced before it.
 */
import { errorMessage } from '../core/errors';
import { LibraryIndex } from '../core/library-index';
import { parseQuery } from '../core/query';
import { ChangeChannel, type ChangeMessage } from '../store/channel';
import { Store } from '../store/db';
import type { AskName, Asks, FromIndexWorker, ToIndexWorker } from './protocol';

const post = (message: FromIndexWorker) => (self as unknown as Worker).postMessage(message);

const index = new LibraryIndex();
let store: Store | null = null;
/** Everything is done in this order: the build, then each change and request as it came. */
let work: Promise<unknown> = Promise.resolve();

function then(step: () => Promise<unknown> | unknown): void {
  work = work.then(step).catch((error: unknown) => post({ type: 'failed', message: errorMessage(error) }));
}

async function take(change: ChangeMessage): Promise<void> {
  if (change.type === 'claims') index.applyClaimChanges(change.changes);
  else {
    const [bundles, threads] = await Promise.all([store!.contents(change.articleIds), store!.threads()]);
    for (const bundle of bundles) index.setArticle(bundle);
    index.setThreads(threads);
  }
  post({ type: 'changed' });
}

function answer<K extends AskName>(ask: K, args: Asks[K]['args']): Asks[AskName]['answer'] {
  const a = args as Partial<{ query: string; me: string }>;
  switch (ask) {
    case 'search': {
      const query = parseQuery(a.query ?? '');
      return { ...index.searchLibrary(query), problems: query.problems };
    }
    case 'rows': {
      const query = parseQuery(a.query ?? '');
      return { rows: index.rows(query, a.me ?? ''), problems: query.problems };
    }
    case 'queue':
      return index.queue(a.me ?? '');
    default:
      return index.overview();
  }
}

self.addEventListener('message', (event: MessageEvent<ToIndexWorker>) => {
  const message = event.data;
  if (message.type === 'start') {
    const channel = new ChangeChannel(message.database);
    // Changes announced while the library is read are taken after it, in order.
    channel.subscribe((change) => then(() => take(change)));
    then(async () => {
      const began = performance.now();
      store = await Store.open(message.database);
      const [bundles, threads] = await Promise.all([store.contents(), store.threads()]);
      for (const bundle of bundles) index.setArticle(bundle);
      index.setThreads(threads);
      post({ type: 'ready', ms: Math.round(performance.now() - began), ...index.size });
    });
    return;
  }
  const { id, ask, args } = message;
  then(() => {
    try {
      post({ type: 'answer', id, answer: answer(ask, args) });
    } catch (error) {
      post({ type: 'failed', id, message: errorMessage(error) });
    }
  });
});
