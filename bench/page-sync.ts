/**
 * The raw PouchDB peer of the sync figures, bundled by esbuild into a page of the bench's own
 * origin: the replication the app uses (idb adapter, batches of 500, live sync both ways) with
 * nothing of ours on top — the floor we add to.
 */
import PouchDB from 'pouchdb-browser';

const now = () => performance.timeOrigin + performance.now();
let live: PouchDB.Database | null = null;

const remoteOf = (url: string, user: string, password: string) => new PouchDB(url, { skip_setup: true, auth: { username: user, password } });

(window as never as { benchSync: object }).benchSync = {
  /** Milliseconds to pull the whole database into a fresh replica. */
  async firstPull(url: string, user: string, password: string): Promise<number> {
    const local = new PouchDB(`raw-peer-${Date.now()}`, { adapter: 'idb' });
    const t0 = performance.now();
    await local.replicate.from(remoteOf(url, user, password), { batch_size: 500 });
    const ms = performance.now() - t0;
    await local.destroy();
    return ms;
  },

  /** Starts live sync of a fresh replica with the database; resolves once it has caught up. */
  startLive(url: string, user: string, password: string): Promise<void> {
    live = new PouchDB(`raw-live-${Date.now()}-${Math.random()}`, { adapter: 'idb' });
    const sync = live.sync(remoteOf(url, user, password), { live: true, retry: true, batch_size: 500 });
    return new Promise((resolve) => sync.on('paused', () => resolve()));
  },

  /** Writes a document into the live replica; the wall-clock time it was asked to. */
  async put(id: string): Promise<number> {
    const at = now();
    await live!.bulkDocs([{ _id: id, type: 'bench', at }]);
    return at;
  },

  /** The wall-clock time the live replica first holds the document `id`. */
  arrival(id: string): Promise<number> {
    return new Promise((resolve) => {
      const feed = live!.changes({ since: 'now', live: true }).on('change', (change) => {
        if ((change as { id: string }).id !== id) return;
        feed.cancel();
        resolve(now());
      });
    });
  },
};
