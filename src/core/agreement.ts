/**
 * Agreement between annotators: pairing their claims into units, span precision/recall/F1, and
 * label agreement (observed agreement, Cohen's kappa, Fleiss' kappa, Krippendorff's alpha for
 * nominal data). Figures that are undefined for the data (no units, one label only) are null,
 * with the reason, never NaN.
 */
import { LABELS, type Label } from './model';

/** What agreement needs of a claim. */
export interface Span {
  id: string;
  annotator: string;
  start: number;
  end: number;
  label: Label;
}

/** How two spans were paired: identical offsets, or overlapping. */
export type Match = 'exact' | 'overlap';

/** A span marked by at least one annotator: at most one claim per annotator. */
export interface Unit {
  /** The claim that started the unit; later annotators' claims are paired with it. */
  head: Span;
  /** The claims in this unit, by annotator id. */
  claims: Map<string, Span>;
  /** How each claim after the first was paired into the unit. */
  match: Match;
}

/** A figure, or null with the reason it is undefined for these data. */
export type Figure = { value: number } | { value: null; reason: string };

/** A figure to three decimals, or "n/a": how the CLI and the browser both show figures. */
export function formatFigure(figure: Figure): string {
  return figure.value === null ? 'n/a' : figure.value.toFixed(3);
}

/** The rule by which claims are paired, as the UI and the CLI state it. */
export const PAIRING_RULE = 'Claims are paired one to one: identical spans first, then overlapping spans, largest shared extent first.';

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || a.id.localeCompare(b.id);
}

/**
 * Pairs two annotators' claims one to one: identical spans first, then overlapping spans, the
 * largest shared extent first (ties: earlier start, then ids). The rule the UI states.
 */
export function pairSpans(a: readonly Span[], b: readonly Span[]): { pairs: [Span, Span, Match][]; onlyA: Span[]; onlyB: Span[] } {
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  const pairs: [Span, Span, Match][] = [];
  const byOffsets = new Map<string, Span[]>();
  for (const s of [...b].sort(compareSpans)) {
    const key = `${s.start}:${s.end}`;
    byOffsets.set(key, [...(byOffsets.get(key) ?? []), s]);
  }
  for (const s of [...a].sort(compareSpans)) {
    const twin = byOffsets.get(`${s.start}:${s.end}`)?.find((t) => !usedB.has(t.id));
    if (!twin) continue;
    usedA.add(s.id);
    usedB.add(twin.id);
    pairs.push([s, twin, 'exact']);
  }
  // Sweep both lists in start order: `active` holds b's spans that start before the current
  // span ends and have not ended before it starts, so each overlap is found without a scan of all of b.
  const restB = b.filter((s) => !usedB.has(s.id)).sort(compareSpans);
  const candidates: [Span, Span, number][] = [];
  let next = 0;
  let active: Span[] = [];
  for (const s of a.filter((x) => !usedA.has(x.id)).sort(compareSpans)) {
    while (next < restB.length && restB[next]!.start < s.end) active.push(restB[next++]!);
    active = active.filter((t) => t.end > s.start);
    for (const t of active) {
      const shared = overlap(s, t);
      if (shared > 0) candidates.push([s, t, shared]);
    }
  }
  candidates.sort((x, y) => y[2] - x[2] || compareSpans(x[0], y[0]) || compareSpans(x[1], y[1]));
  for (const [s, t] of candidates) {
    if (usedA.has(s.id) || usedB.has(t.id)) continue;
    usedA.add(s.id);
    usedB.add(t.id);
    pairs.push([s, t, 'overlap']);
  }
  return { pairs, onlyA: a.filter((s) => !usedA.has(s.id)), onlyB: b.filter((s) => !usedB.has(s.id)) };
}

/**
 * Units over any number of annotators: the first annotator's claims start units; each next
 * annotator's claims are paired (by pairSpans) with the units' first claims; the unpaired
 * start new units. Annotators are taken in the order given.
 */
export function buildUnits(spansByAnnotator: ReadonlyMap<string, readonly Span[]>): Unit[] {
  const units: Unit[] = [];
  const unitOf = new Map<Span, Unit>();
  for (const [annotator, spans] of spansByAnnotator) {
    const { pairs, onlyB } = pairSpans(
      units.map((unit) => unit.head),
      spans,
    );
    for (const [head, span, match] of pairs) {
      const unit = unitOf.get(head)!;
      unit.claims.set(annotator, span);
      if (match === 'overlap') unit.match = 'overlap';
    }
    for (const span of onlyB) {
      const unit: Unit = { head: span, claims: new Map([[annotator, span]]), match: 'exact' };
      units.push(unit);
      unitOf.set(span, unit);
    }
  }
  return units;
}

/** Precision, recall and F1 of `b` against `a` as reference, and the counts behind them. */
export interface SpanScores {
  matched: number;
  reference: number;
  predicted: number;
  precision: Figure;
  recall: Figure;
  f1: Figure;
}

