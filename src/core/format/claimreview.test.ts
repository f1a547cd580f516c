import { describe, expect, it } from 'vitest';
import { createClaim, type Article } from '../model';
import { toClaimReviews } from './claimreview';

const me = { id: 'me', name: 'Ana' };
const text = 'Izvestia says 2,000 troops went. It was a rescue. Critics disagree.';
const article: Article = { id: 'a', title: 'Troops', outlet: 'Daily', url: 'https://example.org/a', published: '2022-01-06', textSha256: 'x'.repeat(64), length: text.length, added: '2026-01-01T00:00:00.000Z' };

function claim(words: string, label: 'sourced' | 'disputed' | 'opinion', note?: string) {
  const start = text.indexOf(words);
  const c = createClaim(text, 'a', { start, end: start + words.length }, label, me, '2026-11-23T10:00:00.000Z')!;
  return note ? { ...c, note } : c;
}

describe('toClaimReviews', () => {
  it('reviews disputed and sourced claims with a note, and nothing else', () => {
    const troops = { ...claim('2,000 troops went', 'sourced', 'Confirmed by the ministry.'), sources: [{ citation: 'Izvestia', url: 'https://iz.ru/1' }] };
    const reviews = toClaimReviews([{ article, text, claims: [troops, claim('It was a rescue.', 'disputed', 'Contradicted by witnesses.'), claim('Critics disagree.', 'opinion', 'n'), claim('Izvestia', 'disputed')] }]);
    expect(reviews).toHaveLength(2);
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: '2,000 troops went',
      reviewBody: 'Confirmed by the ministry.',
      datePublished: '2026-11-23',
      author: { '@type': 'Person', name: 'Ana' },
      reviewRating: { '@type': 'Rating', ratingValue: 5, worstRating: 1, bestRating: 5, alternateName: 'Sourced' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Thing', name: 'Izvestia' },
        appearance: { '@type': 'NewsArticle', headline: 'Troops', url: 'https://example.org/a', publisher: { '@type': 'Organization', name: 'Daily' }, datePublished: '2022-01-06' },
        citation: ['https://iz.ru/1'],
      },
    });
    expect(reviews[1]).toMatchObject({ reviewRating: { ratingValue: 1, alternateName: 'Disputed' } });
  });
});
