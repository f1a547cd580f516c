/**
 * Writing what arrived from the team project (store/db.ts `applyTeam`), inside one write
 * transaction. The team database names one thing by one id everywhere, so its version of a
 * claim, comment or decision replaces the stored one, except where this library has a change of
 * its own still waiting in the outbox (that one goes out next, and the database settles it).
 * Nothing written here enters the outbox.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Decision } from '../core/adjudication';
import type { ParsedExport } from '../core/format/import';
import type { ClaimChange } from '../core/history';
import { newId, type Claim, type ClaimComment } from '../core/model';
import { applyClaimChanges } from './claim-pages';
import type { ClaimConflict, ClaimtrailSchema } from './schema';
import { queue } from './transactions';
import { textRecord } from './text-record';

type Tx = IDBPTransaction<ClaimtrailSchema, ArrayLike<StoreNames<ClaimtrailSchema>>, 'readwrite'>;

/** What arrived: documents read as a checked export (local units), and what the export cannot say. */
export interface TeamChanges {
  file: ParsedExport;
  /** Decisions, by the SHA-256 of their article's text. */
  decisions: { sha: string; decision: Omit<Decision, 'articleId'> }[];
  /** What was deleted in the project, by kind of document: claims, waiting annotations, relations, threads. */
  deleted: { claim: string[]; unlabelled: string[]; relation: string[]; thread: string[] };
  /** Claims with versions changed in two places at once (winner first), by article text hash; and claims no longer in conflict. */
  conflicts: { sha: string; id: string; versions: { rev: string; claim: Claim }[] }[];
  settled: string[];
  /** Decisions with versions made in two places at once (winner first), and decisions (by key) no longer in conflict. */
  decisionConflicts: { sha: string; key: string; versions: { rev: string; decision: Omit<Decision, 'articleId'> }[] }[];
  settledDecisions: string[];
}

/** What applying changed here, for the views to draw. */
export interface TeamApplied {
  changes: ClaimChange[];
  comments: ClaimComment[];
  decisions: Decision[];
  articlesAdded: string[];
  /** Articles whose conflicts changed. */
  conflictArticles: string[];
  /** Articles whose annotations waiting for a label changed. */
  unlabelledArticles: string[];
  /** Whether relations or claim threads changed. */
  links: boolean;
  /** Claims refused (another annotator's id over one of yours), with why. */
  refused: string[];
}

