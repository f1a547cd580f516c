/**
 * Live sync with a team project. PouchDB's own database (the `idb` adapter) is this browser's
 * replica of the team's CouchDB database: it holds the revision trees, the conflicts and the
 * replication checkpoints, and it is where our changes wait while the network is down. The
 * library (store/db.ts) stays the source of truth for the app:
 *
 *   action → library + outbox (one transaction) → drain → replica → replication → CouchDB
 *   CouchDB → replication → replica → its changes, in batches → intent → library (+ position, one transaction) → views
 *
 * Replication retries by itself, resuming from its checkpoint; the status says where it stands.
 */
import PouchDB from 'pouchdb-browser';
import type { Store, TeamChanges, TeamProject } from '../store/db';
import { errorMessage } from '../core/errors';
import { CheckedTexts } from '../core/format/import';
import { RecentMap } from '../core/recent';
import { noChanges, outboxDocs, readArrivals, type Arrived, type ReplicaReads, type Write } from './documents';
import { databaseUrl } from './session';
import type { SyncStatus } from './status';

/** What sync asks of the app: each is an intent, handled in the app's one place. */
export type TeamIntent =
  | { type: 'team-status'; status: SyncStatus }
  /** Changes arrived: apply them (and the position `seq`) before the next batch is read. */
  | { type: 'team-arrived'; changes: TeamChanges; seq: number | string; problems: string[] }
  /** The server refused documents we sent (its validate_doc_update said why). */
  | { type: 'team-refused'; messages: string[] };

/** How many documents are read or written at once. */
const BATCH = 500;
/** Retry after 0.5 s, doubling to at most 5 s: a server back on its feet is found quickly. */
const backOff = (delay: number) => (delay ? Math.min(delay * 2, 5000) : 500);

/** The replica's name in this browser: one per server, database and user. */
export function replicaName(project: TeamProject): string {
  return `claimtrail-team:${databaseUrl(project)}:${project.user}`;
}

export class TeamSync {
  private readonly local: PouchDB.Database;
  private readonly remote: PouchDB.Database;
  private replication: PouchDB.Sync | null = null;
  private stopped = false;
  /** Revisions this browser wrote into the replica: they need not be applied back. */
  private readonly written = new Set<string>();
  /** Documents written into the replica that the server has not had yet. */
  private readonly unpushed = new Set<string>();
  private outboxCount = 0;
  private lastStatus: SyncStatus = { state: 'connecting' };
  private readonly draining = new BatchLoop(
    () => this.drainBatch(),
    () => this.stopped,
  );
  private readonly pulling = new BatchLoop(
    () => this.pullBatch(),
    () => this.stopped,
  );
  private readonly onNetwork = () => this.restart();

  constructor(
    project: TeamProject,
    private readonly store: Store,
    private readonly dispatch: (intent: TeamIntent) => Promise<void>,
    password?: string,
  ) {
    this.local = new PouchDB(replicaName(project), { adapter: 'idb', auto_compaction: true, revs_limit: 100 });
    this.remote = new PouchDB(databaseUrl(project), { skip_setup: true, ...(password ? { auth: { username: project.user, password } } : {}) });
  }

  /** Starts sending and receiving, and keeps at it until stopped. */
  async start(): Promise<void> {
    this.store.team.watchOutbox(() => this.background(this.drain()));
    window.addEventListener('online', this.onNetwork);
    window.addEventListener('offline', this.onNetwork);
    this.outboxCount = await this.store.team.outboxSize();
    await Promise.all([this.drain(), this.pull()]);
    this.applied = (await this.local.info()).doc_count;
    await this.replicate();
  }

  /** Stops syncing; the replica and the library stay as they are. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unwatch();
    this.store.team.watchOutbox(null);
    window.removeEventListener('online', this.onNetwork);
    window.removeEventListener('offline', this.onNetwork);
    this.replication?.cancel();
    await Promise.allSettled([this.draining.running, this.pulling.running]);
    await this.local.close();
    await this.remote.close();
  }

  /** Runs work that nobody waits for; a failure is reported like any other refusal. */
  private background(work: Promise<unknown>): void {
    work.catch((error: unknown) => this.tell({ type: 'team-refused', messages: [errorMessage(error)] }));
  }

