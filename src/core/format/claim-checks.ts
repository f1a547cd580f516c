/**
 * The checks of one claim (or annotation waiting for a label) and one article of a claimtrail
 * file against its text: offsets in range and between characters, quotes matching, page maps
 * in order; code points converted to UTF-16 on the way in. Used by the file's reader
 * (import.ts) and by refusalOf, the check every claim made from another tool's file passes.
 */
import type * as z from 'zod';
import { defaultTitle } from '../article';
import type { Article, Claim, Source, UnlabelledClaim } from '../model';
import { pageMapProblem } from '../pages';
import { isClusterBoundary } from '../selection';
import type { OffsetIndex } from '../text';
import { ClaimSchema, UnlabelledSchema, type ExportArticle, type ExportClaim, type ExportSource, type ExportUnlabelled } from './claimtrail-v1';
import { exportClaim, exportUnlabelled, originalOf } from './export';

/** `articles[0].claims[3].label` for a zod issue path. */
function pathName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/** The problems zod found, each named by its path (under `at`, the path of what was parsed). */
export function issueMessages(error: z.ZodError, at: readonly PropertyKey[] = []): string[] {
  return error.issues.map((issue) => {
    const where = pathName([...at, ...issue.path]);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
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
export function readSpan(
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
export function readClaim(raw: ExportClaim, where: string, article: { id: string; text: string }, offsets: OffsetIndex, problems: string[]): Claim | null {
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
export function readPages(pages: readonly number[], offsets: OffsetIndex, where: string, problems: string[]): number[] | undefined {
  const problem = pageMapProblem(pages, offsets.codePointLength);
  if (problem) {
    problems.push(`${where}.pages: ${problem}`);
    return undefined;
  }
  return pages.map((start) => offsets.toUtf16(start)!);
}

export function toArticle(raw: ExportArticle, added: string, pages: number[] | undefined): Article {
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
