import { describe, expect, it } from 'vitest';
import { readCorpus } from '../testing/corpus';
import { createClaim, type ClaimThread } from './model';
import { normalizeText } from './text';
import { claimPassages, linkClaims, PassageIndex, sentencePassages, similarPassages, type Passage } from './threads';
import type { Claim } from './model';

const me = { id: 'me', name: 'Me' };

/** The passages of one article, as the app reads them: its claims and its sentences. */
const passagesOf = (articleId: string, text: string, claims: readonly Claim[]): Passage[] => [
  ...claimPassages(articleId, claims),
  ...sentencePassages(articleId, text),
];

describe('similarPassages', () => {
  it('finds the members sentence of 001 in 000 (word for word) and in 004 (reworded), and nothing in 003', () => {
    const text001 = normalizeText(readCorpus('001_54ad07cce52304a5.txt'));
    const words =
      'the CSTO is a classic military alliance between six ex-members of the Soviet Union - Belarus, Russia, Armenia, Tadjikistan, Kazakhstan, and Kirghizistan';
    const passages = ['000_5db7ccc2cadc8c6a.txt', '003_b382b7bce98f5533.txt', '004_30ba6e3c10c12ec5.txt'].flatMap((file) =>
      passagesOf(file.slice(0, 3), normalizeText(readCorpus(file)), []),
    );
    const found = similarPassages(text001.slice(text001.indexOf(words), text001.indexOf(words) + words.length), passages);
    expect(found[0]).toMatchObject({ articleId: '000' });
    expect(found[0]!.text).toContain('classic military alliance');
    expect(found[0]!.score).toBeGreaterThan(0.9);
    expect(found.map((f) => f.articleId)).not.toContain('003');
  });

  it('offers an existing claim instead of the sentence it lies in', () => {
    const text = 'Officials said the CSTO sent 2,000 troops to Kazakhstan in January. Other news.';
    const claim = createClaim(text, 'b', { start: 18, end: 66 }, 'sourced', me)!;
    const found = similarPassages('The CSTO sent 2,000 troops to Kazakhstan', passagesOf('b', text, [claim]));
    expect(found).toHaveLength(1);
    expect(found[0]!.claimId).toBe(claim.id);
  });
});

describe('sentencePassages', () => {
  it('gives a long text the same sentences as segmenting it line by line (it segments in parts, at line breaks)', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `Line ${i} says the council met. Officials from ${i % 7} capitals agreed on the border plan.`);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(5_000 * 5);
    let at = 0;
    const byLine = lines.flatMap((line) => {
      const passages = sentencePassages('a', text, at, at + line.length + 1);
      at += line.length + 1;
      return passages;
    });
    expect(sentencePassages('a', text)).toEqual(byLine);
    expect(byLine).toHaveLength(800);
  });
});

describe('PassageIndex', () => {
  it('offers only passages that share a content word with the statement', () => {
    const index = new PassageIndex();
    index.add(passagesOf('a', 'The CSTO sent troops to Kazakhstan. Nothing else happened today at all.', []));
    expect(index.candidates('Troops went to Kazakhstan').map((p) => p.text)).toEqual(['The CSTO sent troops to Kazakhstan.']);
    expect(index.candidates('unrelated words only')).toEqual([]);
  });

  it("drops an article's passages, and takes them again when added anew", () => {
    const index = new PassageIndex();
    const text = 'The CSTO sent troops to Kazakhstan.';
    index.add(passagesOf('a', text, []));
    index.add(passagesOf('b', `Reportedly, ${text}`, []));
    index.drop('a');
    expect(index.candidates('troops Kazakhstan').map((p) => p.articleId)).toEqual(['b']);
    index.add(passagesOf('a', text, []));
    expect(
      index
        .candidates('troops Kazakhstan')
        .map((p) => p.articleId)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});

describe('linkClaims', () => {
  const a = createClaim('Alpha beta gamma.', 'x', { start: 0, end: 10 }, 'sourced', me)!;
  it('starts a thread named after the claim, adds to an existing one, and joins two', () => {
    const first = linkClaims([], a, 'b', 'now');
    expect(first).toMatchObject({ put: { title: 'Alpha beta', claimIds: [a.id, 'b'] }, removed: null });
    const other: ClaimThread = { id: 't2', title: 'other', claimIds: ['c', 'd'], created: 'then', modified: 'then' };
    const joined = linkClaims([first.put, other], a, 'c', 'later');
    expect(joined.put).toMatchObject({ id: first.put.id, claimIds: [a.id, 'b', 'c', 'd'], modified: 'later' });
    expect(joined.removed).toBe(other);
  });
});
