/**
 * The IndexedDB database, through idb. One transaction per user action; an import is one
 * transaction, all or nothing. Texts live apart from article records so the library can be
 * listed without reading every text; claims are stored in pages, with counts kept beside them
 * (claim-pages.ts), so the library is listed without reading any claim.
 */
import { openDB, type IDBPTransaction } from 'idb';
import type { ArticleBundle } from '../core/format/export';
import type { Decision } from '../core/adjudication';
import type { ClaimChange } from '../core/history';
import {
  countLabels,
  META_KEYS,
  type Article,
  type ArticleMeta,
  type ArticleRelation,
  type Claim,
  type ClaimComment,
  type ClaimThread,
  type Label,
  type UnlabelledClaim,
} from '../core/model';
import { libraryOrder } from '../core/article';
import type { Fingerprint } from '../core/similarity';
import { ChangeChannel, type ChangeMessage } from './channel';
import { applyClaimChanges, pagesInParts, pagesOf, readArticle, readClaimsById } from './claim-pages';
import { writeImport, writeQueued, type ImportInput, type ImportJob, type ImportReport, type ImportTx } from './import-write';
import { claimEntries, enqueue, outboxEntry, relationEntries, teamUser, threadEntry } from './outbox';
import type { TeamApplied, TeamChanges } from './replica-write';
import { TeamStore } from './team-store';
import {
  DB_VERSION,
  MIGRATIONS,
  type ClaimConflict,
  type ClaimtrailSchema,
  type Db,
  type OutboxEntry,
  type Settings,
  type StoredOriginal,
  type TeamProject,
} from './schema';
import { describeStorageError, storageAction, StorageError } from './errors';
import { allOrNothing, queue, type TxQueue } from './transactions';
import { recordText, textRecord } from './text-record';

export { DB_VERSION };

type LinkTx = IDBPTransaction<ClaimtrailSchema, ['relations', 'threads', 'outbox', 'settings'], 'readwrite'>;
export type { ImportReport, TeamApplied, TeamChanges, TeamProject, OutboxEntry, ClaimConflict };
export type { EarlierWork, OutboxRead } from './team-store';

/** An article as the library lists it: its record and its claim counts per label. */
export interface ArticleSummary {
  article: Article;
  counts: Record<Label, number>;
}

/** What adding an article did: added it, or found the same text already stored. */
export type AddResult = { status: 'added'; article: Article } | { status: 'exists'; article: Article };

/** What the store tells its owner about other tabs. */
export interface StoreEvents {
  /** Another tab opened a newer version of the database; this connection has closed. */
  onVersionChange?: () => void;
  /** Another tab changed the database. */
  onChange?: (message: ChangeMessage) => void;
  /** This tab wants a newer version, but another tab keeps the old one open. */
  onBlocked?: () => void;
  /** The browser closed the connection abnormally (the database was deleted, storage failed). */
  onTerminated?: () => void;
}

/** The app's storage: every method is one transaction and reports failure as a StorageError. */
export class Store {
  /** The team project: its outbox, what arrives from it, its conflicts (team-store.ts). */
  readonly team: TeamStore;

  private constructor(
    private readonly db: Db,
    private readonly channel: ChangeChannel,
  ) {
    this.team = new TeamStore(db, channel);
  }

  /** Opens (creating or upgrading) the database. */
  static async open(name = 'claimtrail', events: StoreEvents = {}): Promise<Store> {
    let db: Db;
    try {
      db = await openDB<ClaimtrailSchema>(name, DB_VERSION, {
        upgrade(database, oldVersion, _newVersion, tx) {
          for (let version = oldVersion; version < DB_VERSION; version++) MIGRATIONS[version]!(database, tx);
        },
        blocking() {
          // A newer version wants to upgrade: let go at once so we never block it.
          db.close();
          events.onVersionChange?.();
        },
        blocked() {
          events.onBlocked?.();
        },
        terminated() {
          events.onTerminated?.();
        },
      });
    } catch (error) {
      throw new StorageError(describeStorageError(error, 'open the database'), { cause: error });
    }
    const channel = new ChangeChannel(name);
    if (events.onChange) channel.subscribe(events.onChange);
    return new Store(db, channel);
  }

