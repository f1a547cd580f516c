/**
 * Writing the claimtrail version 1 file: app offsets (UTF-16) become code points here, at the
 * boundary, and nowhere else.
 */
import {
  compareClaims,
  isOrphan,
  type Annotator,
  type Article,
  type ArticleRelation,
  type Claim,
  type ClaimComment,
  type ClaimThread,
  type OriginalFile,
  type Source,
  type UnlabelledClaim,
} from '../model';
import { pagesOf } from '../pages';
import { OffsetIndex } from '../text';
import type { ExportArticle, ExportClaim, ExportFile, ExportSource, ExportUnlabelled } from './claimtrail-v1';

/** An article with its text and claims, as export takes it and import gives it back. */
export interface ArticleBundle {
  article: Article;
  text: string;
  claims: Claim[];
  /** Comments on these claims, where there are any. */
  comments?: ClaimComment[];
  /** Annotations from other tools placed on this text, waiting for a label. */
  unlabelled?: UnlabelledClaim[];
}

/** Links between articles and claims that travel with an export. */
export interface ExportLinks {
  relations?: readonly ArticleRelation[];
  threads?: readonly ClaimThread[];
}

function exportSource(source: Source, offsets: OffsetIndex): ExportSource {
  const { attribution, ...rest } = source;
  if (!attribution) return { ...rest };
  const { start, end, exact } = attribution;
  return { ...rest, attribution: { start: offsets.toCodePoint(start), end: offsets.toCodePoint(end), exact } };
}

/** An annotation waiting for a label, as the file holds it (code points). */
export function exportUnlabelled(item: UnlabelledClaim, offsets: OffsetIndex): ExportUnlabelled {
  return spanOf(item, offsets.toCodePoint(item.start), offsets.toCodePoint(item.end), offsets);
}

/** The fields a claim and an annotation waiting for a label share, in the file's order, at code points `start..end`. */
function spanOf(item: UnlabelledClaim, start: number, end: number, offsets: OffsetIndex): ExportUnlabelled {
  const span: ExportUnlabelled = { id: item.id, start, end, exact: item.exact, prefix: item.prefix, suffix: item.suffix } as ExportUnlabelled;
  if (item.note) span.note = item.note;
  span.sources = item.sources.map((source) => exportSource(source, offsets));
  span.annotator = { id: item.annotator.id, name: item.annotator.name };
  span.created = item.created;
  span.modified = item.modified;
  return span;
}

/**
 * A claim as the file holds it: code points, its comments with it, and the pages of the original
 * it lies on when its article has them. Built field by field in the file's order: export makes
 * one for every claim of the library.
 */
export function exportClaim(claim: Claim, offsets: OffsetIndex, comments: readonly ClaimComment[] = [], pages?: number[]): ExportClaim {
  // An orphan's offsets are not into this text: it keeps those it had, in code points already.
  const from = isOrphan(claim) ? claim.anchor!.from : null;
  const out = spanOf(claim, from ? from.start : offsets.toCodePoint(claim.start), from ? from.end : offsets.toCodePoint(claim.end), offsets) as ExportClaim;
  out.label = claim.label;
  if (comments.length) out.comments = comments.map(({ id, by, at, text }) => ({ id, by: { id: by.id, name: by.name }, at, text }));
  if (claim.review) out.review = { ...claim.review, by: { id: claim.review.by.id, name: claim.review.by.name }, from: [...claim.review.from] };
  if (claim.anchor) out.anchor = { ...claim.anchor, from: { ...claim.anchor.from } };
  if (pages) out.pages = pages;
  return out;
}

/** The fields of a file's article besides its id, text and claims. */
export type ArticleFields = Pick<ExportArticle, 'title' | 'textSha256' | 'author' | 'outlet' | 'published' | 'url' | 'lang' | 'dir' | 'pages' | 'original'>;

/** The original file's name, hash, type and size and nothing else (a file's own extra fields stay behind), as `{ original }`, or nothing. */
export function originalOf(original: Partial<OriginalFile> | undefined): Pick<ArticleFields, 'original'> {
  const { name, sha256, type, size } = original ?? {};
  return name && sha256 ? { original: { name, sha256, ...(type ? { type } : {}), ...(size !== undefined ? { size } : {}) } } : {};
}

/** An article's details as files hold them (the export's article, a team document): its page map in code points. */
export function exportArticleFields(article: Article, offsets: OffsetIndex): ArticleFields {
  const optional = (['author', 'outlet', 'published', 'url', 'lang', 'dir'] as const).filter((key) => article[key]);
  return {
    title: article.title,
    ...Object.fromEntries(optional.map((key) => [key, article[key]])),
    textSha256: article.textSha256,
    ...(article.pages ? { pages: article.pages.map((start) => offsets.toCodePoint(start)) } : {}),
    ...originalOf(article.original),
  };
}

/** The pages of its article's original a claim lies on, for formats that can say it (none for an orphan). */
export function claimPages(article: Pick<Article, 'pages'>, claim: Claim | UnlabelledClaim): number[] | undefined {
  return article.pages && !('label' in claim && isOrphan(claim)) ? pagesOf(article.pages, claim.start, claim.end) : undefined;
}

