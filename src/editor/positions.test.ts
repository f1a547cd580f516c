import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText } from '../core/text';
import { CORPUS_FILES, readCorpus } from '../testing/corpus';
import { ArticleDoc } from './positions';
import { SECTION_LINES } from './schema';

describe('ArticleDoc', () => {
  const texts = [
    ...CORPUS_FILES.map((f) => normalizeText(readCorpus(f))),
    '',
    '\n',
    'one line',
    'a\n\nb\n',
    Array.from({ length: SECTION_LINES * 2 + 7 }, (_, i) => (i % 3 ? `line ${i} 😀` : '')).join('\n'),
  ];

  it('maps every text offset to a position and back', () => {
    for (const text of texts) {
      const article = new ArticleDoc(text);
      for (let offset = 0; offset <= text.length; offset++) {
        expect(article.toOffset(article.toPos(offset))).toBe(offset);
      }
    }
  });

  it('yields the exact text between any two offsets, lines joined by newlines', () => {
    for (const text of texts) {
      const article = new ArticleDoc(text);
      expect(article.doc.textBetween(0, article.doc.content.size, '\n')).toBe(text);
      fc.assert(
        fc.property(fc.nat(text.length), fc.nat(text.length), (x, y) => {
          const [a, b] = x < y ? [x, y] : [y, x];
          expect(article.doc.textBetween(article.toPos(a), article.toPos(b), '\n')).toBe(text.slice(a, b));
        }),
      );
    }
  });

  it('groups lines into sections', () => {
    const text = Array.from({ length: SECTION_LINES * 2 + 1 }, (_, i) => `l${i}`).join('\n');
    expect(new ArticleDoc(text).doc.childCount).toBe(3);
  });

  it('counts sections by the characters they hold, at least one at a time', () => {
    // Three sections: short lines, long lines (a paragraph each), short lines again.
    const lines = Array.from({ length: SECTION_LINES * 3 }, (_, i) => (i >= SECTION_LINES && i < SECTION_LINES * 2 ? 'x'.repeat(700) : 'short'));
    const article = new ArticleDoc(lines.join('\n'));
    const size = (i: number) => article.doc.child(i).nodeSize;
    expect(article.sectionsFilling(0, 10)).toBe(1);
    expect(article.sectionsFilling(0, size(0) + 1)).toBe(2);
    expect(article.sectionsFilling(1, 1)).toBe(2);
    expect(article.sectionsFilling(0, 10_000_000)).toBe(3);
    expect(article.sectionsFilling(3, 10)).toBe(3);
  });
});