  /** The database's name, for a worker that opens the same database. */
  get name(): string {
    return this.db.name;
  }

  close(): void {
    this.db.close();
    this.channel.close();
  }

  private run<T>(action: string, work: () => Promise<T>): Promise<T> {
    return storageAction(action, work);
  }

  /** Every article with its claim counts per label, without reading texts or claims. */
  listArticles(): Promise<ArticleSummary[]> {
    return this.run('read the library', async () => {
      const tx = this.db.transaction(['articles', 'claimCounts'], 'readonly');
      const [articles, counts] = await Promise.all([tx.objectStore('articles').getAll(), tx.objectStore('claimCounts').getAll()]);
      await tx.done;
      const countsOf = new Map(counts.map((c) => [c.articleId, c.counts]));
      return articles.map((article) => ({ article, counts: countsOf.get(article.id) ?? countLabels([]) })).sort((a, b) => libraryOrder(a.article, b.article));
    });
  }

  /** Adds an article and its text, and the file it was made from, unless the same text (by SHA-256) is already stored. */
  addArticle(article: Article, text: string, original?: Omit<StoredOriginal, 'id'>): Promise<AddResult> {
    return this.run('add the article', async () => {
      const record = textRecord(article.id, text);
      const tx = this.db.transaction(['articles', 'texts', 'originals'], 'readwrite');
      const result = await allOrNothing(tx, async (): Promise<AddResult> => {
        const existing = await tx.objectStore('articles').index('bySha').get(article.textSha256);
        if (existing) return { status: 'exists', article: existing };
        queue(tx.objectStore('articles').add(article));
        queue(tx.objectStore('texts').add(record));
        if (original) queue(tx.objectStore('originals').add({ ...original, id: article.id }));
        return { status: 'added', article };
      });
      if (result.status === 'added') this.channel.publish({ type: 'library', articleIds: [article.id] });
      return result;
    });
  }

  /** Replaces an article's editable fields; its text and fingerprint stay as they are. */
  updateArticleMeta(id: string, meta: ArticleMeta): Promise<Article> {
    return this.run('save the article details', async () => {
      const tx = this.db.transaction('articles', 'readwrite');
      const updated = await allOrNothing(tx, async () => {
        const current = await tx.store.get(id);
        if (!current) throw new Error('the article is no longer in the library');
        // Only the editable details change: what reading the file found (its page map, its original) stays.
        const facts = Object.fromEntries(Object.entries(current).filter(([key]) => !(META_KEYS as readonly string[]).includes(key)));
        const next: Article = { ...(facts as Omit<Article, keyof ArticleMeta>), ...meta, id };
        queue(tx.store.put(next));
        return next;
      });
      this.channel.publish({ type: 'library', articleIds: [id] });
      return updated;
    });
  }

  /** The file an article was made from, as kept (compressed), or undefined when this library does not hold it. */
  original(articleId: string): Promise<StoredOriginal | undefined> {
    return this.run('read the original file', () => this.db.get('originals', articleId));
  }

  /** An article with its text and all its claims, or undefined when it is not stored. */
  loadArticle(id: string): Promise<ArticleBundle | undefined> {
    return this.run('open the article', async () => {
      const tx = this.db.transaction(['articles', 'texts', 'claimPages'], 'readonly');
      const bundle = await readArticle(tx, id);
      await tx.done;
      return bundle;
    });
  }

