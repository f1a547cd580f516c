/**
 * Writing a checked export file inside one write transaction: articles matched by text
 * fingerprint (or added), their claims merged page by page under the rules of core/merge.ts
 * (ids stay unique across the library; a file never rewrites another annotator's claim), then
 * comments, annotations waiting for a label, relations and threads. The caller owns the
 * transaction, so a failure anywhere writes nothing.
 */
import { unwrap, type IDBPTransaction, type StoreNames } from 'idb';
import type { ParsedExport } from '../core/format/import';
import { mergeClaim, renamedId, stableUuid } from '../core/merge';
import type { ArticleBundle } from '../core/format/export';
import { newId, type ArticleRelation, type Claim, type ClaimComment, type ClaimThread } from '../core/model';
import { pagesOf, readArticle, rewriteArticle } from './claim-pages';
import type { ClaimtrailSchema } from './schema';
import { queue, type TxQueue } from './transactions';
import { textRecord } from './text-record';

/** What an import wrote, and what it would not. */
export interface ImportReport {
  articlesAdded: number;
  articlesMatched: number;
  claimsAdded: number;
  claimsUpdated: number;
  claimsUnchanged: number;
  /** Claims whose id was taken by a different claim: stored under a new id. */
  claimsRenamed: number;
  /** Claims not stored, each with why. */
  claimsRefused: { id: string; why: string }[];
  /** Annotations waiting for a label that were stored. */
  unlabelledAdded: number;
}

/** A file to import: a checked claimtrail file, or other tools' annotations placed and checked. */
export type ImportInput = ParsedExport;

/** The transaction an import writes in. */
export type ImportTx = IDBPTransaction<ClaimtrailSchema, ArrayLike<StoreNames<ClaimtrailSchema>>, 'readwrite'>;
type Tx = ImportTx;

/**
 * Every stored claim id with the article it is on, read with one key cursor over the `byClaim`
 * index: Chromium prefetches a sequential cursor in batches, so this costs in proportion to the
 * library, far less than one lookup request per incoming claim (~55 µs each). The cursor is
 * driven by its request's callbacks, without a promise per step.
 */
export function storedClaimIds(tx: Tx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const request = unwrap(tx.objectStore('claimPages').index('byClaim')).openKeyCursor();
  return new Promise((resolve, reject) => {
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(ids);
      ids.set(cursor.key as string, (cursor.primaryKey as [string, number])[0]);
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('reading the stored claim ids failed'));
  });
}

/** Writes the file. Returns the report and the ids of the articles it touched. */
export async function writeImport(tx: Tx, file: ImportInput): Promise<{ report: ImportReport; touched: string[] }> {
  const writer = new ImportWriter(tx);
  for (const bundle of file.articles) await writer.article(bundle);
  await writer.links(file.relations, file.threads);
  return writer;
}

/**
 * Writes a file's articles one at a time inside the caller's transaction, then its relations
 * and threads, keeping what the later parts need (the library ids the file's articles and claims
 * ended up under). A file streamed from disk is written this way as it is read.
 */
export class ImportWriter {
  readonly report: ImportReport = {
    articlesAdded: 0,
    articlesMatched: 0,
    claimsAdded: 0,
    claimsUpdated: 0,
    claimsUnchanged: 0,
    claimsRenamed: 0,
    claimsRefused: [],
    unlabelledAdded: 0,
  };
  /** The library articles the file touched. */
  readonly touched: string[] = [];
  /** The file's article ids to the ids they have in this library. */
  private readonly stored = new Map<string, string>();
  /** The file's claim ids to the ids they are stored under, where they differ. */
  private readonly renamed = new Map<string, string>();
  /** Claim ids stored on any article, read once when first needed, and kept up to date as this import adds claims. */
  private library: Map<string, string> | null = null;

  constructor(private readonly tx: Tx) {}

  private async knownIds(): Promise<Map<string, string>> {
    return (this.library ??= (await this.tx.objectStore('claimPages').count()) > 0 ? await storedClaimIds(this.tx) : new Map<string, string>());
  }

  /** A stored article with its text and claims, read in this transaction (to carry claims onto it). */
  load(id: string): Promise<ArticleBundle | undefined> {
    return readArticle(this.tx, id);
  }

