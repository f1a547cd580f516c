/**
 * Krippendorff's unitizing alpha (αu; Krippendorff 2004, "Measuring the reliability of
 * qualitative text analysis data"): agreement on where people put spans and which label they
 * gave them together, over character positions. For each label, every annotator's text is cut
 * into sections, units (their claims with that label, overlapping ones merged) and the gaps
 * between them; observed and expected disagreement compare those sections. The joint figure is
 * 1 − ΣDo / ΣDe over the labels.
 */
import type { Figure } from './agreement';
import { firstAtOrAbove } from './sorted';

/** One annotator's claim with one label, as a span of the continuum [0, length). */
export interface LabelledSpan {
  annotator: string;
  label: string;
  start: number;
  end: number;
}

interface Section {
  start: number;
  end: number;
  unit: boolean;
}

/** The sections of one annotator for one label: merged units and the gaps around them, covering [0, length). */
function sections(spans: readonly LabelledSpan[], length: number): Section[] {
  const out: Section[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, span.start);
    const end = Math.min(length, span.end);
    if (end <= start) continue;
    const last = out[out.length - 1];
    if (last?.unit && last.end === start) last.end = end;
    else {
      if (start > at) out.push({ start: at, end: start, unit: false });
      out.push({ start, end, unit: true });
    }
    at = end;
  }
  if (at < length) out.push({ start: at, end: length, unit: false });
  return out;
}

/** δ² between two sections of different annotators (0 when they do not interact). */
function distance(g: Section, h: Section): number {
  const lg = g.end - g.start;
  const lh = h.end - h.start;
  if (g.unit && h.unit) {
    const shift = g.start - h.start;
    return -lg < shift && shift < lh ? shift ** 2 + (g.end - h.end) ** 2 : 0;
  }
  if (g.unit && !h.unit) return h.start <= g.start && g.end <= h.end ? lg ** 2 : 0;
  if (!g.unit && h.unit) return g.start <= h.start && h.end <= g.end ? lh ** 2 : 0;
  return 0;
}

/** Σ δ² over the overlapping section pairs of two annotators, found by one sweep of both lists. */
function observedSum(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let j = 0;
  for (const g of a) {
    while (j < b.length && b[j]!.end <= g.start) j++;
    for (let k = j; k < b.length && b[k]!.start < g.end; k++) sum += distance(g, b[k]!);
  }
  return sum;
}

/** Observed and expected disagreement for one label. */
function disagreements(byAnnotator: readonly Section[][], length: number): { observed: number; expected: number } {
  const m = byAnnotator.length;
  let pairs = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) pairs += 2 * observedSum(byAnnotator[i]!, byAnnotator[j]!);
  const observed = pairs / (m * (m - 1) * length ** 2);

  const units = byAnnotator
    .flat()
    .filter((s) => s.unit)
    .map((s) => s.end - s.start);
  const gaps = byAnnotator
    .flat()
    .filter((s) => !s.unit)
    .map((s) => s.end - s.start)
    .sort((x, y) => x - y);
  // suffix[k]: sum of gap lengths from k on, so Σ (l_h − l + 1) over gaps l_h ≥ l is one search.
  const suffix = new Array<number>(gaps.length + 1).fill(0);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + gaps[k]!;
  const n = units.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of units) {
    const lo = firstAtOrAbove(gaps, l);
    const longer = gaps.length - lo;
    numerator += ((n - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l ** 2 * (suffix[lo]! - longer * (l - 1));
    selfPairs += l * (l - 1);
  }
  const expected = n ? ((2 / length) * numerator) / (m * length * (m * length - 1) - selfPairs) : 0;
  return { observed, expected };
}

/** αu per label and jointly, for `annotators` (all who took part, with claims or not) over a text of `length`. */
export function unitizingAlpha(spans: readonly LabelledSpan[], annotators: readonly string[], length: number): { joint: Figure; byLabel: Map<string, Figure> } {
  const byLabel = new Map<string, Figure>();
  if (annotators.length < 2 || length < 1) {
    const reason = annotators.length < 2 ? 'needs at least two annotators' : 'the text is empty';
    return { joint: { value: null, reason }, byLabel };
  }
  let observed = 0;
  let expected = 0;
  for (const label of [...new Set(spans.map((s) => s.label))].sort()) {
    const ofLabel = spans.filter((s) => s.label === label);
    const d = disagreements(
      annotators.map((a) =>
        sections(
          ofLabel.filter((s) => s.annotator === a),
          length,
        ),
      ),
      length,
    );
    byLabel.set(label, d.expected > 0 ? { value: 1 - d.observed / d.expected } : { value: null, reason: 'no variation to compare' });
    observed += d.observed;
    expected += d.expected;
  }
  const joint: Figure = expected > 0 ? { value: 1 - observed / expected } : { value: null, reason: 'no claims to compare' };
  return { joint, byLabel };
}
