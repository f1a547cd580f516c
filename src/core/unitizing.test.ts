import { describe, expect, it } from 'vitest';
import { unitizingAlpha, type LabelledSpan } from './unitizing';

/** Krippendorff's (2004) worked example: two observers, categories c and k, positions 150 to 450. */
function example(): LabelledSpan[] {
  const units: [string, string, number, number][] = [
    ['i', 'c', 225, 295],
    ['i', 'c', 370, 400],
    ['j', 'c', 220, 300],
    ['j', 'c', 355, 375],
    ['j', 'c', 400, 420],
    ['i', 'k', 180, 240],
    ['i', 'k', 300, 350],
    ['j', 'k', 180, 240],
    ['j', 'k', 300, 350],
  ];
  return units.map(([annotator, label, start, end]) => ({ annotator, label, start: start - 150, end: end - 150 }));
}

describe('unitizing alpha', () => {
  it("matches Krippendorff's worked example: αu(c) 0.729, αu(k) 1, joint 0.859", () => {
    // Published (rounded) as Do(c) 0.0144, De(c) 0.0532, De(k) 0.0490; the unrounded joint
    // value is 0.8587 (as DKPro Statistics also computes it).
    const { joint, byLabel } = unitizingAlpha(example(), ['i', 'j'], 300);
    expect(byLabel.get('c')!.value).toBeCloseTo(0.7286, 4);
    expect(byLabel.get('k')!.value).toBe(1);
    expect(joint.value).toBeCloseTo(0.8587, 4);
  });

  it('is 1 for identical annotations, falls when spans or labels differ, and says why when undefined', () => {
    const same = [
      { annotator: 'a', label: 'x', start: 10, end: 20 },
      { annotator: 'b', label: 'x', start: 10, end: 20 },
    ];
    expect(unitizingAlpha(same, ['a', 'b'], 100).joint.value).toBe(1);
    const shifted = [same[0]!, { annotator: 'b', label: 'x', start: 14, end: 24 }];
    expect(unitizingAlpha(shifted, ['a', 'b'], 100).joint.value!).toBeLessThan(1);
    const relabelled = [same[0]!, { annotator: 'b', label: 'y', start: 10, end: 20 }];
    expect(unitizingAlpha(relabelled, ['a', 'b'], 100).joint.value!).toBeLessThan(unitizingAlpha(shifted, ['a', 'b'], 100).joint.value!);
    expect(unitizingAlpha([], ['a', 'b'], 100).joint).toEqual({ value: null, reason: 'no claims to compare' });
    expect(unitizingAlpha(same, ['a'], 100).joint.value).toBeNull();
  });

  it("merges one annotator's overlapping claims of a label into one unit", () => {
    const overlapping = [
      { annotator: 'a', label: 'x', start: 10, end: 20 },
      { annotator: 'a', label: 'x', start: 15, end: 30 },
      { annotator: 'b', label: 'x', start: 10, end: 30 },
    ];
    expect(unitizingAlpha(overlapping, ['a', 'b'], 100).joint.value).toBe(1);
  });
});
