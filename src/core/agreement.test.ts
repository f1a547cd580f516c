import { describe, expect, it } from 'vitest';
import {
  addConfusion,
  buildUnits,
  cohen,
  cohenOfConfusion,
  fleiss,
  krippendorffNominal,
  pairSpans,
  spanScoresFromCounts,
  type Figure,
  type Span,
  type SpanScores,
} from './agreement';

/** Span agreement of `b` against `a`, as the agreement report counts it: `exact` identical spans only, `overlap` any pair. */
function spanScores(a: readonly Span[], b: readonly Span[], mode: 'exact' | 'overlap'): SpanScores {
  const matched = pairSpans(a, b).pairs.filter(([, , m]) => mode === 'overlap' || m === 'exact').length;
  return spanScoresFromCounts(matched, a.length, b.length);
}

const value = (f: Figure) => f.value;

describe("Cohen's kappa", () => {
  it('matches the textbook 2×2 example (50 proposals, two readers): po 0.700, kappa 0.400', () => {
    // Yes/Yes 20, Yes/No 5, No/Yes 10, No/No 15 (Wikipedia, "Cohen's kappa", worked example).
    const { observed, kappa } = cohen([
      [20, 5],
      [10, 15],
    ]);
    expect(value(observed)).toBeCloseTo(0.7, 3);
    expect(value(kappa)).toBeCloseTo(0.4, 3);
  });
  it('is undefined, with a reason, when both used one label throughout or shared no unit', () => {
    expect(
      cohen([
        [7, 0],
        [0, 0],
      ]).kappa,
    ).toEqual({ value: null, reason: expect.stringContaining('one and the same label') });
    expect(
      cohen([
        [0, 0],
        [0, 0],
      ]).observed.value,
    ).toBeNull();
  });
  it('is 1 for perfect agreement on more than one label, and negative below chance', () => {
    expect(
      value(
        cohen([
          [3, 0],
          [0, 4],
        ]).kappa,
      ),
    ).toBe(1);
    expect(
      value(
        cohen([
          [0, 5],
          [5, 0],
        ]).kappa,
      ),
    ).toBeCloseTo(-1, 6);
  });
});

describe("Fleiss' kappa", () => {
  it('matches the published example (10 subjects, 14 raters, 5 categories): 0.210', () => {
    // Fleiss (1971) as worked in Wikipedia, "Fleiss' kappa": P̄ = 0.378, P̄e = 0.213, kappa = 0.210.
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(value(fleiss(counts))).toBeCloseTo(0.21, 3);
  });
  it('is undefined for one rater or when every rating is the same label', () => {
    expect(fleiss([[1, 0, 0]]).value).toBeNull();
    expect(
      fleiss([
        [3, 0, 0],
        [3, 0, 0],
      ]).value,
    ).toBeNull();
    expect(fleiss([]).value).toBeNull();
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  it("matches Krippendorff's binary example, two observers and ten units: 0.095", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example A.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(value(krippendorffNominal(a.map((x, i) => [x, b[i]!])))).toBeCloseTo(0.095, 3);
  });
  it("matches Krippendorff's example with missing values, four observers and twelve units: 0.743", () => {
    // Krippendorff (2011), example C (nominal); null marks a missing value.
    const table = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = table[0]!.map((_, u) => table.map((row) => row[u]).filter((v): v is number => v !== null));
    expect(value(krippendorffNominal(units))).toBeCloseTo(0.743, 3);
  });
  it('is undefined without pairable values or without variation', () => {
    expect(krippendorffNominal([[1], [2]]).value).toBeNull();
    expect(
      krippendorffNominal([
        [1, 1],
        [1, 1],
      ]).value,
    ).toBeNull();
  });
});

const span = (annotator: string, id: string, start: number, end: number, label: Span['label'] = 'sourced'): Span => ({ id, annotator, start, end, label });

describe('pairing claims', () => {
  it('pairs identical spans first, then the largest overlap, one to one', () => {
    const a = [span('A', 'a1', 0, 10), span('A', 'a2', 20, 40), span('A', 'a3', 100, 110)];
    const b = [span('B', 'b1', 0, 10), span('B', 'b2', 25, 30), span('B', 'b3', 18, 39), span('B', 'b4', 200, 210)];
    const { pairs, onlyA, onlyB } = pairSpans(a, b);
    expect(pairs.map(([x, y, m]) => `${x.id}-${y.id}:${m}`)).toEqual(['a1-b1:exact', 'a2-b3:overlap']);
    expect(onlyA.map((s) => s.id)).toEqual(['a3']);
    expect(onlyB.map((s) => s.id).sort()).toEqual(['b2', 'b4']);
  });

  it('scores spans exactly and by overlap', () => {
    const a = [span('A', 'a1', 0, 10), span('A', 'a2', 20, 40)];
    const b = [span('B', 'b1', 0, 10), span('B', 'b2', 22, 40), span('B', 'b3', 50, 60)];
    const exact = spanScores(a, b, 'exact');
    expect([exact.precision.value, exact.recall.value]).toEqual([1 / 3, 1 / 2]);
    expect(exact.f1.value).toBeCloseTo(0.4, 6);
    const loose = spanScores(a, b, 'overlap');
    expect([loose.precision.value, loose.recall.value, loose.f1.value]).toEqual([2 / 3, 1, 0.8]);
    expect(spanScores([], [], 'exact').f1).toEqual({ value: null, reason: expect.any(String) });
  });

  it('builds units across three annotators, with missing annotators as gaps', () => {
    const units = buildUnits(
      new Map([
        ['A', [span('A', 'a1', 0, 10, 'sourced'), span('A', 'a2', 20, 30, 'opinion')]],
        ['B', [span('B', 'b1', 0, 10, 'sourced'), span('B', 'b2', 50, 60, 'disputed')]],
        ['C', [span('C', 'c1', 2, 9, 'disputed'), span('C', 'c2', 52, 60, 'disputed')]],
      ]),
    );
    expect(units.map((u) => [...u.claims.keys()].join(''))).toEqual(['ABC', 'A', 'BC']);
    expect(units.map((u) => u.match)).toEqual(['overlap', 'exact', 'overlap']);
    const spans = (id: string) => units.flatMap((u) => (u.claims.has(id) ? [u.claims.get(id)!] : []));
    const confusion = addConfusion(pairSpans(spans('A'), spans('C')).pairs);
    expect(confusion.sourced.disputed).toBe(1);
    expect(cohenOfConfusion(addConfusion(pairSpans(spans('B'), spans('C')).pairs)).observed.value).toBe(0.5);
  });
});

describe('comparing two annotators', async () => {
  const { compareAnnotators } = await import('./agreement-report');
  const claim = (annotator: string, id: string, start: number, end: number, label: Span['label']) => ({
    id,
    articleId: 'x',
    label,
    start,
    end,
    exact: '',
    prefix: '',
    suffix: '',
    sources: [],
    annotator: { id: annotator, name: annotator },
    created: '',
    modified: '',
  });
  it('lists agreements, label differences and claims only one made, in text order', () => {
    const lines = compareAnnotators(
      [claim('A', 'a1', 0, 10, 'sourced'), claim('A', 'a2', 20, 30, 'opinion'), claim('A', 'a3', 50, 60, 'disputed')],
      [claim('B', 'b1', 0, 10, 'sourced'), claim('B', 'b2', 22, 30, 'disputed'), claim('B', 'b3', 40, 45, 'opinion')],
    );
    expect(lines.map((l) => l.kind)).toEqual(['agree', 'label differs', 'only second', 'only first']);
  });
});
