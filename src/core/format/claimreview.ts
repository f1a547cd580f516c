/**
 * schema.org ClaimReview (JSON-LD), as Google's fact-check guidance asks for it, for publishers
 * who mark up their fact checks: one review per claim labelled disputed or sourced that carries
 * a note (the note is the review's body). Required there: `claimReviewed`, `reviewRating` with
 * its `alternateName`, and `url`, the page that publishes the review (the person gives it: the
 * app asks, the CLI takes --review-url). The rating says which label: 1 of 5 for disputed, 5 of 5
 * for sourced. The claim's author is who the text attributes it to (a source's attribution), a
 * Person or an Organization; a source's citation is evidence about the claim, never its author.
 */
import { isoPublished } from '../dates';
import type { Article, Claim } from '../model';
import type { ArticleBundle } from './export';

/** Whether a claim makes a ClaimReview: disputed or sourced, with a note explaining it. */
export function reviewable(claim: Claim): boolean {
  return (claim.label === 'disputed' || claim.label === 'sourced') && !!claim.note?.trim() && claim.anchor?.status !== 'orphan';
}

/** Words that name an organisation rather than a person ("the Russian daily Izvestia", "the ministry"). */
const ORGANISATION =
  /\b(daily|newspaper|agency|news|times|post|press|ministry|government|office|council|committee|organi[sz]ation|institute|university|party|army|forces|bank|company|channel|tv|radio|website|site|journal|magazine|service|department)\b/i;

/** Who the claim's words are attributed to in the text, as schema.org names a claim's author. */
function claimAuthor(claim: Claim): object | undefined {
  const words = claim.sources.find((s) => s.attribution)?.attribution?.exact.trim();
  if (!words) return undefined;
  return { '@type': ORGANISATION.test(words) ? 'Organization' : 'Person', name: words };
}

/** A publication date as schema.org takes it: ISO 8601 only; anything else is left out, never guessed. */
function isoDate(value: string | undefined): string | undefined {
  return value && isoPublished(value) ? value.trim() : undefined;
}

function appearance(article: Article): object {
  const published = isoDate(article.published);
  return {
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.url ? { url: article.url } : {}),
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    ...(article.outlet ? { publisher: { '@type': 'Organization', name: article.outlet } } : {}),
    ...(published ? { datePublished: published } : {}),
  };
}

/** The ClaimReview objects for the reviewable claims of these articles, published at `reviewUrl`. */
export function toClaimReviews(bundles: readonly ArticleBundle[], reviewUrl: string): object[] {
  return bundles.flatMap(({ article, claims }) =>
    claims.filter(reviewable).map((claim) => {
      const author = claimAuthor(claim);
      const published = isoDate(article.published);
      const citations = claim.sources.flatMap((s) => (s.url ? [s.url] : []));
      return {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: reviewUrl,
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
          ...(author ? { author } : {}),
          ...(published ? { datePublished: published } : {}),
          appearance: appearance(article),
          ...(citations.length ? { citation: citations } : {}),
        },
      };
    }),
  );
}
