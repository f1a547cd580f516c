/**
 * Writing a checked export file inside one write transaction: articles matched by text
 * fingerprint (or added), their claims merged page by page, then unlabelled annotations,
 * relations and threads. The caller owns the transaction, so a failure anywhere writes nothing.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { UnlabelledClaim } from '../core/format/foreign';
import type { ParsedExport } from '../core/format/import';
import { newId } from '../core/model';
import { pagesOf, rewriteArticle } from './claim-pages';
import type { ClaimtrailSchema } from './schema';
import { queue } from './transactions';

/** What an import wrote. */
export interface ImportReport {
  articlesAdded: number;
  articlesMatched: number;
  claimsAdded: number;
  claimsUpdated: number;
  claimsUnchanged: number;
}

/** A file to import, with the annotations placed but waiting for a label, if any. */
export type ImportInput = ParsedExport & { unlabelled?: readonly UnlabelledClaim[] };

/**
 * Writes the file; a claim already stored (same id) is replaced only by a copy modified later.
 * Returns the report and the ids of the articles it touched.
 */
export async function writeImport(
  tx: IDBPTransaction<ClaimtrailSchema, ArrayLike<StoreNames<ClaimtrailSchema>>, 'readwrite'>,
  file: ImportInput,
): Promise<{ report: ImportReport; touched: string[] }> {
  const report: ImportReport = { articlesAdded: 0, articlesMatched: 0, claimsAdded: 0, claimsUpdated: 0, claimsUnchanged: 0 };
  const articles = tx.objectStore('articles');
  const pages = tx.objectStore('claimPages');
  const touched: string[] = [];
  /** The file's article ids to the ids they have in this library. */
  const stored = new Map<string, string>();
  for (const bundle of file.articles) {
    const matched = await articles.index('bySha').get(bundle.article.textSha256);
    let article = matched;
    if (article) {
      report.articlesMatched++;
    } else {
      const idTaken = (await articles.getKey(bundle.article.id)) !== undefined;
      article = idTaken ? { ...bundle.article, id: newId() } : bundle.article;
      queue(articles.add(article));
      queue(tx.objectStore('texts').add({ id: article.id, text: bundle.text }));
      report.articlesAdded++;
    }
    const articleId = article.id;
    touched.push(articleId);
    stored.set(bundle.article.id, articleId);
    // The claims this article already has (a new one has none), compared in memory: one
    // request instead of one per claim, then only the pages that change are written.
    const before = matched ? await pages.getAll(pagesOf(articleId)) : [];
    const claims = new Map(before.flatMap((page) => page.claims).map((c) => [c.id, c]));
    for (const claim of bundle.claims) {
      const existing = claims.get(claim.id);
      if (existing && existing.modified >= claim.modified) {
        report.claimsUnchanged++;
        continue;
      }
      if (existing) report.claimsUpdated++;
      else report.claimsAdded++;
      claims.set(claim.id, { ...claim, articleId });
    }
    rewriteArticle(tx, articleId, before, [...claims.values()]);
    for (const comment of bundle.comments ?? []) queue(tx.objectStore('comments').put({ ...comment, articleId }));
  }
  for (const waiting of file.unlabelled ?? []) {
    if ((await pages.index('byClaim').getKey(waiting.id)) === undefined) queue(tx.objectStore('unlabelled').put(waiting));
  }
  for (const relation of file.relations) {
    const from = stored.get(relation.from) ?? relation.from;
    const to = stored.get(relation.to) ?? relation.to;
    const [hasFrom, hasTo] = await Promise.all([articles.getKey(from), articles.getKey(to)]);
    if (hasFrom !== undefined && hasTo !== undefined) queue(tx.objectStore('relations').put({ ...relation, from, to }));
  }
  for (const thread of file.threads) {
    const current = await tx.objectStore('threads').get(thread.id);
    const claimIds = [...new Set([...(current?.claimIds ?? []), ...thread.claimIds])];
    queue(tx.objectStore('threads').put({ ...thread, ...(current && current.modified > thread.modified ? current : {}), claimIds }));
  }
  return { report, touched };
}
