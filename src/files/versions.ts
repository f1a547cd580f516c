/**
 * An imported article whose text differs from a stored one it seems to be a version of (the same
 * id, or most of its words shared) can have its claims carried onto the stored text instead of
 * being added as a separate article. Finding those articles and carrying their claims, without
 * the DOM: it runs in the import worker; the person is asked in between.
 */
import { ANCHOR_STATUSES } from '../core/anchor';
import { carryClaims } from '../core/carry';
import type { ArticleBundle } from '../core/format/export';
import { refusalOf, type ParsedExport } from '../core/format/import';
import { isOrphan, type Article } from '../core/model';
import { OffsetIndex } from '../core/text';
import { closestVersion, fingerprint, type Fingerprint } from '../core/similarity';
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
 * The articles of the file (with claims) that look like versions of stored ones: same id, else
 * the stored text sharing the most of its words above the version threshold. A text already
 * stored as it is is not a question. The library's fingerprints are read once, and only if needed.
 */
export async function findVersions(store: Store, file: ParsedExport): Promise<VersionQuestion[]> {
  const library = (await store.listArticles()).map((s) => s.article);
  const known = new Set(library.map((a) => a.textSha256));
  let prints: Promise<{ id: string; fingerprint: Fingerprint }[]> | null = null;
  const questions: VersionQuestion[] = [];
  for (const [index, bundle] of file.articles.entries()) {
    if (!bundle.claims.length || known.has(bundle.article.textSha256)) continue;
    let stored = library.find((a) => a.id === bundle.article.id);
    if (!stored) {
      const best = closestVersion(fingerprint(bundle.text), await (prints ??= libraryFingerprints(store, async (text) => fingerprint(text))));
      stored = best ? library.find((a) => a.id === best.id) : undefined;
    }
    if (stored) questions.push({ index, title: bundle.article.title, claims: bundle.claims.length, stored });
  }
  return questions;
}

/**
 * The file as it should be stored when the articles of `asVersions` are taken as versions: their
 * claims (not carried before) carried onto the stored text, with their comments, and relations
 * pointed at the stored article; with a line per carried article for the report.
 */
export async function carryVersions(
  store: Store,
  file: ParsedExport,
  asVersions: readonly VersionQuestion[],
): Promise<{ file: ParsedExport; lines: string[] }> {
  const lines: string[] = [];
  const articles: ArticleBundle[] = [...file.articles];
  const renamed = new Map<string, string>();
  for (const { index, stored } of asVersions) {
    const bundle = file.articles[index]!;
    const target = await store.loadArticle(stored.id);
    if (!target) throw new Error(`“${stored.title}” is no longer in the library`);
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
    articles[index] = { article: target.article, text: target.text, claims, comments };
    renamed.set(bundle.article.id, stored.id);
    lines.push(
      `${claims.length} claims carried onto “${stored.title}”: ${ANCHOR_STATUSES.map((s) => `${counts[s]} ${s === 'orphan' ? 'not found' : s}`).join(', ')}.${refused ? ` ${refused} left out: their words there would not survive export and import.` : ''}`,
    );
  }
  const ids = (id: string) => renamed.get(id) ?? id;
  return { file: { ...file, articles, relations: file.relations.map((r) => ({ ...r, from: ids(r.from), to: ids(r.to) })) }, lines };
}