function exportArticle({ article, text, claims, comments = [], unlabelled = [] }: ArticleBundle): ExportArticle {
  const offsets = new OffsetIndex(text);
  const byClaim = new Map<string, ClaimComment[]>();
  for (const comment of comments) byClaim.set(comment.claimId, [...(byClaim.get(comment.claimId) ?? []), comment]);
  const withPages = (claim: Claim): ExportClaim => exportClaim(claim, offsets, byClaim.get(claim.id), claimPages(article, claim));
  return {
    id: article.id,
    ...exportArticleFields(article, offsets),
    text,
    claims: [...claims].sort(compareClaims).map(withPages),
    ...(unlabelled.length
      ? { unlabelled: [...unlabelled].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)).map((u) => exportUnlabelled(u, offsets)) }
      : {}),
  };
}

/** The links a file carries: every relation, and the threads cut to the claims in the file (empty ones left out). */
function exportedLinks(links: ExportLinks, ids: ReadonlySet<string>): Pick<ExportFile, 'relations' | 'threads'> {
  const threads = (links.threads ?? [])
    .map((t) => ({ id: t.id, title: t.title, claims: t.claimIds.filter((id) => ids.has(id)), created: t.created, modified: t.modified }))
    .filter((t) => t.claims.length > 0);
  const relations = (links.relations ?? []).map(({ id, from, to, kind, created }) => ({ id, from, to, kind, created }));
  return { ...(relations.length ? { relations } : {}), ...(threads.length ? { threads } : {}) };
}

/** The head of a file, the fields before its articles. */
function fileHead(
  annotator: Annotator,
  exportedAt: string,
  generator: string,
): Pick<ExportFile, 'format' | 'version' | 'exportedAt' | 'generator' | 'annotator'> {
  return { format: 'claimtrail', version: 1, exportedAt, generator, annotator: { id: annotator.id, name: annotator.name } };
}

/** The version 1 file for these articles, exported by `annotator` at `exportedAt`. */
export function toExportFile(
  bundles: readonly ArticleBundle[],
  annotator: Annotator,
  exportedAt: string,
  generator: string,
  links: ExportLinks = {},
): ExportFile {
  const ids = new Set(bundles.flatMap((b) => b.claims.map((c) => c.id)));
  return { ...fileHead(annotator, exportedAt, generator), articles: bundles.map(exportArticle), ...exportedLinks(links, ids) };
}

/** The JSON of one article of a file, with its claims, as the file's list of articles holds it. */
export function articleJson(bundle: ArticleBundle): string {
  return JSON.stringify(exportArticle(bundle));
}

/**
 * The version 1 file written in pieces, as JSON text: its head, pieces of its list of articles as
 * they come (each the articleJson of one or more articles, joined by commas, made here or in
 * another worker), then its end with the links. Joined, the pieces are exactly
 * `JSON.stringify(toExportFile(...))`; a large library is exported in parts, so nothing ever
 * holds the whole file (which could also pass the longest string a JavaScript engine makes,
 * about 512 MB in V8).
 */
export class ExportWriter {
  private readonly ids = new Set<string>();
  private written = 0;

  constructor(
    private readonly annotator: Annotator,
    private readonly exportedAt: string,
    private readonly generator: string,
  ) {}

  /** The file up to the opening of its list of articles. */
  head(): string {
    return `${JSON.stringify(fileHead(this.annotator, this.exportedAt, this.generator)).slice(0, -1)},"articles":[`;
  }

  /** What goes before the next piece of the list, whose articles hold `claimIds`: a comma, after the first piece. */
  next(claimIds: Iterable<string>): string {
    for (const id of claimIds) this.ids.add(id);
    return this.written++ ? ',' : '';
  }

  /** The end of the list and of the file, with the links (threads cut to the claims written). */
  end(links: ExportLinks = {}): string {
    const { relations, threads } = exportedLinks(links, this.ids);
    return `]${relations ? `,"relations":${JSON.stringify(relations)}` : ''}${threads ? `,"threads":${JSON.stringify(threads)}` : ''}}`;
  }
}

/** The bundles cut down to the named claims (and their comments), leaving out articles with none of them. */
export function onlyClaims(bundles: readonly ArticleBundle[], claimIds: readonly string[]): ArticleBundle[] {
  const wanted = new Set(claimIds);
  return bundles.flatMap(({ unlabelled: _, ...bundle }) => {
    const claims = bundle.claims.filter((c) => wanted.has(c.id));
    const comments = bundle.comments?.filter((c) => wanted.has(c.claimId));
    return claims.length ? [{ ...bundle, claims, ...(comments?.length ? { comments } : {}) }] : [];
  });
}

/** The download name for an export made at `date`: claimtrail-YYYYMMDD-HHMMSS.json (UTC). */
export function exportFileName(date: Date): string {
  const iso = date.toISOString();
  return `claimtrail-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.json`;
}

/** How many claims and annotations waiting for a label a claimtrail file of these bundles holds. */
export function annotationCount(bundles: readonly ArticleBundle[]): number {
  return bundles.reduce((n, b) => n + b.claims.length + (b.unlabelled?.length ?? 0), 0);
}

/** Claims of a bundle that sit on words (orphans have none to give another tool). */
export function placedClaims(bundle: ArticleBundle): Claim[] {
  return bundle.claims.filter((c) => !isOrphan(c));
}
