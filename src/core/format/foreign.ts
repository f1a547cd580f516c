/**
 * Annotations from other tools (W3C Web Annotation, Hypothesis, brat) onto article texts: each
 * names its document (URL, text hash or title) and its words (a position, a quote with context,
 * or both); this finds the article, places the words (by position when the quote is there, else
 * by re-anchoring the quote), gives each a label by the person's rules, and reports every
 * annotation it could not use, with a reason code and why (placement-report.ts). Nothing leaves here that a claimtrail
 * import would refuse: every claim passes the v1 checks (refusalOf) first.
 */
import { anchor, type AnchorStatus } from '../anchor';
import { LABELS, nowIso, type Annotator, type Article, type Claim, type Label, type Source, type UnlabelledClaim } from '../model';
import { quoteOf } from '../quote';
import { isClusterBoundary } from '../selection';
import { OffsetIndex, splitsSurrogatePair } from '../text';
import type { ArticleBundle } from './export';
import type { ForeignResult, PlacementReport, ReasonCode, Unplaced } from './placement-report';
import { refusalOf } from './claim-checks';

/** A position as the file gave it: numbers when they are, anything else to say what it was. */
export interface RawPosition {
  start: unknown;
  end: unknown;
}

/** How an annotation names its words. */
export interface ForeignTarget {
  /** URLs, `urn:sha256:` IRIs and the like, tried in turn against the library. */
  sources: string[];
  title?: string;
  position?: RawPosition;
  quote?: { exact: string; prefix?: string; suffix?: string };
  /** Selectors it has that plain text cannot use, described ("an XPathSelector"). */
  unusable?: string[];
}

/** One annotation read from another tool's file, before it is placed. */
export interface ForeignAnnotation {
  id: string;
  /** How the report names it, when not by its id (brat: "news.ann T3"). */
  source?: string;
  target: ForeignTarget;
  /** Its tags, classifications or type: where a label may be named. */
  tags: string[];
  note?: string;
  /** Sources in order; `words` are words of the same article that name a source, placed like the target. */
  sources: (Source | { words: Pick<ForeignTarget, 'position' | 'quote'> })[];
  annotator: Annotator;
  created?: string;
  modified?: string;
  /** Set by a reader that already knows the annotation cannot be placed (brat offsets, say). */
  refused?: { reason: ReasonCode; message: string };
}

/** How tags become labels: tags mapped to labels (any case), and a label for the rest; else they wait unlabelled. */
export interface LabelRules {
  map?: ReadonlyMap<string, Label>;
  otherwise?: Label;
}

/** A library article as placing needs it: its record and a way to read its text. */
export interface LibraryArticle {
  article: Article;
  text: () => Promise<string>;
}

/** Placing a position given in `units` needs the text's offset table to read code points. */
export type PositionUnits = 'code points' | 'utf-16';

/** What placing takes besides the annotations. */
export interface PlaceOptions {
  /**
   * The one article to place on (the command line's --text), instead of finding each
   * annotation's article in the library: only annotations of that document are placed on it.
   */
  onto?: LibraryArticle;
  rules?: LabelRules;
  now?: string;
}

/** An address as compared: no fragment, no tracking parameters, no trailing slash, host in lower case. */
export function sameDocumentUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$)/.test(key)) u.searchParams.delete(key);
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url;
  }
}

const hashOf = (source: string) => /^urn:sha256:([0-9a-f]{64})$/i.exec(source)?.[1]?.toLowerCase();

/** Whether the target names this article: by its text's hash or its URL. */
function names(target: ForeignTarget, article: Article): boolean {
  const url = article.url && sameDocumentUrl(article.url);
  return target.sources.some((s) => hashOf(s) === article.textSha256 || (!!url && sameDocumentUrl(s) === url));
}

/** The article an annotation names: by URL or text hash first, then by title. */
function findArticle(target: ForeignTarget, library: readonly LibraryArticle[]): LibraryArticle | undefined {
  return library.find((l) => names(target, l.article)) ?? (target.title ? library.find((l) => l.article.title === target.title) : undefined);
}

/** How to name a document in a message: its title and address as far as known. */
function documentName(target: ForeignTarget): string {
  const title = target.title ? `“${target.title}”` : '';
  const source = target.sources[0] ?? '';
  return [title, source && (title ? `(${source})` : source)].filter(Boolean).join(' ') || 'an unnamed document';
}

