/**
 * Where a reviewer stands on another annotator's claim: reviewed once they agreed with it (a
 * claim of theirs on the same words with the same label, as "I agree" makes), labelled the same
 * words differently, or commented on it. The review queue and the Claims view read it the same way.
 */
import type { Claim, Label } from './model';

/** `yours` for the reviewer's own claims; `to review` until one of the others holds. */
export type ReviewState = 'yours' | 'to review' | 'agreed' | 'labelled differently' | 'commented';

/** The key of a claim's words in its article: claims on the same words share it. */
export function spanKey(claim: Pick<Claim, 'articleId' | 'start' | 'end'>): string {
  return `${claim.articleId}:${claim.start}:${claim.end}`;
}

/** What the state is read from: the reviewer's labels by words (spanKey), and the claims they commented on. */
export interface ReviewContext {
  mine: ReadonlyMap<string, Label>;
  commented: ReadonlySet<string>;
}

export function reviewStateOf(claim: Claim, me: string, { mine, commented }: ReviewContext): ReviewState {
  if (claim.annotator.id === me) return 'yours';
  const label = mine.get(spanKey(claim));
  if (label) return label === claim.label ? 'agreed' : 'labelled differently';
  return commented.has(claim.id) ? 'commented' : 'to review';
}

/** Whether a state counts as reviewed. */
export function isReviewed(state: ReviewState): boolean {
  return state !== 'to review' && state !== 'yours';
}
