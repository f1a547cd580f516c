/**
 * How claims are laid out in IndexedDB: in pages of up to PAGE_SIZE claims of one article, keyed
 * [articleId, seq], with each article's counts per label beside them. The schema's migrations
 * and the page code (claim-pages.ts) both build on this, so neither imports the other.
 */
import type { Claim, Label } from '../core/model';

/** Claims per page: small enough that rewriting a page for one edit stays well under a millisecond. */
export const PAGE_SIZE = 256;

/** One stored page of an article's claims; `claimIds` mirrors `claims` for the `byClaim` index. */
export interface ClaimPage {
  articleId: string;
  seq: number;
  claimIds: string[];
  claims: Claim[];
}

/** An article's stored claim counts per label. */
export interface ClaimCounts {
  articleId: string;
  counts: Record<Label, number>;
}

/** Splits an article's claims into pages, numbered from `seq`. */
export function paginate(articleId: string, claims: readonly Claim[], seq = 0): ClaimPage[] {
  const pages: ClaimPage[] = [];
  for (let i = 0; i < claims.length; i += PAGE_SIZE) {
    const part = claims.slice(i, i + PAGE_SIZE);
    pages.push({ articleId, seq: seq + pages.length, claimIds: part.map((c) => c.id), claims: part });
  }
  return pages;
}