  /** Writes one article of the file (matched by text fingerprint, or added) with its claims, comments and waiting annotations. */
  async article(bundle: ArticleBundle): Promise<void> {
    const { tx, report, renamed } = this;
    const articles = tx.objectStore('articles');
    const pages = tx.objectStore('claimPages');
    const matched = await articles.index('bySha').get(bundle.article.textSha256);
    let article = matched;
    if (article) {
      report.articlesMatched++;
    } else {
      const idTaken = (await articles.getKey(bundle.article.id)) !== undefined;
      article = idTaken ? { ...bundle.article, id: newId() } : bundle.article;
      queue(articles.add(article));
      queue(tx.objectStore('texts').add(textRecord(article.id, bundle.text)));
      report.articlesAdded++;
    }
    const articleId = article.id;
    this.touched.push(articleId);
    this.stored.set(bundle.article.id, articleId);
    // The claims this article already has (a new one has none), compared in memory: one
    // request instead of one per claim, then only the pages that change are written.
    const before = matched ? await pages.getAll(pagesOf(articleId)) : [];
    const claims = new Map(before.flatMap((page) => page.claims).map((c) => [c.id, c]));
    // Ids of the file not on this article are looked up across the library, with the ids they would be renamed to.
    const needsLookup = [...bundle.claims, ...(bundle.unlabelled ?? [])].some((c) => !claims.has(c.id));
    const elsewhere = needsLookup ? await this.knownIds() : new Map<string, string>();
    const storedAs = (id: string) => {
      const here = claims.get(id);
      if (here) return { claim: here, articleId };
      const there = elsewhere.get(id);
      return there !== undefined && there !== articleId ? { claim: { id } as Claim, articleId: there } : undefined;
    };
    for (const incoming of bundle.claims) {
      let claim: Claim = { ...incoming, articleId };
      let merge = mergeClaim(claim, articleId, storedAs(claim.id));
      if (merge.kind === 'rename') {
        claim = { ...claim, id: renamedId(incoming, article.textSha256) };
        merge = mergeClaim(claim, articleId, storedAs(claim.id));
        if (merge.kind === 'rename') claim = { ...claim, id: newId() };
        if (merge.kind !== 'unchanged' && merge.kind !== 'refuse') report.claimsRenamed++;
        renamed.set(incoming.id, claim.id);
        if (merge.kind === 'rename') merge = { kind: 'add' };
      }
      if (merge.kind === 'refuse') {
        report.claimsRefused.push({ id: incoming.id, why: merge.why });
        continue;
      }
      if (merge.kind === 'unchanged') {
        report.claimsUnchanged++;
        continue;
      }
      if (merge.kind === 'update') report.claimsUpdated++;
      else report.claimsAdded++;
      claims.set(claim.id, claim);
      this.library?.set(claim.id, articleId);
    }
    rewriteArticle(tx, articleId, before, [...claims.values()]);
    for (const comment of bundle.comments ?? []) await putComment(tx, { ...comment, claimId: renamed.get(comment.claimId) ?? comment.claimId, articleId });
    for (const waiting of bundle.unlabelled ?? []) {
      // A waiting annotation whose id a claim has (it was labelled since), or that is stored already, is not added again.
      const taken = claims.has(waiting.id) || elsewhere.has(waiting.id);
      const id = taken ? renamedId(waiting, article.textSha256) : waiting.id;
      if (claims.has(id) || elsewhere.has(id) || (await tx.objectStore('unlabelled').getKey(id)) !== undefined) continue;
      this.library?.set(id, articleId);
      queue(tx.objectStore('unlabelled').put({ ...waiting, id, articleId }));
      report.unlabelledAdded++;
    }
  }

  /** Writes the file's relations (between articles now in the library) and threads, after its articles. */
  async links(relations: readonly ArticleRelation[], threads: readonly ClaimThread[]): Promise<void> {
    const { tx, stored, renamed } = this;
    const articles = tx.objectStore('articles');
    for (const relation of relations) {
      const from = stored.get(relation.from) ?? relation.from;
      const to = stored.get(relation.to) ?? relation.to;
      const [hasFrom, hasTo] = await Promise.all([articles.getKey(from), articles.getKey(to)]);
      if (hasFrom !== undefined && hasTo !== undefined) queue(tx.objectStore('relations').put({ ...relation, from, to }));
    }
    for (const thread of threads) {
      const current = await tx.objectStore('threads').get(thread.id);
      const claimIds = [...new Set([...(current?.claimIds ?? []), ...thread.claimIds.map((id) => renamed.get(id) ?? id)])];
      queue(tx.objectStore('threads').put({ ...thread, ...(current && current.modified > thread.modified ? current : {}), claimIds }));
    }
  }
}

/**
 * Stores an imported comment: the same comment again is left as it is; another comment under
 * its id is stored under an id made from it (so the same file twice adds it once).
 */
async function putComment(tx: Tx, comment: ClaimComment): Promise<void> {
  const store = tx.objectStore('comments');
  const same = (c: ClaimComment | undefined) =>
    c && c.claimId === comment.claimId && c.text === comment.text && c.by.id === comment.by.id && c.at === comment.at;
  const existing = await store.get(comment.id);
  if (!existing) return queue(store.add(comment));
  if (same(existing)) return;
  const id = stableUuid(`${comment.id}\u0000${comment.claimId}\u0000${comment.by.id}\u0000${comment.at}\u0000${comment.text}`);
  if (!same(await store.get(id))) queue(store.put({ ...comment, id }));
}

/** A step of an import read as a stream, run inside its transaction: write an article, carry claims onto a stored one, write the links. */
export type ImportJob = (writer: ImportWriter) => Promise<void>;

/** Runs the jobs given to `jobs` as they come, in the caller's transaction (see TxQueue). */
export async function writeQueued(tx: Tx, jobs: TxQueue<ImportJob>): Promise<ImportWriter> {
  const writer = new ImportWriter(tx);
  const idle = () => tx.objectStore('articles').getKey('');
  for (let job = await jobs.take(idle); job; job = await jobs.take(idle)) await job(writer);
  return writer;
}
