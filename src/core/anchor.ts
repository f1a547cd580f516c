/**
 * Re-anchoring: finding a claim's words in a text that may differ from the one it was made on.
 * The order follows the Hypothesis client (position, then exact quote, then fuzzy quote with
 * context), with one change of principle: every candidate is scored on quote, context and
 * position, and a candidate below ACCEPT_SCORE is refused, so a claim whose words are gone
 * becomes an orphan instead of landing on other words. Offsets are UTF-16 units.
 */
import search from 'approx-string-match';
import { quoteOf } from './quote';
import { claimRange, type Range } from './selection';

/** What a claim records about its words: where they were and what they said (W3C selectors). */
export interface Selectors {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** How a claim anchored: at its old offsets, at other offsets, on similar words, or nowhere. */
export const ANCHOR_STATUSES = ['exact', 'moved', 'fuzzy', 'orphan'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** The outcome for one claim. `score` is 0..1 (1 is a perfect fit); an orphan has no range. */
export type Anchoring = { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; score: number } | { status: 'orphan' };

/** Weights of the parts of a candidate's score; they sum to 1. */
const WEIGHTS = { quote: 0.5, prefix: 0.2, suffix: 0.2, position: 0.1 };

/**
 * The lowest score a candidate needs. An exact quote needs some of its context around it (or
 * to be close to where it was); a fuzzy one needs both a close quote and context.
 */
export const ACCEPT_SCORE = 0.75;

/** A candidate this good is taken without looking further. */
const SURE_SCORE = 0.9;

/** A fuzzy quote may differ from the claim's words in at most this share of its length. */
export const MAX_QUOTE_ERRORS = 0.25;

/** An exact quote this long (UTF-16 units) that occurs once is its own evidence, context or not. */
const DISTINCTIVE_LENGTH = 32;

/** How far around the expected place the first, cheap fuzzy search looks. */
const NEAR_WINDOW = 2000;

/** At most this many occurrences of an exact quote are weighed. */
const MAX_OCCURRENCES = 1000;

interface Candidate extends Range {
  errors: number;
  score: number;
}

/** Similarity 0..1 of `pattern` to the best-fitting part of `window` (edit distance). */
function similarity(pattern: string, window: string): number {
  if (!pattern.length) return 1;
  if (!window.length) return 0;
  const matches = search(window, pattern, pattern.length);
  const errors = matches.reduce((least, m) => Math.min(least, m.errors), pattern.length);
  return 1 - errors / pattern.length;
}

/**
 * How well a claim's context fits the text beside a candidate. Where the text ends sooner than
 * the context (a truncated repost), only the part that fits in is compared; where it ends right
 * at the candidate, the fit is unknown: 0.5. An empty context began or ended its text: it fits
 * a candidate at the text's edge.
 */
function contextFit(context: string, window: string, atEdge: boolean, side: 'before' | 'after'): number {
  if (!context) return atEdge ? 1 : 0.5;
  if (!window) return 0.5;
  const part = side === 'before' ? context.slice(Math.max(0, context.length - window.length)) : context.slice(0, window.length);
  return similarity(part, window);
}

/** Score of the candidate range [start, end) with `errors` edits from the claim's quote. */
function scored(sel: Selectors, text: string, start: number, end: number, errors: number, hint: number): Candidate {
  const quote = 1 - errors / sel.exact.length;
  const before = text.slice(Math.max(0, start - sel.prefix.length), start);
  const after = text.slice(end, end + sel.suffix.length);
  const prefix = contextFit(sel.prefix, before, start === 0, 'before');
  const suffix = contextFit(sel.suffix, after, end === text.length, 'after');
  const position = 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
  const score = WEIGHTS.quote * quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position;
  return { start, end, errors, score };
}

function better(a: Candidate | null, b: Candidate | null): Candidate | null {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

/** Every exact occurrence of the quote (up to MAX_OCCURRENCES), and the best-scored of them. */
function exactOccurrences(sel: Selectors, text: string, hint: number): { best: Candidate | null; starts: number[] } {
  let best: Candidate | null = null;
  const starts: number[] = [];
  for (let at = text.indexOf(sel.exact); at !== -1 && starts.length < MAX_OCCURRENCES; at = text.indexOf(sel.exact, at + 1)) {
    starts.push(at);
    best = better(best, scored(sel, text, at, at + sel.exact.length, 0, hint));
  }
  return { best, starts };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Widens a fuzzy range to whole words where the claim itself began or ended at a word edge,
 * counting each added character as an edit, so "a pretext" never lands on "n pretext".
 */
function toWordEdges(sel: Selectors, text: string, range: Range, errors: number): { range: Range; errors: number } {
  let { start, end } = range;
  const wordAt = (i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text[i]!);
  if (!WORD_CHAR.test(sel.prefix.slice(-1))) {
    while (wordAt(start - 1) && wordAt(start)) {
      start--;
      errors++;
    }
  }
  if (!WORD_CHAR.test(sel.suffix.slice(0, 1))) {
    while (wordAt(end) && wordAt(end - 1)) {
      end++;
      errors++;
    }
  }
  return { range: { start, end }, errors };
}

/**
 * The best-scored approximate match of the quote within text[from, to). Exact occurrences
 * are cut out of the searched text: the matcher reports only the fewest-error matches, so an
 * old exact copy elsewhere would hide a one-letter edit in the claim's own place.
 */
function bestFuzzy(sel: Selectors, text: string, hint: number, from: number, to: number, exactStarts: number[]): Candidate | null {
  const maxErrors = Math.max(1, Math.floor(sel.exact.length * MAX_QUOTE_ERRORS));
  let best: Candidate | null = null;
  const cuts = exactStarts.filter((at) => at + sel.exact.length > from && at < to);
  let segmentStart = from;
  for (const segmentEnd of [...cuts, to]) {
    for (const match of search(text.slice(segmentStart, segmentEnd), sel.exact, maxErrors)) {
      // Snap to whole characters without surrounding whitespace, as a person's selection would be.
      const snapped = claimRange(text, { start: segmentStart + match.start, end: segmentStart + match.end });
      if (!snapped) continue;
      const { range, errors } = toWordEdges(sel, text, snapped, match.errors);
      if (errors <= maxErrors) best = better(best, scored(sel, text, range.start, range.end, errors, hint));
    }
    segmentStart = Math.max(segmentStart, segmentEnd + sel.exact.length);
  }
  return best;
}

function accepted(sel: Selectors, candidate: Candidate, status: 'moved' | 'fuzzy'): Anchoring {
  const exactHere = status === 'moved' && candidate.start === sel.start;
  return {
    status: exactHere ? 'exact' : status,
    start: candidate.start,
    end: candidate.end,
    score: Math.round(candidate.score * 1000) / 1000,
  };
}

/**
 * Where the claim described by `sel` belongs in `text`. `hint` is where it is expected (its old
 * start, shifted by edits before it when known); it only breaks ties between candidates.
 */
export function anchor(sel: Selectors, text: string, hint: number = sel.start): Anchoring {
  if (!sel.exact) return { status: 'orphan' };
  // 1. Still where it was, or where the edits before it moved it, with its context around it.
  for (const at of hint === sel.start ? [sel.start] : [sel.start, hint]) {
    if (at >= 0 && text.startsWith(sel.exact, at)) {
      const here = scored(sel, text, at, at + sel.exact.length, 0, hint);
      if (here.score >= SURE_SCORE) return accepted(sel, here, 'moved');
    }
  }
  // 2. The same words elsewhere, the occurrence whose context and position fit best.
  const { best: exact, starts } = exactOccurrences(sel, text, hint);
  if (exact && exact.score >= SURE_SCORE) return accepted(sel, exact, 'moved');
  // 3. Similar words: first near the expected place, then anywhere.
  const margin = NEAR_WINDOW + sel.exact.length;
  let fuzzy = bestFuzzy(sel, text, hint, Math.max(0, hint - margin), Math.min(text.length, hint + margin), starts);
  if (!fuzzy || fuzzy.score < SURE_SCORE) fuzzy = better(fuzzy, bestFuzzy(sel, text, hint, 0, text.length, starts));
  const best = better(exact, fuzzy);
  if (!best) return { status: 'orphan' };
  const distinctive = best === exact && starts.length === 1 && sel.exact.length >= DISTINCTIVE_LENGTH;
  if (best.score < ACCEPT_SCORE && !distinctive) return { status: 'orphan' };
  return accepted(sel, best, best.errors === 0 ? 'moved' : 'fuzzy');
}

/**
 * Anchors many claims of one text onto another. Claims are taken in text order, and each
 * anchored claim tells the next where to look: its old start shifted as much as the last one's.
 * Results are in the order given.
 */
export function anchorAll(claims: readonly Selectors[], text: string): Anchoring[] {
  const order = claims.map((_, i) => i).sort((a, b) => claims[a]!.start - claims[b]!.start);
  const results: Anchoring[] = new Array(claims.length);
  let shift = 0;
  for (const i of order) {
    const sel = claims[i]!;
    const result = anchor(sel, text, Math.max(0, Math.min(text.length, sel.start + shift)));
    if (result.status !== 'orphan') shift = result.start - sel.start;
    results[i] = result;
  }
  return results;
}

/** How many results have each status. */
export function countStatuses(results: readonly { status: AnchorStatus }[]): Record<AnchorStatus, number> {
  const counts: Record<AnchorStatus, number> = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** The selectors of `range` in `text`: its offsets and its quote. */
export function selectorsOf(text: string, range: Range): Selectors {
  return { start: range.start, end: range.end, ...quoteOf(text, range) };
}
