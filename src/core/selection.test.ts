import { describe, expect, it } from 'vitest';
import { claimRange } from './selection';
import { readCorpus } from '../testing/corpus';

const slice = (text: string, r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('claimRange', () => {
  it('trims whitespace, including no-break spaces and newlines, from both edges', () => {
    const text = 'one \u00a0 two three\n four';
    expect(slice(text, claimRange(text, { start: 3, end: 15 }))).toBe('two three');
  });

  it('returns null for a selection of only whitespace, or nothing', () => {
    expect(claimRange('a \n\u00a0 b', { start: 1, end: 5 })).toBeNull();
    expect(claimRange('abc', { start: 2, end: 2 })).toBeNull();
  });

  it('accepts a backwards selection', () => {
    expect(slice('hello world', claimRange('hello world', { start: 11, end: 6 }))).toBe('world');
  });

  it('never splits a surrogate pair or an emoji sequence', () => {
    const text = 'go 👍🏽 now 👩‍👩‍👧 end';
    const thumb = text.indexOf('👍');
    expect(slice(text, claimRange(text, { start: thumb + 1, end: thumb + 3 }))).toBe('👍🏽');
    const family = text.indexOf('👩');
    expect(slice(text, claimRange(text, { start: family, end: family + 3 }))).toBe('👩‍👩‍👧');
  });

  it('keeps combining marks with their base letter (decomposed Latin)', () => {
    const text = 'cafe\u0301 noir';
    expect(slice(text, claimRange(text, { start: 0, end: 4 }))).toBe('cafe\u0301');
    expect(slice(text, claimRange(text, { start: 4, end: 10 }))).toBe('e\u0301 noir');
  });

  it('keeps Arabic harakat with their letters in the corpus article', () => {
    const text = readCorpus('002_8f4fe5d12681fb52.txt');
    const marks = [...text.matchAll(/\p{M}/gu)].map((m) => m.index);
    expect(marks.length).toBeGreaterThan(10);
    for (const at of marks) {
      // A selection ending right before a mark, and one starting on it, must both grow.
      const ending = claimRange(text, { start: at - 3, end: at })!;
      expect(/\p{M}/u.test(text[ending.end] ?? '')).toBe(false);
      const starting = claimRange(text, { start: at, end: at + 3 })!;
      expect(/\p{M}/u.test(text[starting.start]!)).toBe(false);
      expect(starting.start).toBeLessThan(at);
    }
  });
});
