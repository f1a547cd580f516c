/**
 * Reading a claimtrail version 1 file: parse, check the shape with the zod schema, then check
 * every claim against its article's text, converting code points to UTF-16 on the way in.
 * Nothing here writes anything: a file either passes whole or yields the problems found.
 */
import * as z from 'zod';
import { defaultTitle } from '../article';
import type { Annotator, Article, ArticleRelation, Claim, ClaimComment, ClaimThread, Source, UnlabelledClaim } from '../model';
import { pageMapProblem } from '../pages';
import { RecentMap } from '../recent';
import { isClusterBoundary } from '../selection';
import { OffsetIndex, sha256Hex, unnormalisedText } from '../text';
import {
  ArticleSchema,
  ClaimSchema,
  ExportFileSchema,
  UnlabelledSchema,
  type ExportArticle,
  type ExportClaim,
  type ExportSource,
  type ExportUnlabelled,
} from './claimtrail-v1';
import { exportClaim, exportUnlabelled, originalOf, type ArticleBundle } from './export';
import { parseJson } from './json';

/** How many problems a failed file reports by name; the rest are counted. */
export const MAX_REPORTED_PROBLEMS = 5;

/** A file that passed every check, with offsets in UTF-16 units. */
export interface ParsedExport {
  annotator: Annotator;
  exportedAt: string;
  articles: ArticleBundle[];
  relations: ArticleRelation[];
  threads: ClaimThread[];
}

export type ReadResult = { ok: true; value: ParsedExport } | { ok: false; problems: string[] };

/** Called with a fraction from 0 to 1 while the claims are being checked. */
export type Progress = (fraction: number) => void;

function failure(problems: string[]): ReadResult {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return { ok: false, problems };
  const more = problems.length - MAX_REPORTED_PROBLEMS;
  return { ok: false, problems: [...problems.slice(0, MAX_REPORTED_PROBLEMS), `…and ${more} more`] };
}