  /** Writes one user action's claim changes in one transaction: put each `after`, delete where null. */
  applyChanges(changes: readonly ClaimChange[]): Promise<void> {
    return this.run('save the claim', async () => {
      const tx = this.db.transaction(['claimPages', 'claimCounts', 'outbox', 'settings'], 'readwrite');
      await allOrNothing(tx, async () => {
        await applyClaimChanges(tx, changes);
        const user = await teamUser(tx);
        if (user) enqueue(tx, claimEntries(changes, user));
      });
      this.team.notify();
      this.channel.publish({ type: 'claims', changes: [...changes] });
    });
  }

  /** Writes a checked export file in one transaction, all or nothing (see import-write.ts). */
  importFile(file: ImportInput): Promise<ImportReport> {
    return this.importWith((tx) => writeImport(tx, file));
  }

  /**
   * Writes a file as it is read and checked, in one transaction, all or nothing: the jobs given
   * to `jobs` until it ends. When a job or the transaction fails, or the giver calls `fail`,
   * nothing is written, and the giver's next `give` rejects.
   */
  importQueued(jobs: TxQueue<ImportJob>): Promise<ImportReport> {
    return this.importWith(async (tx) => {
      try {
        return await writeQueued(tx, jobs);
      } catch (error) {
        jobs.fail(error);
        throw error;
      }
    });
  }

  private importWith(write: (tx: ImportTx) => Promise<{ report: ImportReport; touched: string[] }>): Promise<ImportReport> {
    return this.run('import the file', async () => {
      const tx = this.db.transaction(['articles', 'texts', 'claimPages', 'claimCounts', 'comments', 'relations', 'threads', 'unlabelled'], 'readwrite', {
        durability: 'strict',
      });
      const { report, touched } = await allOrNothing(tx, () => write(tx));
      this.channel.publish({ type: 'library', articleIds: touched });
      return report;
    });
  }

  /**
   * Every article that has claims or annotations waiting for a label (or those of the ones named),
   * with its text, claims, comments and waiting annotations, for export.
   */
  async exportBundles(ids?: readonly string[]): Promise<ArticleBundle[]> {
    const bundles = await this.contents(ids, 'read the claims for export');
    return bundles.filter((b) => b.claims.length || b.unlabelled?.length);
  }

  /**
   * Every article (or those named), in library order, with its text, claims, comments and
   * waiting annotations: what export and the search index read.
   */
  contents(ids?: readonly string[], action = 'read the library'): Promise<ArticleBundle[]> {
    return this.run(action, async () => {
      const stores = ['articles', 'texts', 'claimPages', 'comments', 'unlabelled'] as const;
      const tx = this.db.transaction([...stores], 'readonly');
      const all = <T>(read: (id: string) => Promise<T[]>) => Promise.all(ids!.map(read)).then((lists) => lists.flat());
      const [articles, texts, pages, comments, unlabelled] = await Promise.all(
        ids === undefined
          ? // Everything in five requests at once, grouped here: far fewer round trips than per article.
            [
              tx.objectStore('articles').getAll(),
              tx.objectStore('texts').getAll(),
              tx.objectStore('claimPages').getAll(),
              tx.objectStore('comments').getAll(),
              tx.objectStore('unlabelled').getAll(),
            ]
          : [
              all((id) => tx.objectStore('articles').getAll(id)),
              all((id) => tx.objectStore('texts').getAll(id)),
              all((id) => tx.objectStore('claimPages').getAll(pagesOf(id))),
              all((id) => tx.objectStore('comments').index('byArticle').getAll(id)),
              all((id) => tx.objectStore('unlabelled').index('byArticle').getAll(id)),
            ],
      );
      await tx.done;
      const claims = pages.flatMap((page) => page.claims);
      const group = <T extends { articleId: string }>(items: T[]) => {
        const by = new Map<string, T[]>();
        for (const item of items) {
          const list = by.get(item.articleId);
          if (list) list.push(item);
          else by.set(item.articleId, [item]);
        }
        return by;
      };
      const [claimsOf, commentsOf, waitingOf] = [group(claims), group(comments), group(unlabelled)];
      const textOf = new Map(texts.map((t) => [t.id, recordText(t)]));
      return articles.sort(libraryOrder).flatMap((article) => {
        const text = textOf.get(article.id);
        if (text === undefined) return [];
        const remarks = commentsOf.get(article.id);
        const waiting = waitingOf.get(article.id);
        return [
          {
            article,
            text,
            claims: claimsOf.get(article.id) ?? [],
            ...(remarks?.length ? { comments: remarks } : {}),
            ...(waiting?.length ? { unlabelled: waiting } : {}),
          },
        ];
      });
    });
  }