/** The document an annotation is on, as grouping by document needs it. */
const documentKey = (target: ForeignTarget) => target.sources[0] ?? target.title ?? '';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A quote as the text holds it: CR line ends as LF, like the text itself. */
function cleanQuote(quote: ForeignTarget['quote']): ForeignTarget['quote'] | string {
  if (!quote?.exact) return undefined;
  const lf = (s: string | undefined) => s?.replace(/\r\n?/g, '\n');
  if (LONE_SURROGATE.test(quote.exact)) return 'its quote begins or ends inside a character (half of an emoji)';
  return { exact: lf(quote.exact)!, ...(quote.prefix ? { prefix: lf(quote.prefix) } : {}), ...(quote.suffix ? { suffix: lf(quote.suffix) } : {}) };
}

/** A position as UTF-16 offsets into the text, or why it cannot be used. */
function positionIn(
  raw: RawPosition | undefined,
  text: string,
  offsets: OffsetIndex,
  units: PositionUnits,
): { start: number; end: number } | string | undefined {
  if (!raw) return undefined;
  const shown = `${JSON.stringify(raw.start)}..${JSON.stringify(raw.end)}`;
  const { start, end } = raw;
  if (typeof start !== 'number' || typeof end !== 'number') return `its position ${shown} is not a pair of numbers`;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `its position ${shown} is not in whole characters`;
  if (start < 0 || end < 0) return `its position ${shown} is negative`;
  if (end <= start) return `its position ${shown} ends before it starts`;
  const length = units === 'utf-16' ? text.length : offsets.codePointLength;
  if (end > length) return `its position ${shown} is past the end of the text (${length} ${units === 'utf-16' ? 'UTF-16 units' : 'characters'})`;
  const at = units === 'utf-16' ? { start, end } : { start: offsets.toUtf16(start)!, end: offsets.toUtf16(end)! };
  if (splitsSurrogatePair(text, at.start) || splitsSurrogatePair(text, at.end)) return `its position ${shown} falls inside a character (an emoji's two halves)`;
  if (!isClusterBoundary(text, at.start) || !isClusterBoundary(text, at.end))
    return `its position ${shown} falls inside a character (a letter and its combining mark)`;
  return at;
}

type Placing = { ok: true; status: Exclude<AnchorStatus, 'orphan'>; start: number; end: number } | { ok: false; reason: ReasonCode; message: string };

