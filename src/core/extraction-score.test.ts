import { describe, expect, it } from 'vitest';
import { overallScore, pageScore, shingles, tokens } from './extraction-score';

describe('the article-extraction metric', () => {
  it('tokenises any script, lower-cased, and counts 4-token shingles as a multiset', () => {
    expect(tokens('Le Monde — “Élysée” 2026, كتب_الصحفي!')).toEqual(['le', 'monde', 'élysée', '2026', 'كتب_الصحفي']);
    expect([...shingles('a b c d a b c d').entries()]).toEqual([
      ['a b c d', 2],
      ['b c d a', 1],
      ['c d a b', 1],
      ['d a b c', 1],
    ]);
  });

  it('scores furniture as lost precision and a missing sentence as lost recall, and takes F1 from the averages', () => {
    const article = 'The council voted seven to two on Tuesday to reopen the old ferry.';
    expect(pageScore(article, article)).toEqual({ precision: 1, recall: 1 });
    const withMenu = pageScore(`Home News Sport Weather Share this page ${article}`, article);
    expect(withMenu.recall).toBe(1);
    expect(withMenu.precision).toBeCloseTo(10 / 17);
    const cut = pageScore('The council voted seven to two on Tuesday.', article);
    expect(cut).toEqual({ precision: 1, recall: 5 / 10 });
    const all = overallScore([withMenu, cut]);
    expect(all.precision).toBeCloseTo((10 / 17 + 1) / 2);
    expect(all.f1).toBeCloseTo((2 * all.precision * all.recall) / (all.precision + all.recall));
  });
});