  /** The review decisions on one article's disagreements, or on every article's. */
  decisions(articleId?: string): Promise<Decision[]> {
    return this.run('read the review decisions', () =>
      articleId === undefined ? this.db.getAll('decisions') : this.db.getAllFromIndex('decisions', 'byArticle', articleId),
    );
  }

  /** Stores a decision, replacing an earlier one on the same disagreement. */
  putDecision(decision: Decision): Promise<void> {
    return this.run('save the decision', async () => {
      const tx = this.db.transaction(['decisions', 'outbox', 'settings'], 'readwrite');
      await allOrNothing(tx, async () => {
        queue(tx.objectStore('decisions').put(decision));
        if (decision.by.id === (await teamUser(tx)))
          enqueue(tx, [outboxEntry('article', decision.articleId, decision.articleId), outboxEntry('decision', decision.articleId, decision.key)]);
      });
      this.team.notify();
    });
  }

  /** The comments on an article's claims. */
  comments(articleId: string): Promise<ClaimComment[]> {
    return this.run('read the comments', () => this.db.getAllFromIndex('comments', 'byArticle', articleId));
  }

  /** Stores a comment on a claim. */
  addComment(comment: ClaimComment): Promise<void> {
    return this.run('save the comment', async () => {
      const tx = this.db.transaction(['comments', 'outbox', 'settings'], 'readwrite');
      await allOrNothing(tx, async () => {
        queue(tx.objectStore('comments').add(comment));
        if (comment.by.id === (await teamUser(tx)))
          enqueue(tx, [outboxEntry('article', comment.articleId, comment.articleId), outboxEntry('comment', comment.articleId, comment.id)]);
      });
      this.team.notify();
      this.channel.publish({ type: 'library', articleIds: [comment.articleId] });
    });
  }

  /** Every relation between articles of the library. */
  relations(): Promise<ArticleRelation[]> {
    return this.run('read the article relations', () => this.db.getAll('relations'));
  }

  /** Stores a relation between two articles (replacing one with the same id). */
  putRelation(relation: ArticleRelation): Promise<void> {
    return this.run('save the relation', () =>
      this.writeLink(relationEntries(relation), (tx) => queue(tx.objectStore('relations').put(relation)), [relation.from, relation.to]),
    );
  }

  /** Removes a relation. */
  deleteRelation(relation: ArticleRelation): Promise<void> {
    return this.run('remove the relation', () =>
      this.writeLink(relationEntries(relation), (tx) => queue(tx.objectStore('relations').delete(relation.id)), [relation.from, relation.to]),
    );
  }

  /** Every claim thread. */
  threads(): Promise<ClaimThread[]> {
    return this.run('read the claim threads', () => this.db.getAll('threads'));
  }

  /** Stores a claim thread (replacing the one with the same id), or deletes it when it has no claims left. */
  putThread(thread: ClaimThread): Promise<void> {
    return this.run('save the claim thread', () =>
      this.writeLink(
        [threadEntry(thread)],
        (tx) => queue(thread.claimIds.length ? tx.objectStore('threads').put(thread) : tx.objectStore('threads').delete(thread.id)),
        [],
      ),
    );
  }

