/**
 * The agreement report for a set of annotated articles: per article and over all of them, for
 * every pair of annotators and for all together. The CLI prints it; the review view shows it.
 */
import {
  addConfusion,
  buildUnits,
  cohenOfConfusion,
  emptyConfusion,
  fleiss,
  krippendorffNominal,
  pairSpans,
  spanScoresFromCounts,
  type Confusion,
  type Figure,
  type Span,
  type SpanScores,
  type Unit,
} from './agreement';
import type { ArticleBundle } from './format/export';
import { isOrphan, LABELS, type Annotator, type Claim } from './model';
import { unitizingAlpha, type LabelledSpan } from './unitizing';

/** Two annotators compared: span scores of the second against the first, and label agreement. */
export interface PairReport {
  first: Annotator;
  second: Annotator;
  exact: SpanScores;
  overlap: SpanScores;
  /** On units both marked. */
  observed: Figure;
  kappa: Figure;
  confusion: Confusion;
}

/** The figures for one article, or for all articles pooled. */
export interface Figures {
  annotators: Annotator[];
  units: number;
  /** Units marked by every annotator (what Fleiss' kappa uses). */
  unitsMarkedByAll: number;
  pairs: PairReport[];
  fleiss: Figure;
  alpha: Figure;
  /** Krippendorff's unitizing alpha over character positions (spans and labels together). */
  alphaU: Figure;
}

export interface AgreementReport {
  articles: ({ title: string; textSha256: string } & Figures)[];
  overall: Figures;
}

/** Counts that can be added up over articles before the figures are taken. */
interface Tally {
  annotators: Map<string, Annotator>;
  units: Unit[];
  pairCounts: Map<string, { exact: number; overlap: number; first: number; second: number; confusion: Confusion }>;
  /** Claims as spans of the continuum (articles pooled end to end) and its length, for αu. */
  spans: LabelledSpan[];
  length: number;
}

function spanOf(claim: Claim): Span {
  return { id: claim.id, annotator: claim.annotator.id, start: claim.start, end: claim.end, label: claim.label };
}

/** Figures for claims that have words in the text: orphans (carried over, not found) take no part. */
function tally(all: readonly Claim[], length: number): Tally {
  const claims = all.filter((c) => !isOrphan(c));
  const into = emptyTally();
  into.length = length;
  into.spans = claims.map((c) => ({ annotator: c.annotator.id, label: c.label, start: c.start, end: c.end }));
  const byAnnotator = new Map<string, Span[]>();
  for (const claim of claims) {
    into.annotators.set(claim.annotator.id, claim.annotator);
    const spans = byAnnotator.get(claim.annotator.id);
    if (spans) spans.push(spanOf(claim));
    else byAnnotator.set(claim.annotator.id, [spanOf(claim)]);
  }
  const ids = [...byAnnotator.keys()].sort();
  const units = buildUnits(new Map(ids.map((id) => [id, byAnnotator.get(id)!])));
  into.units.push(...units);
  for (const [i, a] of ids.entries()) {
    for (const b of ids.slice(i + 1)) {
      const { pairs } = pairSpans(byAnnotator.get(a)!, byAnnotator.get(b)!);
      into.pairCounts.set(JSON.stringify([a, b]), {
        exact: pairs.filter(([, , m]) => m === 'exact').length,
        overlap: pairs.length,
        first: byAnnotator.get(a)!.length,
        second: byAnnotator.get(b)!.length,
        // Label agreement uses the two annotators' own pairing, not the units of all annotators.
        confusion: addConfusion(pairs),
      });
    }
  }
  return into;
}

function figures(t: Tally): Figures {
  const annotators = [...t.annotators.values()].sort((x, y) => x.id.localeCompare(y.id));
  const all = annotators.map((a) => a.id);
  const byAll = t.units.filter((u) => all.every((id) => u.claims.has(id)));
  const pairs = [...t.pairCounts].map(([key, c]) => {
    const [a, b] = JSON.parse(key) as [string, string];
    return {
      first: t.annotators.get(a)!,
      second: t.annotators.get(b)!,
      exact: spanScoresFromCounts(c.exact, c.first, c.second),
      overlap: spanScoresFromCounts(c.overlap, c.first, c.second),
      ...cohenOfConfusion(c.confusion),
      confusion: c.confusion,
    };
  });
  return {
    annotators,
    units: t.units.length,
    unitsMarkedByAll: all.length >= 2 ? byAll.length : 0,
    pairs,
    fleiss:
      all.length >= 2
        ? fleiss(byAll.map((u) => LABELS.map((l) => [...u.claims.values()].filter((s) => s.label === l).length)))
        : { value: null, reason: 'needs at least two annotators' },
    alpha: krippendorffNominal(t.units.map((u) => [...u.claims.values()].map((s) => s.label))),
    alphaU: unitizingAlpha(t.spans, all, t.length).joint,
  };
}

