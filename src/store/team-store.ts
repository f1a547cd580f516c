/**
 * The team project's side of the library: which project is connected, the outbox of what is
 * still to be sent (store/outbox.ts), what arrived from the project (replica-write.ts), its
 * conflicts, and publishing what was made before connecting. Like the Store it belongs to, every
 * method is one transaction and reports failure as a StorageError.
 */
import type { Conflicts, Decision } from '../core/adjudication';
import type { Annotator, Article, ArticleRelation, Claim, ClaimComment, ClaimThread, UnlabelledClaim } from '../core/model';
import type { ChangeChannel } from './channel';
import { applyClaimChanges, readClaimsById } from './claim-pages';
import { storageAction } from './errors';
import { claimEntries, enqueue, outboxEntry, relationEntries, teamUser, threadEntry } from './outbox';
import { writeTeamChanges, type TeamApplied, type TeamChanges } from './replica-write';
import type { Db, OutboxEntry, TeamProject } from './schema';
import { allOrNothing, queue } from './transactions';
import { recordText } from './text-record';

/** What waits in the outbox, with what each entry names as it is stored now (missing: deleted). */
export interface OutboxRead {
  entries: OutboxEntry[];
  articles: Map<string, { article: Article; text: string }>;
  claims: Map<string, Claim>;
  comments: Map<string, ClaimComment>;
  decisions: Map<string, Decision>;
  unlabelled: Map<string, UnlabelledClaim>;
  relations: Map<string, ArticleRelation>;
  threads: Map<string, ClaimThread>;
}

/** What a library made before it joined a team project, offered for publishing (see TeamStore.earlierWork). */
export interface EarlierWork {
  claims: Claim[];
  unlabelled: UnlabelledClaim[];
  relations: ArticleRelation[];
  threads: ClaimThread[];
}

