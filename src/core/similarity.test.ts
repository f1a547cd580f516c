import { describe, expect, it } from 'vitest';
import { CORPUS_FILES, readCorpus } from '../testing/corpus';
import fc from 'fast-check';
import { closestVersion, containment, contentWords, fingerprint, likelyVersions, statementSimilarity, words } from './similarity';

describe('likelyVersions', () => {
  it('finds 000 and 001 of the corpus as versions of each other, and no other pair', () => {
    const prints = CORPUS_FILES.map((file) => ({ id: file.slice(0, 3), fingerprint: fingerprint(readCorpus(file)) }));
    const pairs = likelyVersions(prints);
    expect(pairs.map(({ a, b }) => [a, b])).toEqual([['000', '001']]);
    expect(pairs[0]!.score).toBeGreaterThan(0.8);
  });

  it('names the stored text a new one is a version of: 001 for 000, none for 004', () => {
    const stored = CORPUS_FILES.slice(1, 4).map((file) => ({ id: file.slice(0, 3), fingerprint: fingerprint(readCorpus(file)) }));
    expect(closestVersion(fingerprint(readCorpus(CORPUS_FILES[0])), stored)).toMatchObject({ id: '001' });
    expect(closestVersion(fingerprint(readCorpus(CORPUS_FILES[4])), stored)).toBeNull();
  });

  it('finds exactly the pairs that comparing every pair finds, in the same order', () => {
    const print = fc.record({
      shingles: fc.integer({ min: 0, max: 400 }),
      minhash: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 128, maxLength: 128 }),
    });
    fc.assert(
      fc.property(fc.array(print, { maxLength: 12 }), (fingerprints) => {
        const prints = fingerprints.map((f, i) => ({ id: `t${i}`, fingerprint: f }));
        const every: { a: string; b: string; score: number }[] = [];
        for (let i = 0; i < prints.length; i++) {
          for (let j = i + 1; j < prints.length; j++) {
            const [a, b] = [prints[i]!, prints[j]!];
            if (Math.min(a.fingerprint.shingles, b.fingerprint.shingles) < 20) continue;
            const score = containment(a.fingerprint, b.fingerprint);
            if (score >= 0.5) every.push({ a: a.id, b: b.id, score: Math.round(score * 100) / 100 });
          }
        }
        expect(likelyVersions(prints)).toEqual(every.sort((x, y) => y.score - x.score));
      }),
    );
  });

  it('does not call two short texts versions because they share a phrase', () => {
    const a = { id: 'a', fingerprint: fingerprint('The CSTO was founded in 2002.') };
    const b = { id: 'b', fingerprint: fingerprint('The CSTO was founded in 2002, it says.') };
    expect(likelyVersions([a, b])).toEqual([]);
  });
});

describe('word overlap', () => {
  it('reads words in any script, lower-cased, without punctuation', () => {
    expect(words('«Izvestia», قوات حفظ السلام — CSTO’s 2022!')).toEqual(['izvestia', 'قوات', 'حفظ', 'السلام', 'csto’s', '2022']);
  });

  it('scores a reworded statement, other spellings of names included, above an unrelated one', () => {
    const claim = contentWords('The CSTO members are Russia, Belarus, Armenia, Tadjikistan, Kazakhstan and Kyrgyzstan');
    const reworded = contentWords('Its member states: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.');
    const unrelated = contentWords('The summit ended with a joint statement on Afghanistan.');
    expect(statementSimilarity(claim, reworded)).toBeGreaterThan(0.6);
    expect(statementSimilarity(claim, unrelated)).toBeLessThan(0.2);
    expect(statementSimilarity(claim, claim)).toBe(1);
  });
});