  /** Hands an intent to the app without waiting for it (the app reports its own failures). */
  private tell(intent: TeamIntent): void {
    this.dispatch(intent).catch(() => undefined);
  }

  /** The status last reported. */
  status(): SyncStatus {
    return this.lastStatus;
  }

  private waiting(): number {
    return this.outboxCount + this.unpushed.size;
  }

  /** What stands in the way of syncing, from the last failed request (null once one succeeds again). */
  private trouble: 'sign-in-failed' | 'not-member' | 'unreachable' | null = null;
  /** The first pull's progress, while it runs: documents in the library of all the server has. */
  private progress: { done: number; total: number } | null = null;
  /** Documents the library has taken from the replica (those there at start, then each batch's). */
  private applied = 0;

  /** Says where things stand, worked out from what is known now; every event ends here. */
  private refreshStatus(): void {
    if (this.stopped) return;
    const count = this.waiting();
    const status: SyncStatus = !navigator.onLine
      ? { state: 'offline', count }
      : this.trouble === 'unreachable'
        ? { state: 'unreachable', count }
        : this.trouble
          ? { state: this.trouble }
          : this.progress
            ? { state: 'syncing', ...this.progress }
            : count
              ? { state: 'waiting', count }
              : !this.reached
                ? { state: 'connecting' }
                : { state: 'synced', at: this.lastStatus.state === 'synced' && !this.fresh ? this.lastStatus.at : new Date() };
    this.fresh = false;
    this.lastStatus = status;
    this.tell({ type: 'team-status', status });
  }

  /** Set when a sync has just completed, so "Synced" takes the time of now. */
  private fresh = true;
  /** Whether replication has caught up with the server once: until then nothing is "Synced". */
  private reached = false;

  /** A failed request: what it says about the way to the server. */
  private failed(error: unknown): void {
    const status = (error as { status?: number } | null)?.status;
    this.trouble = status === 401 ? 'sign-in-failed' : status === 403 ? 'not-member' : 'unreachable';
    this.refreshStatus();
    if (this.trouble === 'unreachable') this.watch();
  }

  private probe: ReturnType<typeof setInterval> | null = null;

  /** While the server is unreachable, asks it every 2 s; once it answers, replication starts again at once. */
  private watch(): void {
    if (this.probe) return;
    this.probe = setInterval(() => {
      if (this.stopped || this.trouble !== 'unreachable') return this.unwatch();
      this.remote.info().then(
        () => {
          this.unwatch();
          this.trouble = null;
          this.restart();
        },
        () => undefined,
      );
    }, 2000);
  }

  private unwatch(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }

  private async replicate(): Promise<void> {
    if (this.stopped) return;
    if (!navigator.onLine) return this.refreshStatus();
    const info = await this.remote.info().catch((error: unknown) => (this.failed(error), null));
    const total = info?.doc_count ?? 0;
    this.progress = total - this.applied > BATCH ? { done: this.applied, total } : null;
    this.refreshStatus();
    const sync = this.local.sync(this.remote, { live: true, retry: true, batch_size: BATCH, back_off_function: backOff });
    this.replication = sync;
    const requestFailed = (error: unknown) => {
      if (this.replication === sync) this.failed(error);
    };
    sync.push.on('requestError', requestFailed);
    sync.pull.on('requestError', requestFailed);
    // The first pull is done when the pull side pauses of itself (sync's own 'paused' needs both
    // sides) and the library has applied everything the replica holds.
    sync.pull.on('paused', (error: unknown) => {
      if (error || this.replication !== sync || !this.progress) return;
      this.background(
        this.pull().then(() => {
          if (this.replication !== sync) return;
          this.progress = null;
          this.refreshStatus();
        }),
      );
    });
    sync
      .on('change', (event) => {
        this.trouble = null;
        if (event.direction === 'push') for (const doc of event.change.docs) this.unpushed.delete(doc._id);
        // What replication brought in is applied to the library. (Nothing else writes others'
        // changes into the replica, so no second changes feed is kept open to watch it.)
        else this.background(this.pull());
        this.refreshStatus();
      })
      .on('paused', (error: unknown) => {
        if (this.replication !== sync) return;
        if (error) return this.failed(error);
        [this.trouble, this.fresh, this.reached] = [null, true, true];
        this.refreshStatus();
      })
      .on('active', () => {
        this.trouble = null;
        this.refreshStatus();
      })
      .on('denied', (event: unknown) => {
        // Sync wraps the write's error: { direction, doc: { id, name: 'forbidden', reason | message } }.
        const { doc } = event as { doc?: { id?: string; reason?: string; message?: string } };
        this.tell({ type: 'team-refused', messages: [`${doc?.id ?? 'a document'}: ${doc?.reason ?? doc?.message ?? 'refused'}`] });
      })
      .on('error', (error: unknown) => this.tell({ type: 'team-refused', messages: [errorMessage(error)] }));
  }