  /** One write of a relation or thread, recorded for the team in the same transaction when one is connected. */
  private async writeLink(entries: OutboxEntry[], write: (tx: LinkTx) => void, articleIds: string[]): Promise<void> {
    const tx = this.db.transaction(['relations', 'threads', 'outbox', 'settings'], 'readwrite');
    await allOrNothing(tx, async () => {
      write(tx);
      if (await teamUser(tx)) enqueue(tx, entries);
    });
    this.team.notify();
    this.channel.publish({ type: 'library', articleIds });
  }

  /** Claims by id, from any article (missing ones are left out). */
  claimsById(ids: readonly string[]): Promise<Claim[]> {
    return this.run('read the claims', async () => {
      const tx = this.db.transaction('claimPages', 'readonly');
      const found = await readClaimsById(tx.store, ids);
      await tx.done;
      return found;
    });
  }

  /** An article's claims, a few pages per request: read this way, a long article never makes one long task. */
  async *claimsInParts(articleId: string): AsyncGenerator<Claim[]> {
    for await (const pages of pagesInParts(articleId, (range, count) => this.run('read the claims', () => this.db.getAll('claimPages', range, count)))) {
      yield pages.flatMap((page) => page.claims);
    }
  }

  /** The texts of the given articles, by id. */
  texts(ids: readonly string[]): Promise<Map<string, string>> {
    return this.run('read the texts', async () => {
      const tx = this.db.transaction('texts', 'readonly');
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      return new Map(found.filter((t) => t !== undefined).map((t) => [t.id, recordText(t)]));
    });
  }

  /** The near-duplicate fingerprints made so far, and the ids of the articles that have none yet. */
  fingerprints(): Promise<{ known: { id: string; fingerprint: Fingerprint }[]; missing: string[] }> {
    return this.run('compare the articles', async () => {
      const [keys, known] = await Promise.all([this.db.getAllKeys('articles'), this.db.getAll('fingerprints')]);
      const have = new Set(known.map((f) => f.id));
      return { known, missing: keys.filter((id) => !have.has(id)) };
    });
  }

  /** Keeps an article's fingerprint. */
  putFingerprint(id: string, fingerprint: Fingerprint): Promise<void> {
    return this.run('save the fingerprint', async () => {
      await this.db.put('fingerprints', { id, fingerprint });
    });
  }

  /** The imported annotations on an article that wait for a label. */
  unlabelled(articleId: string): Promise<UnlabelledClaim[]> {
    return this.run('read the unlabelled annotations', () => this.db.getAllFromIndex('unlabelled', 'byArticle', articleId));
  }

  /** Turns a waiting annotation into a claim with its label, in one transaction. */
  labelUnlabelled(claim: Claim): Promise<void> {
    return this.run('save the claim', async () => {
      const tx = this.db.transaction(['claimPages', 'claimCounts', 'unlabelled', 'outbox', 'settings'], 'readwrite');
      await allOrNothing(tx, async () => {
        const waiting = await tx.objectStore('unlabelled').get(claim.id);
        queue(tx.objectStore('unlabelled').delete(claim.id));
        await applyClaimChanges(tx, [{ before: null, after: claim }]);
        const user = await teamUser(tx);
        if (user) {
          enqueue(tx, claimEntries([{ before: null, after: claim }], user));
          // The team's copy of the waiting annotation goes too, where it is this user's to delete.
          if (waiting?.annotator.id === user) enqueue(tx, [outboxEntry('unlabelled', claim.articleId, claim.id)]);
        }
      });
      this.team.notify();
      this.channel.publish({ type: 'claims', changes: [{ before: null, after: claim }] });
    });
  }

  /** A stored setting, or undefined. */
  getSetting<K extends keyof Settings>(key: K): Promise<Settings[K] | undefined> {
    return this.run('read settings', async () => (await this.db.get('settings', key)) as Settings[K] | undefined);
  }

  /** Stores a setting. */
  setSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
    return this.run('save settings', async () => {
      await this.db.put('settings', value, key);
    });
  }
}