/** `articles[0].claims[3].label` for a zod issue path. */
function pathName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/** The problems zod found, each named by its path (under `at`, the path of what was parsed). */
function issueMessages(error: z.ZodError, at: readonly PropertyKey[] = []): string[] {
  return error.issues.map((issue) => {
    const where = pathName([...at, ...issue.path]);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/** Problems that stop the file being read as claimtrail at all: not JSON, wrong format, wrong version. */
function envelopeProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return 'not a claimtrail export: expected a JSON object with "format": "claimtrail"';
  }
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== 'claimtrail') {
    return 'not a claimtrail export: expected "format": "claimtrail"';
  }
  if (version !== 1) {
    return `unsupported claimtrail format version ${JSON.stringify(version ?? null)}: this app reads version 1`;
  }
  return null;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** UTF-16 range of code point offsets `start..end` in the text whose words must be `exact`, or a problem. */
function checkedRange(span: { start: number; end: number; exact: string }, text: string, offsets: OffsetIndex): { start: number; end: number } | string {
  const start = offsets.toUtf16(span.start);
  const end = offsets.toUtf16(span.end);
  if (start === undefined || end === undefined) {
    return `offsets ${span.start}..${span.end} are outside the text (${offsets.codePointLength} code points)`;
  }
  const actual = text.slice(start, end);
  if (actual !== span.exact) {
    return `"exact" is "${shorten(span.exact)}" but the text at ${span.start}..${span.end} is "${shorten(actual)}"`;
  }
  const inside = [span.start, span.end].find((_, k) => !isClusterBoundary(text, k ? end : start));
  if (inside !== undefined) {
    return `offset ${inside} falls inside a character (between a letter and its combining mark, or within an emoji); claims start and end between characters`;
  }
  return { start, end };
}

function readSource(raw: ExportSource, where: string, text: string, offsets: OffsetIndex, problems: string[]): Source {
  const source: Source = { ...(raw.url ? { url: raw.url } : {}), ...(raw.citation ? { citation: raw.citation } : {}) };
  if (!raw.attribution) return source;
  const range = checkedRange(raw.attribution, text, offsets);
  if (typeof range === 'string') problems.push(`${where}.attribution: ${range}`);
  else source.attribution = { ...range, exact: raw.attribution.exact };
  return source;
}

/** The span fields of a claim or an unlabelled annotation, checked against the text, with UTF-16 offsets; null after a problem. */
function readSpan(
  raw: ExportClaim | ExportUnlabelled,
  orphan: boolean,
  where: string,
  article: { id: string; text: string },
  offsets: OffsetIndex,
  problems: string[],
): UnlabelledClaim | null {
  const text = article.text;
  let start = raw.start;
  let end = raw.end;
  if (!orphan) {
    const range = checkedRange(raw, text, offsets);
    if (typeof range === 'string') {
      problems.push(`${where}: ${range}`);
      return null;
    }
    ({ start, end } = range);
    if (!text.slice(0, start).endsWith(raw.prefix) || !text.slice(end).startsWith(raw.suffix)) {
      problems.push(`${where}: "prefix" or "suffix" does not match the text around ${raw.start}..${raw.end}`);
      return null;
    }
  }
  const before = problems.length;
  const sources = raw.sources.map((s, k) => readSource(s, `${where}.sources[${k}]`, text, offsets, problems));
  if (problems.length > before) return null;
  return {
    id: raw.id,
    articleId: article.id,
    start,
    end,
    exact: raw.exact,
    prefix: raw.prefix,
    suffix: raw.suffix,
    ...(raw.note ? { note: raw.note } : {}),
    sources,
    annotator: { id: raw.annotator.id, name: raw.annotator.name },
    created: raw.created,
    modified: raw.modified,
  };
}

/**
 * Checks one claim against its article's text; returns it with UTF-16 offsets, or problems.
 * An orphan (a claim carried over that found no words here) keeps its old offsets unchecked.
 */
function readClaim(raw: ExportClaim, where: string, article: { id: string; text: string }, offsets: OffsetIndex, problems: string[]): Claim | null {
  const span = readSpan(raw, raw.anchor?.status === 'orphan', where, article, offsets, problems);
  if (!span) return null;
  return {
    ...span,
    label: raw.label,
    ...(raw.review
      ? {
          review: {
            status: raw.review.status,
            by: { id: raw.review.by.id, name: raw.review.by.name },
            at: raw.review.at,
            ...(raw.review.comment ? { comment: raw.review.comment } : {}),
            from: [...raw.review.from],
          },
        }
      : {}),
    ...(raw.anchor
      ? {
          anchor: {
            status: raw.anchor.status,
            ...(raw.anchor.score !== undefined ? { score: raw.anchor.score } : {}),
            ...(raw.anchor.confirmed !== undefined ? { confirmed: raw.anchor.confirmed } : {}),
            from: {
              start: raw.anchor.from.start,
              end: raw.anchor.from.end,
              ...(raw.anchor.from.exact !== undefined ? { exact: raw.anchor.from.exact } : {}),
              ...(raw.anchor.from.article ? { article: raw.anchor.from.article } : {}),
              ...(raw.anchor.from.claim ? { claim: raw.anchor.from.claim } : {}),
            },
          },
        }
      : {}),
  };
}

/**
 * Why a claimtrail import would refuse this claim (or annotation waiting for a label) on this
 * text, or null when it would read it back as it is. Every claim made from another tool's file
 * passes here before it is stored or written, so the library never holds what its own export
 * and import would refuse.
 */
export function refusalOf(item: Claim | UnlabelledClaim, article: { id: string; text: string }, offsets: OffsetIndex): string | null {
  const labelled = 'label' in item;
  const exported = labelled ? exportClaim(item, offsets) : exportUnlabelled(item, offsets);
  const parsed = (labelled ? ClaimSchema : UnlabelledSchema).safeParse(exported);
  if (!parsed.success) return issueMessages(parsed.error).join('; ');
  const problems: string[] = [];
  const back = labelled
    ? readClaim(parsed.data as ExportClaim, 'claim', article, offsets, problems)
    : readSpan(parsed.data, false, 'claim', article, offsets, problems);
  if (!back) return problems.join('; ').replace(/^claim: /, '');
  return null;
}

/** The article's page map in UTF-16 offsets, or a problem when it is not a page map of its text. */
function readPages(pages: readonly number[], offsets: OffsetIndex, where: string, problems: string[]): number[] | undefined {
  const problem = pageMapProblem(pages, offsets.codePointLength);
  if (problem) {
    problems.push(`${where}.pages: ${problem}`);
    return undefined;
  }
  return pages.map((start) => offsets.toUtf16(start)!);
}

function toArticle(raw: ExportArticle, added: string, pages: number[] | undefined): Article {
  return {
    id: raw.id,
    // A blank title would give a nameless library entry: the text's first line, as when adding.
    title: raw.title.trim() ? raw.title : defaultTitle(raw.text),
    ...(raw.author ? { author: raw.author } : {}),
    ...(raw.outlet ? { outlet: raw.outlet } : {}),
    ...(raw.published ? { published: raw.published } : {}),
    ...(raw.url ? { url: raw.url } : {}),
    ...(raw.lang ? { lang: raw.lang } : {}),
    ...(raw.dir ? { dir: raw.dir } : {}),
    ...(pages ? { pages } : {}),
    ...originalOf(raw.original),
    textSha256: raw.textSha256,
    length: raw.text.length,
    added,
  };
}

/**
 * Reads the text of a claimtrail file. Succeeds only when every article's text is normalised
 * (as adding an article leaves it) and matches its hash, and every claim's offsets, exact, prefix
 * and suffix match that text and fall between characters; ids of claims, annotations waiting for
 * a label and comments are each used once.
 */
export async function readExportFile(json: string, onProgress?: Progress, now = new Date().toISOString()): Promise<ReadResult> {
  const parsed = parseJson(json);
  return parsed.ok ? readExportData(parsed.data, onProgress, now) : failure([parsed.problem]);
}

/**
 * Texts that passed the hash and normalisation checks, with their offset indexes, so a reader
 * that meets one text again and again (team sync reads each batch of arrivals as a file with its
 * article) checks and indexes it once. A text counts only if it is exactly the one checked; the
 * last few are kept.
 */
export class CheckedTexts {
  private readonly checked = new RecentMap<string, { text: string; offsets: OffsetIndex }>(8);

  /** The offset index of `text`, if this very text was checked under `sha`. */
  get(sha: string, text: string): OffsetIndex | undefined {
    const found = this.checked.get(sha);
    return found && found.text === text ? found.offsets : undefined;
  }

  set(sha: string, text: string, offsets: OffsetIndex): void {
    this.checked.set(sha, { text, offsets });
  }
}

/** A claimtrail file's fields besides its articles: checked before the articles' contents, which come one by one. */
const HeadSchema = ExportFileSchema.extend({ articles: z.array(z.unknown()) });

/** The checked fields of a file besides its articles. */
export type ExportHead = z.infer<typeof HeadSchema>;

/**
 * The checks of a claimtrail file, one article at a time, so a file read as a stream is checked
 * as it arrives and never held whole. Ids of claims, annotations waiting for a label and comments
 * are each used once across the file, and no text appears twice. Used by readExportData for a
 * file in memory and by the import worker for a file streamed from disk.
 */
export class ExportChecker {
  private readonly problems: string[] = [];
  private readonly seenClaims = new Set<string>();
  private readonly seenComments = new Set<string>();
  private readonly seenTexts = new Set<string>();

  constructor(
    private readonly now = new Date().toISOString(),
    private readonly checked?: CheckedTexts,
  ) {}

  /** Whether a problem was found: the file will be refused. */
  get failed(): boolean {
    return this.problems.length > 0;
  }

  /** Checks the format and version only; a problem here means the rest is not worth reading. */
  envelope(data: unknown): boolean {
    const problem = envelopeProblem(data);
    if (problem) this.problems.push(problem);
    return !problem;
  }

  /** Checks the fields besides the articles' contents (`articles` only as an array); null after a problem. */
  head(data: unknown): ExportHead | null {
    if (!this.envelope(data)) return null;
    const parsed = HeadSchema.safeParse(data);
    if (parsed.success) return parsed.data;
    this.problems.push(...issueMessages(parsed.error));
    return null;
  }

  /** Checks the file's article at `index` with its claims: the article with UTF-16 offsets, or null after a problem. */
  async article(data: unknown, index: number): Promise<ArticleBundle | null> {
    const where = `articles[${index}]`;
    const parsed = ArticleSchema.safeParse(data);
    if (!parsed.success) {
      this.problems.push(...issueMessages(parsed.error, ['articles', index]));
      return null;
    }
    const raw = parsed.data;
    const problems = this.problems;
    const before = problems.length;
    const known = this.checked?.get(raw.textSha256, raw.text);
    if (!known && (await sha256Hex(raw.text)) !== raw.textSha256) {
      problems.push(`${where}: "textSha256" does not match the SHA-256 of its text`);
      return null;
    }
    if (this.seenTexts.has(raw.textSha256)) {
      problems.push(`${where}: the same text appears twice in this file`);
      return null;
    }
    this.seenTexts.add(raw.textSha256);
    const unnormalised = known ? null : unnormalisedText(raw.text);
    if (unnormalised) {
      problems.push(`${where}: the text is not normalised: ${unnormalised}`);
      return null;
    }
    const offsets = known ?? new OffsetIndex(raw.text);
    if (!known) this.checked?.set(raw.textSha256, raw.text, offsets);
    const claims: Claim[] = [];
    const comments: ClaimComment[] = [];
    const unlabelled: UnlabelledClaim[] = [];
    const firstUse = (id: string, what: string, at: string) => {
      if (!this.seenClaims.has(id)) return this.seenClaims.add(id);
      problems.push(`${at}: ${what} id "${id}" appears twice in this file`);
      return false;
    };
    for (const [j, rawClaim] of raw.claims.entries()) {
      const claimWhere = `${where}.claims[${j}]`;
      if (!firstUse(rawClaim.id, 'claim', claimWhere)) continue;
      const claim = readClaim(rawClaim, claimWhere, raw, offsets, problems);
      if (claim) claims.push(claim);
      for (const [k, c] of (rawClaim.comments ?? []).entries()) {
        if (this.seenComments.has(c.id)) problems.push(`${claimWhere}.comments[${k}]: comment id "${c.id}" appears twice in this file`);
        this.seenComments.add(c.id);
        comments.push({ id: c.id, claimId: rawClaim.id, articleId: raw.id, by: { id: c.by.id, name: c.by.name }, at: c.at, text: c.text });
      }
    }
    for (const [j, rawItem] of (raw.unlabelled ?? []).entries()) {
      const itemWhere = `${where}.unlabelled[${j}]`;
      if (!firstUse(rawItem.id, 'annotation', itemWhere)) continue;
      const item = readSpan(rawItem, false, itemWhere, raw, offsets, problems);
      if (item) unlabelled.push(item);
    }
    const pages = raw.pages && readPages(raw.pages, offsets, where, problems);
    if (problems.length > before) return null;
    return {
      article: toArticle(raw, this.now, pages),
      text: raw.text,
      claims,
      ...(comments.length ? { comments } : {}),
      ...(unlabelled.length ? { unlabelled } : {}),
    };
  }

  /** The outcome: the file with its checked articles, or every problem found (the first few by name). */
  result(head: ExportHead, articles: ArticleBundle[]): ReadResult {
    if (this.problems.length) return failure(this.problems);
    return {
      ok: true,
      value: {
        annotator: { id: head.annotator.id, name: head.annotator.name },
        exportedAt: head.exportedAt,
        articles,
        ...fileLinks(head),
      },
    };
  }

  /** The problems found, the first few by name. */
  refusal(): { ok: false; problems: string[] } {
    return failure(this.problems) as { ok: false; problems: string[] };
  }
}

/** The relations and threads of a checked file, as the library keeps them. */
export function fileLinks(head: ExportHead): { relations: ArticleRelation[]; threads: ClaimThread[] } {
  return {
    relations: (head.relations ?? []).map(({ id, from, to, kind, created }) => ({ id, from, to, kind, created })),
    threads: (head.threads ?? []).map(({ id, title, claims, created, modified }) => ({ id, title, claimIds: [...claims], created, modified })),
  };
}

/** Reads parsed JSON as a claimtrail file, with the checks of readExportFile (a text in `checked` is not checked again). */
export async function readExportData(data: unknown, onProgress?: Progress, now = new Date().toISOString(), checked?: CheckedTexts): Promise<ReadResult> {
  const checker = new ExportChecker(now, checked);
  const head = checker.head(data);
  if (!head) return checker.refusal();
  const claimsOf = (raw: unknown) => {
    const claims = (raw as { claims?: unknown } | null)?.claims;
    return Array.isArray(claims) ? claims.length : 0;
  };
  const total = head.articles.reduce((sum: number, raw) => sum + claimsOf(raw), 0) || 1;
  const articles: ArticleBundle[] = [];
  let done = 0;
  for (const [i, raw] of head.articles.entries()) {
    const bundle = await checker.article(raw, i);
    if (bundle) articles.push(bundle);
    done += claimsOf(raw);
    onProgress?.(done / total);
  }
  onProgress?.(1);
  return checker.result(head, articles);
}