/** Where the words are: the position when the quote is there (or there is no quote), else the quote re-anchored. */
function place(words: Pick<ForeignTarget, 'position' | 'quote' | 'unusable'>, text: string, offsets: OffsetIndex, units: PositionUnits): Placing {
  const at = positionIn(words.position, text, offsets, units);
  const quote = cleanQuote(words.quote);
  const badPosition = typeof at === 'string' ? at : undefined;
  const position = typeof at === 'object' ? at : undefined;
  if (typeof quote === 'string') return { ok: false, reason: 'bad-position', message: badPosition ? `${badPosition}, and ${quote}` : quote };
  if (!quote) {
    if (position) return { ok: true, status: 'exact', ...position };
    if (badPosition) return { ok: false, reason: 'bad-position', message: badPosition };
    if (words.unusable?.length) {
      return {
        ok: false,
        reason: 'unsupported-selector',
        message: `it names its words only with ${words.unusable.join(' and ')}, which plain text cannot use`,
      };
    }
    return { ok: false, reason: 'no-target', message: 'it selects no words: a note on the whole page' };
  }
  if (position && text.slice(position.start, position.end) === quote.exact) return { ok: true, status: 'exact', ...position };
  if (!quote.prefix && !quote.suffix) {
    // A quote with no context (as some tools write them): its only occurrence, or the one
    // nearest the position given; without a position, several occurrences are not guessed between.
    const starts: number[] = [];
    for (let i = text.indexOf(quote.exact); i !== -1; i = text.indexOf(quote.exact, i + 1)) starts.push(i);
    const nearest = position
      ? starts.sort((a, b) => Math.abs(a - position.start) - Math.abs(b - position.start))[0]
      : starts.length === 1
        ? starts[0]
        : undefined;
    if (nearest !== undefined) return { ok: true, status: 'moved', start: nearest, end: nearest + quote.exact.length };
    if (starts.length > 1) {
      return { ok: false, reason: 'ambiguous', message: `its quote occurs ${starts.length} times and it gives no context or position to choose between them` };
    }
  }
  const found = anchor(
    { start: position?.start ?? 0, end: position?.end ?? 0, exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    text,
  );
  if (found.status === 'orphan') {
    const also = badPosition ? ` (and ${badPosition})` : '';
    return {
      ok: false,
      reason: 'not-found',
      message: `its quote “${quote.exact.length > 60 ? `${quote.exact.slice(0, 60)}…` : quote.exact}” is not in the text${also}`,
    };
  }
  return { ok: true, status: found.status, start: found.start, end: found.end };
}

/** The label an annotation's tags give under the rules, and a warning when they name more than one. */
export function labelFor(tags: readonly string[], rules: LabelRules = {}): { label: Label | null; warning?: string } {
  const named: Label[] = [];
  for (const tag of tags) {
    const key = tag.trim().toLowerCase();
    const label = (LABELS as readonly string[]).includes(key) ? (key as Label) : rules.map?.get(key);
    if (label && !named.includes(label)) named.push(label);
  }
  if (named.length > 1) return { label: named[0]!, warning: `its tags name ${named.join(' and ')}: ${named[0]} was taken` };
  return { label: named[0] ?? rules.otherwise ?? null };
}

/** Of annotations sharing an id, the one modified last (the later in the file on a tie) is kept; the others are reported. */
function withoutDuplicates(annotations: readonly ForeignAnnotation[], unplaced: Unplaced[]): ForeignAnnotation[] {
  const kept = new Map<string, ForeignAnnotation>();
  for (const a of annotations) {
    const other = kept.get(a.id);
    if (!other) {
      kept.set(a.id, a);
      continue;
    }
    const [keep, drop] = (a.modified ?? '') >= (other.modified ?? '') ? [a, other] : [other, a];
    kept.set(a.id, keep);
    unplaced.push({
      source: drop.id,
      reason: 'duplicate-id',
      message: `another annotation in the file has the id “${a.id}” and ${keep.modified && keep.modified !== drop.modified ? `a later date (${keep.modified})` : 'comes later'}: that one was kept`,
    });
  }
  return annotations.filter((a) => kept.get(a.id) === a);
}

/**
 * Which documents of the file the one given article is: those naming its URL or hash; when none
 * does, those whose quotes are in its text; annotations that name no document at all go with it.
 */
function documentsOf(annotations: readonly ForeignAnnotation[], onto: Article, text: string): Set<string> {
  const keys = new Set(annotations.map((a) => documentKey(a.target)));
  const byUrl = new Set(annotations.filter((a) => names(a.target, onto)).map((a) => documentKey(a.target)));
  if (byUrl.size) return byUrl;
  const matching = new Set(['']);
  for (const key of keys) {
    const mine = annotations.filter((a) => documentKey(a.target) === key);
    const quoted = mine.some((a) => a.target.quote?.exact && text.includes(a.target.quote.exact.replace(/\r\n?/g, '\n')));
    if (quoted || (keys.size === 1 && !onto.url)) matching.add(key);
  }
  return matching;
}

/**
 * Places annotations on the library's articles (or only on `options.onto`, when it is their
 * document). Each annotation becomes a claim (with a label), an annotation waiting for a label,
 * or a line of the report saying why not; claims are checked against the v1 import first.
 */
export async function placeAnnotations(
  annotations: readonly ForeignAnnotation[],
  library: readonly LibraryArticle[],
  units: PositionUnits,
  options: PlaceOptions = {},
): Promise<ForeignResult> {
  const now = options.now ?? nowIso();
  const report: PlacementReport = { placed: [], unplaced: [], warnings: [] };
  const result: ForeignResult = { bundles: [], anchored: { exact: 0, moved: 0, fuzzy: 0 }, report, total: annotations.length };
  const nameOf = (a: ForeignAnnotation) => a.source ?? a.id;
  const miss = (a: ForeignAnnotation, reason: ReasonCode, message: string) => report.unplaced.push({ source: nameOf(a), reason, message });
  const texts = new Map<string, { text: string; offsets: OffsetIndex; bundle: ArticleBundle & { unlabelled: UnlabelledClaim[] } }>();
  const entryOf = async (found: LibraryArticle) => {
    let entry = texts.get(found.article.id);
    if (!entry) {
      const text = await found.text();
      entry = { text, offsets: new OffsetIndex(text), bundle: { article: found.article, text, claims: [], unlabelled: [] } };
      texts.set(found.article.id, entry);
    }
    return entry;
  };
  const unique = withoutDuplicates(annotations, report.unplaced);
  const ontoDocuments = options.onto && documentsOf(unique, options.onto.article, (await entryOf(options.onto)).text);
  for (const a of unique) {
    if (a.refused) {
      miss(a, a.refused.reason, a.refused.message);
      continue;
    }
    let found: LibraryArticle | undefined;
    if (options.onto) {
      found = ontoDocuments!.has(documentKey(a.target)) ? options.onto : undefined;
      if (!found) {
        miss(
          a,
          'other-document',
          `it is on ${documentName(a.target)}, not on this text${options.onto.article.url ? '' : ' (give --url to name the text’s address)'}`,
        );
        continue;
      }
    } else {
      found = findArticle(a.target, library);
      if (!found) {
        miss(a, 'other-document', `its document is not in the library: add ${documentName(a.target)} first`);
        continue;
      }
    }
    const entry = await entryOf(found);
    const { text, offsets } = entry;
    const placed = place(a.target, text, offsets, units);
    if (!placed.ok) {
      miss(a, placed.reason, placed.message);
      continue;
    }
    const sources = a.sources.flatMap((source): Source[] => {
      if (!('words' in source)) return [source];
      const words = place(source.words, text, offsets, units);
      if (!words.ok) {
        report.warnings.push({ source: nameOf(a), message: `a source naming words of the text was left out: ${words.message}` });
        return [];
      }
      const exact = text.slice(words.start, words.end);
      return [{ citation: exact, attribution: { start: words.start, end: words.end, exact } }];
    });
    const { label, warning } = labelFor(a.tags, options.rules);
    const item: UnlabelledClaim = {
      id: a.id,
      articleId: found.article.id,
      start: placed.start,
      end: placed.end,
      ...quoteOf(text, placed),
      ...(a.note?.trim() ? { note: a.note.replace(/\r\n?/g, '\n').trim() } : {}),
      sources,
      annotator: a.annotator,
      created: a.created ?? now,
      modified: a.modified ?? a.created ?? now,
    };
    const claim: Claim | UnlabelledClaim = label ? { ...item, label } : item;
    const refusal = refusalOf(claim, { id: found.article.id, text }, offsets);
    if (refusal) {
      miss(a, 'bad-offsets', `it would not survive export and import: ${refusal}`);
      continue;
    }
    if (warning) report.warnings.push({ source: nameOf(a), message: warning });
    if ('label' in claim) {
      entry.bundle.claims.push(claim);
      result.anchored[placed.status]++;
      report.placed.push({
        source: nameOf(a),
        claim: claim.id,
        start: offsets.toCodePoint(claim.start),
        end: offsets.toCodePoint(claim.end),
        exact: claim.exact,
        status: placed.status,
      });
    } else {
      entry.bundle.unlabelled.push(claim);
      const tags = a.tags.filter((t) => t.trim());
      miss(
        a,
        'no-label',
        `${tags.length ? `its tags (${tags.join(', ')}) name` : 'it names'} none of sourced, disputed, opinion: kept as an annotation waiting for a label`,
      );
    }
  }
  result.bundles = [...texts.values()].map((t) => t.bundle).filter((b) => b.claims.length || b.unlabelled.length);
  return result;
}

/** One `.txt` of a brat zip as an article, with the annotations of its `.ann`, before they are placed. */
export interface BratPair {
  article: Article;
  text: string;
  annotations: ForeignAnnotation[];
}

/** Each brat pair's annotations placed on its own text, under the label rules. */
export function placeBratPairs(pairs: readonly BratPair[], rules: LabelRules = {}): Promise<ForeignResult[]> {
  return Promise.all(
    pairs.map(({ article, text, annotations }) => {
      const onto = { article, text: async () => text };
      return placeAnnotations(annotations, [onto], 'code points', { onto, rules });
    }),
  );
}
