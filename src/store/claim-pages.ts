/**
 * Claims are stored in pages (page-layout.ts): one record holds up to PAGE_SIZE claims of one article. IndexedDB
 * in Chromium pays ~50 µs per record written whatever its size, so 100,000 claims as 100,000
 * records take ~5 s to store, and as ~400 pages ~0.3 s. A page is keyed [articleId, seq]; the
 * `byClaim` index finds a claim's page by id, and each article's counts per label are kept in
 * `claimCounts`, so the library is listed without reading any claim.
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { ClaimChange } from '../core/history';
import { countLabels, LABELS, type Claim, type Label } from '../core/model';
import type { ArticleBundle } from '../core/format/export';
import { paginate, PAGE_SIZE, type ClaimPage } from './page-layout';
import type { ClaimtrailSchema } from './schema';
import { recordText } from './text-record';
import { queue } from './transactions';

type Names = StoreNames<ClaimtrailSchema>;
type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<ClaimtrailSchema, ArrayLike<Names>, Mode>;
type Pages<Mode extends IDBTransactionMode> = IDBPObjectStore<ClaimtrailSchema, ArrayLike<Names>, 'claimPages', Mode>;

/** The key range of one article's pages, from page `seq` on. */
export function pagesOf(articleId: string, seq = 0): IDBKeyRange {
  return IDBKeyRange.bound([articleId, seq], [articleId, Infinity]);
}

/**
 * Pages read per request when reading an article's claims: each request's result is decoded in
 * a task of its own, and 20,000 claims decoded at once were a 260 ms task at 4× CPU.
 */
export const PAGES_PER_READ = 8;

/**
 * An article's pages in stored order, PAGES_PER_READ per request; `read` makes the request (a
 * `getAll` of a key range and a count, in the caller's transaction or one of its own).
 */
export async function* pagesInParts(articleId: string, read: (range: IDBKeyRange, count: number) => Promise<ClaimPage[]>): AsyncGenerator<ClaimPage[]> {
  for (let seq = 0; ;) {
    const pages = await read(pagesOf(articleId, seq), PAGES_PER_READ);
    if (pages.length) yield pages;
    if (pages.length < PAGES_PER_READ) return;
    seq = pages.at(-1)!.seq + 1;
  }
}

/** Every claim of an article, in stored order. */
async function readClaims(store: Pages<IDBTransactionMode>, articleId: string): Promise<Claim[]> {
  const claims: Claim[] = [];
  for await (const pages of pagesInParts(articleId, (range, count) => store.getAll(range, count))) {
    for (const page of pages) for (const claim of page.claims) claims.push(claim);
  }
  return claims;
}

/** A stored article with its text and claims, read in `tx` (opening it, or carrying claims onto it in an import). */
export async function readArticle(tx: Tx<IDBTransactionMode>, id: string): Promise<ArticleBundle | undefined> {
  const [article, text, claims] = await Promise.all([
    tx.objectStore('articles').get(id),
    tx.objectStore('texts').get(id),
    readClaims(tx.objectStore('claimPages'), id),
  ]);
  return article && text ? { article, text: recordText(text), claims } : undefined;
}

/** The stored claims with these ids (missing ones are left out). */
export async function readClaimsById(store: Pages<IDBTransactionMode>, ids: readonly string[]): Promise<Claim[]> {
  const pages = await Promise.all(ids.map((id) => store.index('byClaim').get(id)));
  return ids.flatMap((id, i) => pages[i]?.claims.find((c) => c.id === id) ?? []);
}

/**
 * Replaces an article's stored claims: `pages` are the ones read for it (in order), `claims` the
 * full new list, whose already stored claims keep their place. Only pages that change are written:
 * a claim left as it was must be passed as the very object read.
 */
export function rewriteArticle(tx: Tx<'readwrite'>, articleId: string, pages: readonly ClaimPage[], claims: readonly Claim[]): void {
  const store = tx.objectStore('claimPages');
  const byId = new Map(claims.map((c) => [c.id, c]));
  const kept: Claim[] = [];
  for (const page of pages)
    for (const old of page.claims) {
      const next = byId.get(old.id);
      if (next) {
        kept.push(next);
        byId.delete(old.id);
      }
    }
  const next = paginate(articleId, [...kept, ...byId.values()]);
  const old = new Map(pages.map((page) => [page.seq, page.claims]));
  for (const page of next) {
    const was = old.get(page.seq);
    if (!was || was.length !== page.claims.length || was.some((c, k) => c !== page.claims[k])) queue(store.put(page));
  }
  for (const page of pages) if (page.seq >= next.length) queue(store.delete([articleId, page.seq]));
  queue(tx.objectStore('claimCounts').put({ articleId, counts: countLabels(claims) }));
}