function emptyTally(): Tally {
  return { annotators: new Map(), units: [], pairCounts: new Map(), spans: [], length: 0 };
}

/** Adds one article's counts to the pooled counts. */
function pool(into: Tally, article: Tally): void {
  for (const [id, annotator] of article.annotators) into.annotators.set(id, annotator);
  for (const unit of article.units) into.units.push(unit);
  for (const span of article.spans) into.spans.push({ ...span, start: span.start + into.length, end: span.end + into.length });
  into.length += article.length;
  for (const [key, c] of article.pairCounts) {
    const sum = into.pairCounts.get(key) ?? { exact: 0, overlap: 0, first: 0, second: 0, confusion: emptyConfusion() };
    sum.exact += c.exact;
    sum.overlap += c.overlap;
    sum.first += c.first;
    sum.second += c.second;
    for (const row of LABELS) for (const col of LABELS) sum.confusion[row][col] += c.confusion[row][col];
    into.pairCounts.set(key, sum);
  }
}

/** Agreement figures per article and pooled over all the given articles. */
export function agreementReport(bundles: readonly ArticleBundle[]): AgreementReport {
  const overall = emptyTally();
  const articles = bundles.map((bundle) => {
    const counts = tally(bundle.claims, bundle.article.length);
    pool(overall, counts);
    return { title: bundle.article.title, textSha256: bundle.article.textSha256, ...figures(counts) };
  });
  return { articles, overall: figures(overall) };
}

/**
 * Several export files' articles as one set: articles with the same text become one, claims
 * with the same id are kept once (the later `modified` wins), as an import would store them.
 */
export function mergeBundles(files: readonly (readonly ArticleBundle[])[]): ArticleBundle[] {
  const byText = new Map<string, { bundle: ArticleBundle; claims: Map<string, Claim> }>();
  for (const bundles of files) {
    for (const bundle of bundles) {
      const entry = byText.get(bundle.article.textSha256) ?? { bundle, claims: new Map<string, Claim>() };
      for (const claim of bundle.claims) {
        const current = entry.claims.get(claim.id);
        if (!current || current.modified < claim.modified) entry.claims.set(claim.id, { ...claim, articleId: entry.bundle.article.id });
      }
      byText.set(bundle.article.textSha256, entry);
    }
  }
  return [...byText.values()].map(({ bundle, claims }) => ({ ...bundle, claims: [...claims.values()] }));
}

/** One line of a two-annotator comparison, in text order. */
export type Comparison =
  | { kind: 'agree' | 'label differs'; first: Claim; second: Claim; match: 'exact' | 'overlap' }
  | { kind: 'only first'; first: Claim }
  | { kind: 'only second'; second: Claim };

/** Pairs two annotators' claims (by the pairing rule) and says, for each, how they compare. */
export function compareAnnotators(first: readonly Claim[], second: readonly Claim[]): Comparison[] {
  const byId = new Map([...first, ...second].map((c) => [c.id, c]));
  const { pairs, onlyA, onlyB } = pairSpans(first.map(spanOf), second.map(spanOf));
  const lines: Comparison[] = [
    ...pairs.map(([a, b, match]) => ({
      kind: a.label === b.label ? ('agree' as const) : ('label differs' as const),
      first: byId.get(a.id)!,
      second: byId.get(b.id)!,
      match,
    })),
    ...onlyA.map((a) => ({ kind: 'only first' as const, first: byId.get(a.id)! })),
    ...onlyB.map((b) => ({ kind: 'only second' as const, second: byId.get(b.id)! })),
  ];
  const startOf = (line: Comparison) => ('first' in line ? line.first.start : line.second.start);
  return lines.sort((x, y) => startOf(x) - startOf(y));
}
