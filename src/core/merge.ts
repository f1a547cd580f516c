/**
 * What an imported claim does to a library that may already hold a claim with its id. Claim ids
 * are unique across the library, and a file never rewrites someone's claim: "later `modified`
 * wins" applies only to the same claim — same article, same annotator, same words (or an
 * orphan of it placed since). Another article's id, or other words under that id, make a
 * different claim, which gets a new id; another annotator's name is refused.
 */
import { fnv1a } from './similarity';
import { isOrphan, type Claim, type UnlabelledClaim } from './model';

/** What to do with an imported claim. */
export type Merge = { kind: 'add' } | { kind: 'unchanged' } | { kind: 'update' } | { kind: 'rename'; why: string } | { kind: 'refuse'; why: string };

/** A UUID made from a string: the same string always gives the same UUID (version 8, FNV-based; not for security). */
export function stableUuid(seed: string): string {
  const hex = [1, 2, 3, 4].map((n) => fnv1a(`${n}:${seed}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The id an imported claim gets when its own is taken by a different claim: made from the id,
 * the text it is on and its words, so importing the same file again finds it instead of adding
 * it twice.
 */
export function renamedId(claim: Claim | UnlabelledClaim, textSha256: string): string {
  return stableUuid(`${claim.id}\u0000${textSha256}\u0000${claim.start}\u0000${claim.end}\u0000${claim.annotator.id}`);
}

const sameWords = (a: Claim | UnlabelledClaim, b: Claim | UnlabelledClaim) => a.start === b.start && a.end === b.end && a.exact === b.exact;

/**
 * The rule for one imported claim on article `articleId`, given the stored claim with its id
 * (if any) and the article that claim is on.
 */
export function mergeClaim(incoming: Claim, articleId: string, stored: { claim: Claim; articleId: string } | undefined): Merge {
  if (!stored) return { kind: 'add' };
  const { claim } = stored;
  if (stored.articleId !== articleId) return { kind: 'rename', why: 'its id is taken by a claim on another article' };
  if (claim.annotator.id !== incoming.annotator.id) {
    if (incoming.modified <= claim.modified) return { kind: 'unchanged' };
    return { kind: 'refuse', why: `it would replace ${claim.annotator.name}’s claim with one under ${incoming.annotator.name}’s name` };
  }
  if (!sameWords(claim, incoming) && !isOrphan(claim) && !isOrphan(incoming)) return { kind: 'rename', why: 'its id is taken by a claim on other words' };
  return incoming.modified > claim.modified ? { kind: 'update' } : { kind: 'unchanged' };
}
