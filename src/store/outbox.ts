/**
 * The outbox: what this library changed that the team project is still to be sent. An entry is
 * written in the same transaction as the change it stands for, so "stored here" and "will be
 * sent" never disagree; it names the thing (an article, claim, comment, decision, annotation
 * waiting for a label, relation or claim thread), not its
 * content, which is read when it is sent. Changes that came from the team never enter it.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { ClaimChange } from '../core/history';
import type { ArticleRelation, ClaimThread } from '../core/model';
import type { ClaimtrailSchema, OutboxEntry, TeamProject } from './schema';
import { queue } from './transactions';

let written = 0;

/** An entry for one thing; its stamp is new each time, so a send clears only what it read. */
export function outboxEntry(kind: OutboxEntry['kind'], articleId: string, id: string): OutboxEntry {
  written = (written + 1) % 1000;
  return { key: `${kind}:${articleId}:${id}`, kind, articleId, id, stamp: Date.now() * 1000 + written };
}

/** The entries for one action's claim changes made by `user`, each with its article's. */
export function claimEntries(changes: readonly ClaimChange[], user: string): OutboxEntry[] {
  const entries = new Map<string, OutboxEntry>();
  for (const { before, after } of changes) {
    const claim = after ?? before;
    if (!claim || claim.annotator.id !== user) continue;
    for (const entry of [outboxEntry('article', claim.articleId, claim.articleId), outboxEntry('claim', claim.articleId, claim.id)])
      entries.set(entry.key, entry);
  }
  return [...entries.values()];
}

/** The entries for a relation: it, and both its articles (a relation is sent with what it relates). */
export function relationEntries(relation: ArticleRelation): OutboxEntry[] {
  return [
    outboxEntry('article', relation.from, relation.from),
    outboxEntry('article', relation.to, relation.to),
    outboxEntry('relation', relation.from, relation.id),
  ];
}

/** The entry for a claim thread (it names claims of any article, so it belongs to none). */
export function threadEntry(thread: Pick<ClaimThread, 'id'>): OutboxEntry {
  return outboxEntry('thread', '', thread.id);
}

/**
 * The team user whose changes go to the project, read in the write's own transaction (which
 * includes `settings`): a project connected in another tab a moment ago counts, so a change is
 * never stored without being recorded for sending.
 */
export async function teamUser(tx: IDBPTransaction<ClaimtrailSchema, ArrayLike<StoreNames<ClaimtrailSchema>>, 'readwrite'>): Promise<string | null> {
  return ((await tx.objectStore('settings').get('team')) as TeamProject | undefined)?.user ?? null;
}

/** Queues the entries on a write transaction that includes the outbox. */
export function enqueue(tx: IDBPTransaction<ClaimtrailSchema, ArrayLike<StoreNames<ClaimtrailSchema>>, 'readwrite'>, entries: readonly OutboxEntry[]): void {
  const store = tx.objectStore('outbox');
  for (const entry of entries) queue(store.put(entry));
}
