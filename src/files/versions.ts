/**
 * An imported article whose text differs from a stored one it seems to be a version of (the same
 * id, or most of its words shared) can have its claims carried onto the stored text instead of
 * being added as a separate article. Finding those articles and carrying their claims, without
 * the DOM: it runs in the import worker; the person is asked in between.
 */
import { ANCHOR_STATUSES } from '../core/anchor';
import { carryClaims } from '../core/carry';
import type { ArticleBundle } from '../core/format/export';
import { refusalOf } from '../core/format/claim-checks';
import { isOrphan, type Article } from '../core/model';
import { OffsetIndex } from '../core/text';
import { closestVersion, fingerprint } from '../core/similarity';
import type { Store } from '../store/db';
import { libraryFingerprints } from '../store/fingerprints';

/** An article of the file that looks like a version of a stored one: the question put to the person. */
export interface VersionQuestion {
  /** Its place in the file's articles. */
  index: number;
  title: string;
  claims: number;
  stored: Article;
}

/**
 * The test an import puts each article of its file to: the stored article it looks like a
 * version of (same id, else the stored text sharing the most of its words above the version
 * threshold), or none. A text already stored as it is, or an article without claims, is none.
 * The library and its fingerprints are read here, once, before the file is written.
 */
export async function versionFinder(store: Store): Promise<(bundle: ArticleBundle) => Article | undefined> {
  const library = (await store.listArticles()).map((s) => s.article);
  const known = new Set(library.map((a) => a.textSha256));
  const byId = new Map(library.map((a) => [a.id, a]));
  const prints = library.length ? await libraryFingerprints(store, async (text) => fingerprint(text)) : [];
  return (bundle) => {
    if (!bundle.claims.length || known.has(bundle.article.textSha256)) return undefined;
    const sameId = byId.get(bundle.article.id);
    if (sameId) return sameId;
    const best = closestVersion(fingerprint(bundle.text), prints);
    return best ? byId.get(best.id) : undefined;
  };
}

/**
 * The article of the file taken as a version of the stored `target`: its claims (not carried
 * before) carried onto the stored text, with their comments, and the line for the report.
 */
export function carryOnto(bundle: ArticleBundle, target: ArticleBundle): { bundle: ArticleBundle; line: string } {
  const stored = target.article;
  const carried = new Set(target.claims.map((c) => c.anchor?.from.claim));
  const todo = bundle.claims.filter((c) => !carried.has(c.id));
  const carriedAll = carryClaims(todo, { articleId: bundle.article.id, text: bundle.text }, { articleId: stored.id, text: target.text });
  const { counts } = carriedAll;
  // Carried claims pass the import's checks too (orphans keep their old words, unchecked).
  const offsets = new OffsetIndex(target.text);
  const claims = carriedAll.claims.filter((c) => isOrphan(c) || !refusalOf(c, { id: stored.id, text: target.text }, offsets));
  const refused = carriedAll.claims.length - claims.length;
  const newIds = new Map(claims.map((c) => [c.anchor!.from.claim!, c.id]));
  const comments = (bundle.comments ?? []).flatMap((c) => (newIds.has(c.claimId) ? [{ ...c, claimId: newIds.get(c.claimId)!, articleId: stored.id }] : []));
  return {
    bundle: { article: stored, text: target.text, claims, comments },
    line: `${claims.length} claims carried onto “${stored.title}”: ${ANCHOR_STATUSES.map((s) => `${counts[s]} ${s === 'orphan' ? 'not found' : s}`).join(', ')}.${refused ? ` ${refused} left out: their words there would not survive export and import.` : ''}`,
  };
}
