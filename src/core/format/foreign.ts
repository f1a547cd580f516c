/**
 * Annotations from other tools (W3C Web Annotation, Hypothesis) onto the articles of a
 * library: each names its document (URL, text hash or title) and its words (a position, a
 * quote with context, or both); this finds the article, places the words (by position when the
 * quote is there, else by re-anchoring the quote), and reports what could not be placed and why.
 * Annotations without one of our labels are kept apart, for a person to label.
 */
import { anchor, type AnchorStatus } from '../anchor';
import { isOrphan, LABELS, nowIso, type Annotator, type Article, type Claim, type Label, type Source } from '../model';
import { quoteOf } from '../quote';
import { OffsetIndex } from '../text';
import type { ArticleBundle } from './export';

/** How an annotation names its words. Positions count code points or UTF-16 units, as `units` says. */
export interface ForeignTarget {
  /** URLs, `urn:sha256:` IRIs and the like, tried in turn against the library. */
  sources: string[];
  title?: string;
  position?: { start: number; end: number };
  quote?: { exact: string; prefix?: string; suffix?: string };
}

/** One annotation read from another tool's file, before it is placed. */
export interface ForeignAnnotation {
  id: string;
  target: ForeignTarget;
  label: Label | null;
  note?: string;
  /** Sources in order; `words` are words of the same article that name a source, placed like the target. */
  sources: (Source | { words: Pick<ForeignTarget, 'position' | 'quote'> })[];
  annotator: Annotator;
  created?: string;
  modified?: string;
}

/** An annotation placed on words but with no label of ours: a claim waiting for one. */
export type UnlabelledClaim = Omit<Claim, 'label'>;

/** What placing a file's annotations gave. */
export interface ForeignResult {
  /** Labelled claims, per article of the library. */
  bundles: ArticleBundle[];
  unlabelled: UnlabelledClaim[];
  anchored: Record<Exclude<AnchorStatus, 'orphan'>, number>;
  /** Annotations not placed, grouped by reason, with how many and a few examples. */
  notPlaced: { reason: string; count: number }[];
  total: number;
}

/** A library article as placing needs it: its record and a way to read its text. */
export interface LibraryArticle {
  article: Article;
  text: () => Promise<string>;
}

/** Placing a position given in `units` needs the text's offset table to read code points. */
export type PositionUnits = 'code points' | 'utf-16';

/** The article an annotation names: by URL or text hash first, then by title. */
function findArticle(target: ForeignTarget, library: readonly LibraryArticle[]): LibraryArticle | undefined {
  for (const source of target.sources) {
    const hash = /^urn:sha256:([0-9a-f]{64})$/i.exec(source)?.[1]?.toLowerCase();
    const found = library.find((l) => (hash ? l.article.textSha256 === hash : l.article.url === source));
    if (found) return found;
  }
  return target.title ? library.find((l) => l.article.title === target.title) : undefined;
}

type Placed =
  | { status: Exclude<AnchorStatus, 'orphan'>; start: number; end: number }
  | { status: 'orphan' }
  | { status: 'none' }
  | { status: 'ambiguous'; count: number };