  /** After the network comes or goes: start replication again at once rather than at its next retry. */
  private restart(): void {
    this.replication?.cancel();
    this.replication = null;
    this.background(this.replicate());
  }

  /** Moves what the outbox names into the replica, batch by batch; runs once at a time. */
  async drain(): Promise<void> {
    try {
      await this.draining.run();
    } catch (error) {
      this.tell({ type: 'team-refused', messages: [`Could not prepare changes for sending: ${errorMessage(error)}`] });
    }
    this.outboxCount = await this.store.team.outboxSize().catch(() => this.outboxCount);
    this.refreshStatus();
  }

  /** One batch: true when there may be more. */
  private async drainBatch(): Promise<boolean> {
    const read = await this.store.team.readOutbox(BATCH);
    if (!read.entries.length) return false;
    const docs = outboxDocs(read);
    const unique = [...new Map([...docs.values()].map((d) => [d._id, d])).values()];
    const current = await this.local.allDocs({ keys: unique.map((d) => d._id), include_docs: true });
    const writes: Write[] = [];
    unique.forEach((doc, i) => {
      const row = current.rows[i]!;
      const found = 'value' in row ? row : null;
      const rev = found?.value.rev;
      const live = found && !found.value.deleted ? (found.doc as Arrived | undefined) : undefined;
      if (doc._deleted) {
        if (live) writes.push({ _id: doc._id, _rev: rev, _deleted: true });
      } else if (doc._id.startsWith('article:')) {
        if (!live) writes.push({ ...doc, ...(rev ? { _rev: rev } : {}) });
      } else if (!live || !sameContent(live, doc)) writes.push({ ...doc, ...(rev ? { _rev: rev } : {}) });
    });
    const results = writes.length ? await this.local.bulkDocs(writes) : [];
    /** Documents to write again: the replica changed under them between reading and writing. */
    const again = new Set<string>();
    results.forEach((result, i) => {
      const id = writes[i]!._id;
      if ('ok' in result && result.ok) {
        this.written.add(`${result.id}@${result.rev}`);
        // An article is not counted: another member's copy of the same text may be on the server already.
        if (!id.startsWith('article:')) this.unpushed.add(result.id);
      } else if (!id.startsWith('article:')) again.add(id);
      // An article that arrived meanwhile is there: its text is the same, so it is sent.
    });
    const sent = read.entries.filter((e) => !again.has(docs.get(e.key)?._id ?? ''));
    await this.store.team.clearOutbox(sent);
    this.outboxCount = Math.max(0, this.outboxCount - sent.length);
    // A write that keeps failing waits for the next change rather than spinning.
    this.retries = again.size ? this.retries + 1 : 0;
    return read.entries.length === BATCH || (again.size > 0 && this.retries < 5);
  }

  /** Batches in a row with writes to do again. */
  private retries = 0;

  /** Applies the replica's changes since the library's position, batch by batch; runs once at a time. */
  async pull(): Promise<void> {
    try {
      await this.pulling.run();
    } catch (error) {
      this.tell({ type: 'team-refused', messages: [`Could not apply the team’s changes: ${errorMessage(error)}`] });
    }
  }