export class TeamStore {
  /** Told after each commit that may have put something in the outbox. */
  private outboxListener: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly channel: ChangeChannel,
  ) {
    // Another tab's change may have put something in the outbox: the tab that syncs sends it.
    channel.subscribe(() => this.notify());
  }

  /** Calls `listener` after each commit that may put something in the outbox (null: stop). */
  watchOutbox(listener: (() => void) | null): void {
    this.outboxListener = listener;
  }

  /** Says a write committed that may have put something in the outbox. */
  notify(): void {
    this.outboxListener?.();
  }

  private run<T>(action: string, work: () => Promise<T>): Promise<T> {
    return storageAction(action, work);
  }

  /** The connected team project, if any. */
  project(): Promise<TeamProject | undefined> {
    return this.run('read settings', async () => (await this.db.get('settings', 'team')) as TeamProject | undefined);
  }

  /**
   * Connects this library to a team project (from now on the user's changes are recorded for
   * sending), or disconnects it: every claim stays; the outbox and the replica's position go,
   * unless it is the same project again.
   */
  setProject(team: TeamProject | null): Promise<void> {
    return this.run('save the team project', async () => {
      const tx = this.db.transaction(['settings', 'outbox'], 'readwrite');
      await allOrNothing(tx, async () => {
        const settings = tx.objectStore('settings');
        const before = (await settings.get('team')) as TeamProject | undefined;
        const same = before && team && before.server === team.server && before.database === team.database && before.user === team.user;
        if (!same) {
          // Another project (or none): what waited for the old one is not sent to the new one.
          queue(settings.delete('teamSeq'));
          queue(tx.objectStore('outbox').clear());
        }
        queue(team ? settings.put(team, 'team') : settings.delete('team'));
      });
    });
  }

  /** How many things wait to be sent. */
  outboxSize(): Promise<number> {
    return this.run('read the outbox', () => this.db.count('outbox'));
  }

  /** Up to `limit` outbox entries (articles first), with what each names as it is stored now. */
  readOutbox(limit: number): Promise<OutboxRead> {
    return this.run('read the outbox', async () => {
      const names = ['outbox', 'articles', 'texts', 'claimPages', 'comments', 'decisions', 'unlabelled', 'relations', 'threads'] as const;
      const tx = this.db.transaction([...names], 'readonly');
      const entries = await tx.objectStore('outbox').getAll(undefined, limit);
      const read: OutboxRead = {
        entries,
        articles: new Map(),
        claims: new Map(),
        comments: new Map(),
        decisions: new Map(),
        unlabelled: new Map(),
        relations: new Map(),
        threads: new Map(),
      };
      const ids = (kind: OutboxEntry['kind']) => entries.filter((e) => e.kind === kind).map((e) => e.id);
      const byKey = async <T>(into: Map<string, T>, kind: OutboxEntry['kind'], get: (id: string) => Promise<T | undefined>) => {
        for (const [id, found] of await Promise.all(ids(kind).map(async (id) => [id, await get(id)] as const))) if (found) into.set(id, found);
      };
      await Promise.all([
        readClaimsById(tx.objectStore('claimPages'), ids('claim')).then((claims) => claims.forEach((c) => read.claims.set(c.id, c))),
        byKey(read.comments, 'comment', (id) => tx.objectStore('comments').get(id)),
        byKey(read.decisions, 'decision', (id) => tx.objectStore('decisions').get(id)),
        byKey(read.unlabelled, 'unlabelled', (id) => tx.objectStore('unlabelled').get(id)),
        byKey(read.relations, 'relation', (id) => tx.objectStore('relations').get(id)),
        byKey(read.threads, 'thread', (id) => tx.objectStore('threads').get(id)),
      ]);
      // A relation names its articles by their texts' hashes: both are read, whichever entry named them.
      const articleIds = new Set([...entries.map((e) => e.articleId), ...[...read.relations.values()].flatMap((r) => [r.from, r.to])]);
      articleIds.delete('');
      await Promise.all(
        [...articleIds].map(async (id) => {
          const [article, text] = await Promise.all([tx.objectStore('articles').get(id), tx.objectStore('texts').get(id)]);
          if (article && text) read.articles.set(id, { article, text: recordText(text) });
        }),
      );
      await tx.done;
      return read;
    });
  }

  /** Forgets entries that were sent, unless written again since they were read. */
  clearOutbox(sent: readonly OutboxEntry[]): Promise<void> {
    return this.run('update the outbox', async () => {
      const tx = this.db.transaction('outbox', 'readwrite');
      await allOrNothing(tx, async () => {
        const now = await Promise.all(sent.map((e) => tx.store.get(e.key)));
        sent.forEach((e, i) => {
          if (now[i]?.stamp === e.stamp) queue(tx.store.delete(e.key));
        });
      });
    });
  }

  /**
   * Writes what arrived from the team project, and how far into the replica's changes that is,
   * in one transaction, all or nothing (see replica-write.ts).
   */
  apply(arrived: TeamChanges, seq: number | string): Promise<TeamApplied> {
    return this.run('save the team’s changes', async () => {
      const names = [
        'articles',
        'texts',
        'claimPages',
        'claimCounts',
        'comments',
        'decisions',
        'conflicts',
        'decisionConflicts',
        'unlabelled',
        'relations',
        'threads',
        'outbox',
        'settings',
      ] as const;
      const tx = this.db.transaction([...names], 'readwrite');
      const applied = await allOrNothing(tx, async () => {
        const written = await writeTeamChanges(tx, arrived, (await teamUser(tx)) ?? '');
        queue(tx.objectStore('settings').put(seq, 'teamSeq'));
        return written;
      });
      if (applied.changes.length) this.channel.publish({ type: 'claims', changes: applied.changes });
      const articleIds = [
        ...new Set([
          ...applied.articlesAdded,
          ...applied.comments.map((c) => c.articleId),
          ...applied.decisions.map((d) => d.articleId),
          ...applied.conflictArticles,
          ...applied.unlabelledArticles,
        ]),
      ];
      if (articleIds.length || applied.links) this.channel.publish({ type: 'library', articleIds });
      return applied;
    });
  }

  /** The claims and decisions of an article changed in two places at once. */
  conflicts(articleId: string): Promise<Conflicts> {
    return this.run('read the conflicts', async () => {
      const [claims, decisions] = await Promise.all([
        this.db.getAllFromIndex('conflicts', 'byArticle', articleId),
        this.db.getAllFromIndex('decisionConflicts', 'byArticle', articleId),
      ]);
      return { claims, decisions };
    });
  }

  /** What this library made before a team project was connected: claims and waiting annotations under these ids, and every relation and claim thread. */
  earlierWork(annotatorIds: readonly string[]): Promise<EarlierWork> {
    return this.run('read your claims', async () => {
      const tx = this.db.transaction(['claimPages', 'unlabelled', 'relations', 'threads'], 'readonly');
      const mine = (c: { annotator: Annotator }) => annotatorIds.includes(c.annotator.id);
      const [pages, unlabelled, relations, threads] = await Promise.all([
        tx.objectStore('claimPages').getAll(),
        tx.objectStore('unlabelled').getAll(),
        tx.objectStore('relations').getAll(),
        tx.objectStore('threads').getAll(),
      ]);
      await tx.done;
      return { claims: pages.flatMap((page) => page.claims.filter(mine)), unlabelled: unlabelled.filter(mine), relations, threads };
    });
  }

  /**
   * Publishes earlier work to the connected team project: claims and waiting annotations take
   * the team user's name, and all of it is recorded for sending, in one transaction.
   */
  publishEarlier(work: EarlierWork, annotator: Annotator): Promise<void> {
    return this.run('publish your claims', async () => {
      const changes = work.claims.map((claim) => ({ before: claim, after: { ...claim, annotator } }));
      const tx = this.db.transaction(['claimPages', 'claimCounts', 'unlabelled', 'outbox', 'settings'], 'readwrite');
      await allOrNothing(tx, async () => {
        const user = await teamUser(tx);
        if (!user) throw new Error('no team project is connected');
        await applyClaimChanges(tx, changes);
        enqueue(tx, claimEntries(changes, user));
        for (const item of work.unlabelled) {
          queue(tx.objectStore('unlabelled').put({ ...item, annotator }));
          enqueue(tx, [outboxEntry('article', item.articleId, item.articleId), outboxEntry('unlabelled', item.articleId, item.id)]);
        }
        enqueue(tx, [...work.relations.flatMap(relationEntries), ...work.threads.map(threadEntry)]);
      });
      this.notify();
      this.channel.publish({ type: 'claims', changes });
      this.channel.publish({ type: 'library', articleIds: [...new Set(work.unlabelled.map((u) => u.articleId))] });
    });
  }
}
