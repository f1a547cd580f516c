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
import { TABLE_BLOCK, type AskName, type Asks, type FromIndexWorker, type ToIndexWorker } from './protocol';

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

/** The Claims view's table as last made: its claim ids in order, and for whom (the review column). */
let table = { version: 0, ids: [] as string[], me: '' };

function answer<K extends AskName>(ask: K, args: Asks[K]['args']): Asks[AskName]['answer'] {
  const a = args as Partial<Asks['table']['args'] & Asks['tableRows']['args']>;
  switch (ask) {
    case 'search': {
      const query = parseQuery(a.query ?? '');
      return { ...index.searchLibrary(query), problems: query.problems };
    }
    case 'table': {
      const query = parseQuery(a.query ?? '');
      const me = a.me ?? '';
      table = { version: table.version + 1, ids: index.claimIds(query, me, a.sort), me };
      const at = a.keep ? table.ids.indexOf(a.keep) : -1;
      const from = Math.max(0, at - TABLE_BLOCK / 2);
      return {
        version: table.version,
        count: table.ids.length,
        rows: index.rowsOf(table.ids.slice(from, from + TABLE_BLOCK), me),
        from,
        at,
        problems: query.problems,
      };
    }
    case 'tableRows':
      return a.version === table.version ? index.rowsOf(table.ids.slice(a.from, a.to), table.me) : [];
    case 'tableIds':
      return a.version === table.version ? table.ids : [];
    case 'queue':
      return index.queue(a.me ?? '');
    case 'queueEntry':
      return index.queueEntry((args as Asks['queueEntry']['args']).id);
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