function ratio(numerator: number, denominator: number, reason: string): Figure {
  return denominator > 0 ? { value: numerator / denominator } : { value: null, reason };
}

/** Precision, recall and F1 from counts (so counts can be summed over articles first). */
export function spanScoresFromCounts(matched: number, reference: number, predicted: number): SpanScores {
  const precision = ratio(matched, predicted, 'the second annotator marked nothing');
  const recall = ratio(matched, reference, 'the first annotator marked nothing');
  const f1 = ratio(2 * matched, reference + predicted, 'neither annotator marked anything');
  return { matched, reference, predicted, precision, recall, f1 };
}

/** A confusion matrix of two annotators' labels: rows the first annotator, columns the second. */
export type Confusion = Record<Label, Record<Label, number>>;

/** An empty confusion matrix. */
export function emptyConfusion(): Confusion {
  return Object.fromEntries(LABELS.map((r) => [r, Object.fromEntries(LABELS.map((c) => [c, 0]))])) as Confusion;
}

/** Adds the labels of paired claims (first annotator's, second's) to `into`. */
export function addConfusion(pairs: readonly (readonly [Span, Span, ...unknown[]])[], into: Confusion = emptyConfusion()): Confusion {
  for (const [a, b] of pairs) into[a.label][b.label]++;
  return into;
}

/** Observed agreement and Cohen's kappa from a confusion matrix (rows and columns any category set). */
export function cohen(matrix: readonly (readonly number[])[]): { observed: Figure; kappa: Figure } {
  const k = matrix.length;
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  matrix.forEach((row, i) =>
    row.forEach((count, j) => {
      n += count;
      rows[i]! += count;
      cols[j]! += count;
      if (i === j) agree += count;
    }),
  );
  if (n === 0) {
    const none = { value: null, reason: 'no unit was marked by both annotators' } as const;
    return { observed: none, kappa: none };
  }
  const po = agree / n;
  const pe = rows.reduce((sum, r, i) => sum + (r / n) * (cols[i]! / n), 0);
  const kappa: Figure = pe < 1 ? { value: (po - pe) / (1 - pe) } : { value: null, reason: 'both annotators used one and the same label throughout' };
  return { observed: { value: po }, kappa };
}

/** Cohen's kappa as a confusion matrix of our labels. */
export function cohenOfConfusion(confusion: Confusion): { observed: Figure; kappa: Figure } {
  return cohen(LABELS.map((r) => LABELS.map((c) => confusion[r][c])));
}

/**
 * Fleiss' kappa from per-subject category counts; every subject must have the same number of
 * ratings (at least two). Subjects with another number of ratings are left out.
 */
export function fleiss(counts: readonly (readonly number[])[]): Figure {
  const raters = Math.max(0, ...counts.map((row) => row.reduce((s, c) => s + c, 0)));
  const rows = counts.filter((row) => row.reduce((s, c) => s + c, 0) === raters);
  if (raters < 2 || rows.length === 0) return { value: null, reason: 'needs units rated by every annotator, and at least two annotators' };
  const categories = rows[0]!.length;
  const totals = new Array<number>(categories).fill(0);
  let meanP = 0;
  for (const row of rows) {
    row.forEach((c, j) => (totals[j]! += c));
    meanP += (row.reduce((s, c) => s + c * c, 0) - raters) / (raters * (raters - 1));
  }
  meanP /= rows.length;
  const pe = totals.reduce((s, t) => s + (t / (rows.length * raters)) ** 2, 0);
  return pe < 1 ? { value: (meanP - pe) / (1 - pe) } : { value: null, reason: 'every rating used the same label' };
}

/**
 * Krippendorff's alpha for nominal data. Each unit lists the values its coders gave; missing
 * values are simply absent (units with fewer than two values are not pairable and are left out).
 */
export function krippendorffNominal(units: readonly (readonly (string | number)[])[]): Figure {
  const coincidence = new Map<string, number>();
  const marginal = new Map<string | number, number>();
  let n = 0;
  for (const values of units) {
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const key = JSON.stringify([values[i], values[j]]);
        coincidence.set(key, (coincidence.get(key) ?? 0) + 1 / (m - 1));
      }
      marginal.set(values[i]!, (marginal.get(values[i]!) ?? 0) + 1);
      n++;
    }
  }
  if (n === 0) return { value: null, reason: 'no unit has values from two coders' };
  let disagreeObserved = 0;
  for (const [key, o] of coincidence) {
    const [c, k] = JSON.parse(key) as [unknown, unknown];
    if (c !== k) disagreeObserved += o;
  }
  let disagreeExpected = 0;
  for (const [c, nc] of marginal) for (const [k, nk] of marginal) if (c !== k) disagreeExpected += nc * nk;
  if (disagreeExpected === 0) return { value: null, reason: 'every value is the same, so there is no variation to agree on' };
  return { value: 1 - ((n - 1) * disagreeObserved) / disagreeExpected };
}
