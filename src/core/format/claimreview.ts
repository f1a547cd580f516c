/**
 * schema.org ClaimReview (JSON-LD) for publishers who mark up fact checks: one review per claim
 * labelled disputed or sourced that carries a note (the note is the review's body). The rating
 * says which: 1 of 5 for disputed, 5 of 5 for sourced, named by `alternateName`.
 */
import type { Claim } from '../model';
import type { ArticleBundle } from './export';

/** Whether a claim makes a ClaimReview: disputed or sourced, with a note explaining it. */
export function reviewable(claim: Claim): boolean {
  return (claim.label === 'disputed' || claim.label === 'sourced') && !!claim.note?.trim() && claim.anchor?.status !== 'orphan';
}

/** The ClaimReview objects for the reviewable claims of these articles. */
export function toClaimReviews(bundles: readonly ArticleBundle[]): object[] {
  return bundles.flatMap(({ article, claims }) => claims.filter(reviewable).map((claim) => {
    const attributed = claim.sources.find((s) => s.citation || s.attribution);
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: claim.exact,
      reviewBody: claim.note,
      datePublished: claim.modified.slice(0, 10),
      author: { '@type': 'Person', name: claim.annotator.name },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: claim.label === 'disputed' ? 1 : 5,
        worstRating: 1,
        bestRating: 5,
        alternateName: claim.label === 'disputed' ? 'Disputed' : 'Sourced',
      },
      itemReviewed: {
        '@type': 'Claim',
        ...(attributed ? { author: { '@type': 'Thing', name: attributed.citation ?? attributed.attribution!.exact } } : {}),
        appearance: {
          '@type': 'NewsArticle',
          headline: article.title,
          ...(article.url ? { url: article.url } : {}),
          ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
          ...(article.outlet ? { publisher: { '@type': 'Organization', name: article.outlet } } : {}),
          ...(article.published ? { datePublished: article.published } : {}),
        },
        ...(claim.sources.some((s) => s.url) ? { citation: claim.sources.flatMap((s) => (s.url ? [s.url] : [])) } : {}),
      },
    };
  }));
}
