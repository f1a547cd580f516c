import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordIndex } from './word-index';

const field = (text: string, weight = 1) => ({ words: text.split(' ').filter(Boolean), weight });

describe('the word index of claims', () => {
  it('finds documents holding every word, the last as a prefix when asked, best first by score', () => {
    const index = new WordIndex<string>();
    index.add('a', 'A', 0, [field('russia sends troops', 2)]);
    index.add('b', 'B', 0, [field('troops leave'), field('russian sources')]);
    index.add('c', 'C', 0, [field('the treaty')]);
    expect(index.search(['troops'], false).docs).toEqual(['A', 'B']);
    expect(index.search(['troops', 'russia'], false).docs).toEqual(['A']);
    expect(index.search(['troops', 'russia'], true).docs).toEqual(['A', 'B']);
    expect(index.search(['tr'], true).docs).toEqual(['A', 'B', 'C']);
    expect(index.search(['tr'], false).docs).toEqual([]);
    // The word in a quote (weight 2) outranks the same word elsewhere; a whole word outranks a longer one its prefix finds.
    const { scores } = index.search(['russia'], true);
    expect(scores[0]).toBeGreaterThan(scores[1]!);
  });

  it('replaces a document added again under its id, and forgets a removed one, also after the lists are swept', () => {
    const index = new WordIndex<number>();
    index.add('x', 1, 0, [field('alpha beta')]);
    index.add('x', 2, 0, [field('gamma')]);
    expect(index.search(['alpha'], false).docs).toEqual([]);
    expect(index.search(['gamma'], false).docs).toEqual([2]);
    for (let i = 0; i < 30_000; i++) index.add(`n${i}`, i, 0, [field(`word${i % 7} common`)]);
    for (let i = 0; i < 20_000; i++) index.remove(`n${i}`);
    expect(index.size).toBe(10_001);
    expect(index.search(['common'], false).docs).toHaveLength(10_000);
    expect(index.search(['word3', 'common'], true).docs.every((n) => n >= 20_000 && n % 7 === 3)).toBe(true);
    index.add('late', -1, 0, [field('wordy common')]);
    expect(index.search(['common', 'wordy'], true).docs).toEqual([-1]);
  });

  it('finds exactly what reading each document would', () => {
    const word = fc.constantFrom('ab', 'abc', 'abd', 'b', 'ba', 'c');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(8), fc.array(word, { maxLength: 5 })), { maxLength: 40 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (changes, query, prefix) => {
          const index = new WordIndex<string>();
          const docs = new Map<string, string[]>();
          for (const [id, words] of changes) {
            if (words.length) {
              index.add(`d${id}`, `d${id}`, 0, [{ words, weight: 1 }]);
              docs.set(`d${id}`, words);
            } else {
              index.remove(`d${id}`);
              docs.delete(`d${id}`);
            }
          }
          const holds = (words: string[], q: string, i: number) => words.some((w) => w === q || (prefix && i === query.length - 1 && w.startsWith(q)));
          const expected = [...docs].filter(([, words]) => query.every((q, i) => holds(words, q, i))).map(([id]) => id);
          expect(index.search(query, prefix).docs.sort()).toEqual(expected.sort());
        },
      ),
    );
  });
});