  private async pullBatch(): Promise<boolean> {
    const since = (await this.store.getSetting('teamSeq')) ?? 0;
    const feed = await this.local.changes({ since, limit: BATCH, include_docs: true, conflicts: true });
    if (!feed.results.length) return false;
    const docs = feed.results
      .map((r) => r.doc as Arrived | undefined)
      .filter((d): d is Arrived => !!d && !d._id.startsWith('_design/') && (!!d._conflicts?.length || !this.written.has(`${d._id}@${d._rev}`)));
    for (const doc of docs) if (doc.type === 'article') this.articleDoc(doc);
    const { changes, problems } = docs.length
      ? await readArrivals(docs, this.reads(), new Date().toISOString(), this.checked)
      : { changes: null, problems: [] };
    if (this.stopped) return false;
    await this.dispatch({ type: 'team-arrived', changes: changes ?? noChanges(), seq: feed.last_seq, problems });
    this.applied += feed.results.length;
    if (this.progress) {
      this.progress = { done: Math.min(this.applied, this.progress.total), total: this.progress.total };
      this.refreshStatus();
    }
    return feed.results.length === BATCH;
  }

  /** Texts checked by earlier batches: a first sync brings an article's claims in hundreds of batches, each read with its article. */
  private readonly checked = new CheckedTexts();
  /** The article documents batches needed last (an article's text never changes; a new revision of its details comes in the feed). */
  private readonly articleDocs = new RecentMap<string, Arrived>(8);

  private articleDoc(doc: Arrived): Arrived {
    this.articleDocs.set(doc._id, doc);
    return doc;
  }

  private reads(): ReplicaReads {
    const get = async (id: string, rev?: string) => {
      try {
        return await this.local.get(id, rev ? { rev } : {});
      } catch {
        return undefined;
      }
    };
    return {
      get: async (id) => {
        if (!id.startsWith('article:')) return get(id);
        const doc = this.articleDocs.get(id) ?? (await get(id));
        return doc && !doc._deleted ? this.articleDoc(doc) : doc;
      },
      getRev: (id, rev) => get(id, rev),
    };
  }

  /**
   * Keeps one version of a claim or decision changed in two places: it becomes the document's
   * next revision, with `stamp` over it (a new time, so it wins everywhere), and every other
   * version is deleted, so the conflict is gone from the database, not only from this screen.
   */
  async keepVersion(id: string, rev: string, stamp: Record<string, unknown>): Promise<void> {
    const current = await this.local.get(id, { conflicts: true });
    const chosen = rev === current._rev ? current : await this.local.get(id, { rev });
    const { _id, _rev, _conflicts, ...content } = chosen;
    void _rev;
    void _conflicts;
    const writes = [{ ...content, ...stamp, _id, _rev: current._rev }, ...(current._conflicts ?? []).map((other) => ({ _id, _rev: other, _deleted: true }))];
    const results = await this.local.bulkDocs(writes);
    const failed = results.filter((r) => !('ok' in r && r.ok));
    if (failed.length) throw new Error('it changed again meanwhile: look at its versions once more');
    for (const result of results) if ('rev' in result) this.unpushed.add(result.id);
    await this.pull();
  }
}

/** A document's fields, less CouchDB's own, compared as JSON. */
function sameContent(a: object, b: object): boolean {
  const bare = (doc: object) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(doc)
          .filter(([k]) => !k.startsWith('_'))
          .sort(([x], [y]) => x.localeCompare(y)),
      ),
    );
  return bare(a) === bare(b);
}

/**
 * Runs batches one after another until a batch says there is no more, one run at a time: asked
 * again while running, it runs once more when done, so nothing asked for in the meantime is missed.
 */
class BatchLoop {
  running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly batch: () => Promise<boolean>,
    private readonly stopped: () => boolean,
  ) {}

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped() && (await this.batch()));
        } while (this.again && !this.stopped());
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
