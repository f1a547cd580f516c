/**
 * Writing the claimtrail version 1 file: app offsets (UTF-16) become code points here, at the
 * boundary, and nowhere else.
 */
import { compareClaims, type Annotator, type Article, type Claim, type ClaimComment } from '../model';
import { OffsetIndex } from '../text';
import type { ExportArticle, ExportClaim, ExportFile } from './claimtrail-v1';

/** An article with its text and claims, as export takes it and import gives it back. */
export interface ArticleBundle {
  article: Article;
  text: string;
  claims: Claim[];
  /** Comments on these claims, where there are any. */
  comments?: ClaimComment[];
}

function exportClaim(claim: Claim, offsets: OffsetIndex, comments: readonly ClaimComment[] = []): ExportClaim {
  return {
    id: claim.id,
    label: claim.label,
    start: offsets.toCodePoint(claim.start),
    end: offsets.toCodePoint(claim.end),
    exact: claim.exact,
    prefix: claim.prefix,
    suffix: claim.suffix,
    ...(claim.note ? { note: claim.note } : {}),
    sources: claim.sources.map((source) => ({ ...source })),
    annotator: { id: claim.annotator.id, name: claim.annotator.name },
    created: claim.created,
    modified: claim.modified,
    ...(comments.length ? { comments: comments.map(({ id, by, at, text }) => ({ id, by: { id: by.id, name: by.name }, at, text })) } : {}),
    ...(claim.review ? { review: { ...claim.review, by: { id: claim.review.by.id, name: claim.review.by.name }, from: [...claim.review.from] } } : {}),
  };
}

function exportArticle({ article, text, claims, comments = [] }: ArticleBundle): ExportArticle {
  const offsets = new OffsetIndex(text);
  const byClaim = new Map<string, ClaimComment[]>();
  for (const comment of comments) byClaim.set(comment.claimId, [...(byClaim.get(comment.claimId) ?? []), comment]);
  const optional = (['author', 'outlet', 'published', 'url'] as const).filter((key) => article[key]);
  return {
    id: article.id,
    title: article.title,
    ...Object.fromEntries(optional.map((key) => [key, article[key]])),
    textSha256: article.textSha256,
    text,
    claims: [...claims].sort(compareClaims).map((claim) => exportClaim(claim, offsets, byClaim.get(claim.id))),
  };
}

/** The version 1 file for these articles, exported by `annotator` at `exportedAt`. */
export function toExportFile(
  bundles: readonly ArticleBundle[],
  annotator: Annotator,
  exportedAt: string,
  generator: string,
): ExportFile {
  return {
    format: 'claimtrail',
    version: 1,
    exportedAt,
    generator,
    annotator: { id: annotator.id, name: annotator.name },
    articles: bundles.map(exportArticle),
  };
}

/** The download name for an export made at `date`: claimtrail-YYYYMMDD-HHMMSS.json (UTC). */
export function exportFileName(date: Date): string {
  const iso = date.toISOString();
  return `claimtrail-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.json`;
}