/** Where the words are: the position when the quote is there (or there is no quote), else the quote re-anchored. */
function place(
  position: { start: number; end: number } | undefined,
  quote: { exact: string; prefix?: string; suffix?: string } | undefined,
  text: string,
  offsets: OffsetIndex,
  units: PositionUnits,
): Placed {
  const convert = (n: number) => (units === 'utf-16' ? (n >= 0 && n <= text.length ? n : undefined) : offsets.toUtf16(n));
  const start = position && convert(position.start);
  const end = position && convert(position.end);
  const at = start !== undefined && end !== undefined && end > start ? { start, end } : undefined;
  if (!quote?.exact) return at ? { status: 'exact', ...at } : { status: 'none' };
  if (at && text.slice(at.start, at.end) === quote.exact) return { status: 'exact', ...at };
  if (!quote.prefix && !quote.suffix) {
    // A quote with no context (as some tools write them): its only occurrence, or the one
    // nearest the position given; without a position, several occurrences are not guessed between.
    const starts: number[] = [];
    for (let i = text.indexOf(quote.exact); i !== -1; i = text.indexOf(quote.exact, i + 1)) starts.push(i);
    const nearest = at ? starts.sort((a, b) => Math.abs(a - at.start) - Math.abs(b - at.start))[0] : starts.length === 1 ? starts[0] : undefined;
    if (nearest !== undefined) return { status: 'moved', start: nearest, end: nearest + quote.exact.length };
    if (starts.length > 1) return { status: 'ambiguous', count: starts.length };
  }
  const found = anchor({ start: at?.start ?? 0, end: at?.end ?? 0, exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' }, text);
  return found.status === 'orphan' ? found : { status: found.status, start: found.start, end: found.end };
}

/**
 * Places annotations on the library's articles (or all of them `onto` one given article). An
 * annotation is placed when its article is in the library and its words are found there; the
 * rest are counted by reason.
 */
export async function placeAnnotations(
  annotations: readonly ForeignAnnotation[],
  library: readonly LibraryArticle[],
  units: PositionUnits,
  options: { onto?: LibraryArticle; now?: string } = {},
): Promise<ForeignResult> {
  const now = options.now ?? nowIso();
  const result: ForeignResult = { bundles: [], unlabelled: [], anchored: { exact: 0, moved: 0, fuzzy: 0 }, notPlaced: [], total: annotations.length };
  const reasons = new Map<string, number>();
  const miss = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const texts = new Map<string, { text: string; offsets: OffsetIndex; bundle: ArticleBundle }>();
  for (const a of annotations) {
    const named = a.target.sources.length > 0 || !!a.target.title;
    if (!named && !options.onto && !a.target.quote) {
      miss('it has no target');
      continue;
    }
    const found = options.onto ?? findArticle(a.target, library);
    if (!found) {
      const name = a.target.title ? `“${a.target.title}”` : a.target.sources[0] ?? 'an unnamed document';
      miss(`the article is not in the library: add ${name}${a.target.title && a.target.sources[0] ? ` (${a.target.sources[0]})` : ''} first`);
      continue;
    }
    let entry = texts.get(found.article.id);
    if (!entry) {
      const text = await found.text();
      entry = { text, offsets: new OffsetIndex(text), bundle: { article: found.article, text, claims: [] } };
      texts.set(found.article.id, entry);
    }
    const placed = place(a.target.position, a.target.quote, entry.text, entry.offsets, units);
    if (placed.status === 'none') {
      miss('no text position or quote: a note on the whole page');
      continue;
    }
    if (placed.status === 'orphan') {
      miss('its quote was not found in the article text');
      continue;
    }
    if (placed.status === 'ambiguous') {
      miss('its quote occurs several times and it gives no context or position to choose between them');
      continue;
    }
    result.anchored[placed.status]++;
    const { text, offsets } = entry;
    const sources = a.sources.flatMap((source): Source[] => {
      if (!('words' in source)) return [source];
      const words = place(source.words.position, source.words.quote, text, offsets, units);
      if (!('start' in words)) return [];
      const exact = text.slice(words.start, words.end);
      return [{ citation: exact, attribution: { start: words.start, end: words.end, exact } }];
    });
    const claim: UnlabelledClaim = {
      id: a.id,
      articleId: found.article.id,
      start: placed.start,
      end: placed.end,
      ...quoteOf(entry.text, placed),
      ...(a.note?.trim() ? { note: a.note.trim() } : {}),
      sources,
      annotator: a.annotator,
      created: a.created ?? now,
      modified: a.modified ?? a.created ?? now,
    };
    if (a.label) entry.bundle.claims.push({ ...claim, label: a.label });
    else result.unlabelled.push(claim);
  }
  result.bundles = [...texts.values()].map((t) => t.bundle);
  result.notPlaced = [...reasons].map(([reason, count]) => ({ reason, count }));
  return result;
}

/** A file's JSON, or the reason it is not JSON, in the words every reader uses. */
export function parseJson(json: string): { ok: true; data: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, data: JSON.parse(json) };
  } catch (error) {
    return { ok: false, problem: `not JSON: ${(error as Error).message}` };
  }
}

/** One of our labels named by a tag or classification (any case), or null. */
export function labelOf(values: readonly unknown[]): Label | null {
  for (const value of values) {
    const label = typeof value === 'string' ? value.trim().toLowerCase() : '';
    if ((LABELS as readonly string[]).includes(label)) return label as Label;
  }
  return null;
}

/** "12 placed (10 exact, 2 moved); 3 not: 2 because …, 1 because …" */
export function describeResult(result: ForeignResult): string {
  const placed = result.anchored.exact + result.anchored.moved + result.anchored.fuzzy;
  const how = (['exact', 'moved', 'fuzzy'] as const).filter((s) => result.anchored[s]).map((s) => `${result.anchored[s]} ${s}`).join(', ');
  const missing = result.total - placed;
  const unlabelled = result.unlabelled.length ? ` ${result.unlabelled.length} have none of our labels and wait to be labelled.` : '';
  const why = result.notPlaced.map((r) => `${r.count}: ${r.reason}`).join('; ');
  return `${placed} of ${result.total} annotations placed${how ? ` (${how})` : ''}.${unlabelled}${missing ? ` ${missing} not placed — ${why}.` : ''}`;
}

/** Claims of a bundle that sit on words (orphans have none to give another tool). */
export function placedClaims(bundle: ArticleBundle): Claim[] {
  return bundle.claims.filter((c) => !isOrphan(c));
}
