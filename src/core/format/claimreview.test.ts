import { describe, expect, it } from 'vitest';
import { createClaim, type Article, type Claim } from '../model';
import type { JsonFile } from '../../testing/json';
import { toClaimReviews } from './claimreview';

const me = { id: 'me', name: 'Ana' };
const text = 'Izvestia says 2,000 troops went. It was a rescue, the ministry said. Critics disagree.';
const article: Article = {
  id: 'a',
  title: 'Troops',
  outlet: 'Daily',
  url: 'https://example.org/a',
  published: '2022-01-06',
  textSha256: 'x'.repeat(64),
  length: text.length,
  added: '2026-01-01T00:00:00.000Z',
};
const REVIEWS = 'https://desk.example/fact-checks/troops';

function claim(words: string, label: 'sourced' | 'disputed' | 'opinion', note?: string): Claim {
  const start = text.indexOf(words);
  const c = createClaim(text, 'a', { start, end: start + words.length }, label, me, '2026-11-23T10:00:00.000Z')!;
  return note ? { ...c, note } : c;
}

const attributed = (words: string) => ({ citation: words, attribution: { start: text.indexOf(words), end: text.indexOf(words) + words.length, exact: words } });

/**
 * Google's fact-check structured data guidance, as checks: what is required (claimReviewed,
 * reviewRating with alternateName, url) and what the recommended properties must be when present.
 */
function guidanceProblems(review: JsonFile): string[] {
  const problems: string[] = [];
  const isUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);
  const isAgent = (v: JsonFile) => v && ['Person', 'Organization'].includes(v['@type']) && typeof v.name === 'string' && v.name.trim() !== '';
  if (review['@context'] !== 'https://schema.org' || review['@type'] !== 'ClaimReview') problems.push('@type');
  if (typeof review.claimReviewed !== 'string' || !review.claimReviewed.trim()) problems.push('claimReviewed');
  if (!isUrl(review.url)) problems.push('url');
  const rating = review.reviewRating;
  if (rating?.['@type'] !== 'Rating' || typeof rating.alternateName !== 'string') problems.push('reviewRating');
  if (rating && !(rating.worstRating <= rating.ratingValue && rating.ratingValue <= rating.bestRating)) problems.push('ratingValue');
  if (review.author !== undefined && !isAgent(review.author)) problems.push('author');
  if (review.datePublished !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(review.datePublished)) problems.push('datePublished');
  const item = review.itemReviewed;
  if (item !== undefined) {
    if (item['@type'] !== 'Claim') problems.push('itemReviewed');
    if (item.author !== undefined && !isAgent(item.author)) problems.push('itemReviewed.author');
    if (item.datePublished !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?/.test(item.datePublished)) problems.push('itemReviewed.datePublished');
    const appearance = item.appearance;
    if (
      appearance !== undefined &&
      !(isUrl(appearance) || (typeof appearance['@type'] === 'string' && (appearance.url === undefined || isUrl(appearance.url))))
    )
      problems.push('appearance');
  }
  return problems;
}

describe('toClaimReviews', () => {
  it('reviews disputed and sourced claims with a note, and nothing else, as Google’s guidance asks', () => {
    const troops = { ...claim('2,000 troops went', 'sourced', 'Confirmed by the ministry.'), sources: [{ citation: 'Izvestia', url: 'https://iz.ru/1' }] };
    const rescue = { ...claim('It was a rescue', 'disputed', 'Contradicted by witnesses.'), sources: [attributed('the ministry')] };
    const reviews = toClaimReviews(
      [{ article, text, claims: [troops, rescue, claim('Critics disagree.', 'opinion', 'n'), claim('Izvestia', 'disputed')] }],
      REVIEWS,
    );
    expect(reviews).toHaveLength(2);
    expect(reviews.flatMap(guidanceProblems)).toEqual([]);
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: REVIEWS,
      claimReviewed: '2,000 troops went',
      reviewBody: 'Confirmed by the ministry.',
      datePublished: '2026-11-23',
      author: { '@type': 'Person', name: 'Ana' },
      reviewRating: { '@type': 'Rating', ratingValue: 5, worstRating: 1, bestRating: 5, alternateName: 'Sourced' },
      // The sourced claim's citation is its evidence, not its author.
      itemReviewed: {
        '@type': 'Claim',
        datePublished: '2022-01-06',
        appearance: {
          '@type': 'NewsArticle',
          headline: 'Troops',
          url: 'https://example.org/a',
          publisher: { '@type': 'Organization', name: 'Daily' },
          datePublished: '2022-01-06',
        },
        citation: ['https://iz.ru/1'],
      },
    });
    expect(reviews[1]).toMatchObject({
      reviewRating: { ratingValue: 1, alternateName: 'Disputed' },
      itemReviewed: { author: { '@type': 'Organization', name: 'the ministry' } },
    });
  });

  it('names a person the text attributes a claim to as a Person, and leaves out a date that is not ISO', () => {
    const said = { ...claim('It was a rescue', 'disputed', 'No.'), sources: [attributed('Critics')] };
    const [review] = toClaimReviews([{ article: { ...article, published: 'Issue 12' }, text, claims: [said] }], REVIEWS) as JsonFile[];
    expect(review.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Critics' });
    expect(review.itemReviewed.datePublished).toBeUndefined();
    expect(review.itemReviewed.appearance.datePublished).toBeUndefined();
    expect(guidanceProblems(review)).toEqual([]);
    // The checks can fail: a review without its page, with a Thing as the claim's author.
    expect(guidanceProblems({ ...review, url: undefined, itemReviewed: { ...review.itemReviewed, author: { '@type': 'Thing', name: 'x' } } })).toEqual([
      'url',
      'itemReviewed.author',
    ]);
  });
});