/**
 * Applies one action's claim changes inside a write transaction: each claim is replaced in its
 * page, removed, or appended to its article's last page (or a new one), and the counts follow.
 * The pages the changes are on are found and read up front, all requests at once: a change
 * never waits for the one before it (a batch of a first sync has hundreds).
 */
export async function applyClaimChanges(tx: Tx<'readwrite'>, changes: readonly ClaimChange[]): Promise<void> {
  const store = tx.objectStore('claimPages');
  const pageKey = (articleId: string, seq: number) => `${articleId}\u0000${seq}`;
  const ids = [...new Set(changes.flatMap(({ before, after }) => (after ?? before)?.id ?? []))];
  const keys = await Promise.all(ids.map((id) => store.index('byClaim').getKey(id)));
  const distinct = new Map(keys.flatMap((k) => (k ? [[pageKey(...k), k] as const] : [])));
  /** Pages read or made in this action, so two changes on one page both land. */
  const touched = new Map<string, ClaimPage>();
  for (const page of await Promise.all([...distinct.values()].map((k) => store.get(k)))) if (page) touched.set(pageKey(page.articleId, page.seq), page);
  /** The page each changed claim is on now. */
  const pageOf = new Map<string, ClaimPage>();
  ids.forEach((id, i) => {
    const page = keys[i] && touched.get(pageKey(...keys[i]));
    if (page) pageOf.set(id, page);
  });
  /** Each article's last page (the highest seq), read once, then the one this action made after it. */
  const lastPage = new Map<string, ClaimPage | null>();
  const delta = new Map<string, Record<Label, number>>();
  const keep = (page: ClaimPage) => {
    const k = pageKey(page.articleId, page.seq);
    return touched.get(k) ?? (touched.set(k, page), page);
  };
  const count = (claim: Claim, by: number) => {
    const counts = delta.get(claim.articleId) ?? countLabels([]);
    counts[claim.label] += by;
    delta.set(claim.articleId, counts);
  };
  for (const { before, after } of changes) {
    const id = (after ?? before)?.id;
    if (id === undefined) continue;
    const page = pageOf.get(id);
    const at = page ? page.claimIds.indexOf(id) : -1;
    if (page && at >= 0) {
      count(page.claims[at]!, -1);
      page.claims.splice(at, 1);
      page.claimIds.splice(at, 1);
    }
    pageOf.delete(id);
    if (!after) continue;
    count(after, 1);
    if (page && at >= 0 && page.articleId === after.articleId) {
      page.claims.splice(at, 0, after);
      page.claimIds.splice(at, 0, id);
      pageOf.set(id, page);
      continue;
    }
    // A new claim goes on the article's last page, or on a new page after it: never on a seq
    // that may exist (a page touched by an update above need not be the last).
    if (!lastPage.has(after.articleId)) lastPage.set(after.articleId, (await store.openCursor(pagesOf(after.articleId), 'prev'))?.value ?? null);
    const last = lastPage.get(after.articleId);
    const open =
      last && keep(last).claims.length < PAGE_SIZE ? keep(last) : keep({ articleId: after.articleId, seq: last ? last.seq + 1 : 0, claimIds: [], claims: [] });
    lastPage.set(after.articleId, open);
    open.claims.push(after);
    open.claimIds.push(id);
    pageOf.set(id, open);
  }
  for (const page of touched.values()) {
    queue(page.claims.length ? store.put(page) : store.delete([page.articleId, page.seq]));
  }
  const counts = tx.objectStore('claimCounts');
  for (const [articleId, by] of delta) {
    const stored = (await counts.get(articleId))?.counts ?? countLabels([]);
    queue(counts.put({ articleId, counts: Object.fromEntries(LABELS.map((l) => [l, stored[l] + by[l]])) as Record<Label, number> }));
  }
}