/** The same record: what the team sent is what is stored. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function writeTeamChanges(tx: Tx, arrived: TeamChanges, user: string): Promise<TeamApplied> {
  const applied: TeamApplied = {
    changes: [],
    comments: [],
    decisions: [],
    articlesAdded: [],
    conflictArticles: [],
    unlabelledArticles: [],
    links: false,
    refused: [],
  };
  const articles = tx.objectStore('articles');
  const outbox = tx.objectStore('outbox');
  const pages = tx.objectStore('claimPages');
  const byClaim = pages.index('byClaim');
  const localId = new Map<string, string>();
  const idOf = async (sha: string) => localId.get(sha) ?? (await articles.index('bySha').get(sha))?.id;
  const stored = async (id: string) => (await byClaim.get(id))?.claims.find((c) => c.id === id);
  const pending = async (kind: string, articleId: string, id: string) => (await outbox.getKey(`${kind}:${articleId}:${id}`)) !== undefined;
  const waiting = new Set((await outbox.getAllKeys()).filter((k) => k.startsWith('claim:')));
  const claimChanges: ClaimChange[] = [];
  for (const bundle of arrived.file.articles) {
    let articleId = await idOf(bundle.article.textSha256);
    if (articleId === undefined) {
      articleId = newId();
      queue(articles.add({ ...bundle.article, id: articleId }));
      queue(tx.objectStore('texts').add(textRecord(articleId, bundle.text)));
      applied.articlesAdded.push(articleId);
    }
    localId.set(bundle.article.textSha256, articleId);
    // Only the pages this batch's claims are on are read (one key lookup per claim): a first sync
    // brings thousands of claims in batches, and reading the whole article for each batch would
    // cost in proportion to the claims already stored.
    const keys = await Promise.all(bundle.claims.map((c) => byClaim.getKey(c.id)));
    const here = [...new Map(keys.filter((k) => k?.[0] === articleId).map((k) => [k![1], k!])).values()];
    const claims = new Map((await Promise.all(here.map((k) => pages.get(k)))).flatMap((page) => page?.claims ?? []).map((c) => [c.id, c]));
    // Ids new to this article may be on another one (from a file imported here): never two claims under one id.
    const elsewhere = new Set(bundle.claims.filter((_, i) => keys[i] !== undefined && keys[i][0] !== articleId).map((c) => c.id));
    const unlabelled = tx.objectStore('unlabelled');
    const waitingHere = new Set(await unlabelled.index('byArticle').getAllKeys(articleId));
    for (const incoming of bundle.claims) {
      const claim: Claim = { ...incoming, articleId };
      const old = claims.get(claim.id) ?? null;
      if (!old && elsewhere.has(claim.id)) {
        applied.refused.push(`${claim.id}: this library has another claim under that id, on another article; it is kept`);
        continue;
      }
      if (old && old.annotator.id !== claim.annotator.id && old.annotator.id === user) {
        applied.refused.push(`${claim.id}: the project has it under ${claim.annotator.name}’s name, but here it is yours; yours is kept`);
        continue;
      }
      if ((old && same(old, claim)) || waiting.has(`claim:${articleId}:${claim.id}`)) continue;
      claimChanges.push({ before: old, after: claim });
      claims.set(claim.id, claim);
      // A waiting annotation labelled elsewhere is waiting no longer.
      if (waitingHere.has(claim.id)) {
        queue(unlabelled.delete(claim.id));
        applied.unlabelledArticles.push(articleId);
      }
    }
    for (const item of bundle.unlabelled ?? []) {
      const local = { ...item, articleId };
      // A waiting annotation another claim already has the id of was labelled (or is another's): left as it is.
      if (claims.has(item.id) || elsewhere.has(item.id) || (await byClaim.getKey(item.id)) !== undefined) continue;
      if (await pending('unlabelled', articleId, item.id)) continue;
      const current = await unlabelled.get(item.id);
      if (same(current, local)) continue;
      queue(unlabelled.put(local));
      applied.unlabelledArticles.push(articleId);
    }
    const comments = tx.objectStore('comments');
    for (const comment of bundle.comments ?? []) {
      if ((await comments.getKey(comment.id)) !== undefined) continue;
      const local = { ...comment, articleId };
      queue(comments.put(local));
      applied.comments.push(local);
    }
  }
  for (const id of arrived.deleted.claim) {
    const before = await stored(id);
    if (before && !waiting.has(`claim:${before.articleId}:${id}`)) claimChanges.push({ before, after: null });
  }
  await applyClaimChanges(tx, claimChanges);
  applied.changes.push(...claimChanges);
  for (const { sha, decision } of arrived.decisions) {
    const articleId = await idOf(sha);
    if (articleId === undefined || (await pending('decision', articleId, decision.key))) continue;
    const local: Decision = { ...decision, articleId };
    const current = await tx.objectStore('decisions').get(decision.key);
    if (same(current, local)) continue;
    queue(tx.objectStore('decisions').put(local));
    applied.decisions.push(local);
  }
  await writeTeamLinks(tx, arrived, applied, idOf, pending);
  const conflicts = tx.objectStore('conflicts');
  for (const { sha, id, versions } of arrived.conflicts) {
    const articleId = await idOf(sha);
    if (articleId === undefined) continue;
    const conflict: ClaimConflict = { id, articleId, versions: versions.map((v) => ({ rev: v.rev, claim: { ...v.claim, articleId } })) };
    queue(conflicts.put(conflict));
    applied.conflictArticles.push(articleId);
  }
  // Most arrivals were never in conflict: only the few stored conflicts are looked at.
  const open = new Set(await conflicts.getAllKeys());
  for (const id of arrived.settled.filter((id) => open.has(id))) {
    const conflict = await conflicts.get(id);
    if (!conflict) continue;
    queue(conflicts.delete(id));
    applied.conflictArticles.push(conflict.articleId);
  }
  const decisionConflicts = tx.objectStore('decisionConflicts');
  for (const { sha, key, versions } of arrived.decisionConflicts) {
    const articleId = await idOf(sha);
    if (articleId === undefined) continue;
    queue(decisionConflicts.put({ key, articleId, versions: versions.map((v) => ({ rev: v.rev, decision: { ...v.decision, articleId } })) }));
    applied.conflictArticles.push(articleId);
  }
  const openDecisions = new Set(await decisionConflicts.getAllKeys());
  for (const key of arrived.settledDecisions.filter((key) => openDecisions.has(key))) {
    const conflict = await decisionConflicts.get(key);
    if (!conflict) continue;
    queue(decisionConflicts.delete(key));
    applied.conflictArticles.push(conflict.articleId);
  }
  return applied;
}

/** The project's relations, claim threads and deletions of waiting annotations: each replaces (or removes) the stored one unless a change of this library's waits to go out. */
async function writeTeamLinks(
  tx: Tx,
  arrived: TeamChanges,
  applied: TeamApplied,
  idOf: (sha: string) => Promise<string | undefined>,
  pending: (kind: string, articleId: string, id: string) => Promise<boolean>,
): Promise<void> {
  const relations = tx.objectStore('relations');
  for (const relation of arrived.file.relations) {
    const [from, to] = await Promise.all([idOf(relation.from), idOf(relation.to)]);
    if (from === undefined || to === undefined || (await pending('relation', from, relation.id))) continue;
    const local = { ...relation, from, to };
    if (same(await relations.get(relation.id), local)) continue;
    queue(relations.put(local));
    applied.links = true;
  }
  for (const id of arrived.deleted.relation) {
    const stored = await relations.get(id);
    if (!stored || (await pending('relation', stored.from, id))) continue;
    queue(relations.delete(id));
    applied.links = true;
  }
  const threads = tx.objectStore('threads');
  for (const thread of arrived.file.threads) {
    if ((await pending('thread', '', thread.id)) || same(await threads.get(thread.id), thread)) continue;
    queue(threads.put(thread));
    applied.links = true;
  }
  for (const id of arrived.deleted.thread) {
    if ((await threads.getKey(id)) === undefined || (await pending('thread', '', id))) continue;
    queue(threads.delete(id));
    applied.links = true;
  }
  const unlabelled = tx.objectStore('unlabelled');
  for (const id of arrived.deleted.unlabelled) {
    const stored = await unlabelled.get(id);
    if (!stored || (await pending('unlabelled', stored.articleId, id))) continue;
    queue(unlabelled.delete(id));
    applied.unlabelledArticles.push(stored.articleId);
  }
}
