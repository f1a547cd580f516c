/**
 * Claim threads: one statement followed through several articles. Finding passages elsewhere
 * that say the same (by wording), and joining claims into threads.
 */
import { isOrphan, newId, type Claim, type ClaimThread } from './model';
import { claimRange } from './selection';
import { contentWords, statementSimilarity } from './similarity';

/** A stretch of an article that may state the same as a claim: an existing claim or a sentence. */
export interface Passage {
  articleId: string;
  start: number;
  end: number;
  text: string;
  /** Set when the passage is a claim. */
  claimId?: string;
  words: string[];
}

/** A passage with its similarity to the claim it was found for. */
export interface PassageMatch extends Passage {
  score: number;
}

const sentences = new Intl.Segmenter('und', { granularity: 'sentence' });

/** The passages of one article: its claims (orphans aside) and its sentences. */
export function passagesOf(articleId: string, text: string, claims: readonly Claim[]): Passage[] {
  const out: Passage[] = claims
    .filter((c) => !isOrphan(c))
    .map((c) => ({ articleId, start: c.start, end: c.end, text: c.exact, claimId: c.id, words: contentWords(c.exact) }));
  for (const s of sentences.segment(text)) {
    const range = claimRange(text, { start: s.index, end: s.index + s.segment.length });
    if (!range) continue;
    const words = contentWords(text.slice(range.start, range.end));
    if (words.length >= 3) out.push({ articleId, ...range, text: text.slice(range.start, range.end), words });
  }
  return out;
}

/** Passages below this similarity are not offered. */
export const MATCH_THRESHOLD = 0.4;

/**
 * The passages most like `statement`, best first, at most `limit`; a sentence that an offered
 * claim overlaps is left out (the claim stands for it).
 */
export function similarPassages(statement: string, passages: readonly Passage[], limit = 5): PassageMatch[] {
  const words = contentWords(statement);
  const scored = passages
    .map((p) => ({ ...p, score: Math.round(statementSimilarity(words, p.words) * 100) / 100 }))
    .filter((p) => p.score >= MATCH_THRESHOLD)
    .sort((a, b) => b.score - a.score || Number(!!b.claimId) - Number(!!a.claimId));
  const chosen: PassageMatch[] = [];
  for (const p of scored) {
    const covered = chosen.some((c) => c.articleId === p.articleId && c.start < p.end && p.start < c.end);
    if (!covered) chosen.push(p);
    if (chosen.length === limit) break;
  }
  return chosen;
}

/** The thread changes that put claims `a` and `b` in one thread (joining two threads if need be). */
export function linkClaims(
  threads: readonly ClaimThread[],
  a: Claim,
  b: string,
  now: string,
): { put: ClaimThread; removed: ClaimThread | null } {
  const ofA = threads.find((t) => t.claimIds.includes(a.id));
  const ofB = threads.find((t) => t.claimIds.includes(b));
  const base = ofA ?? ofB ?? { id: newId(), title: a.exact.length > 120 ? `${a.exact.slice(0, 119)}…` : a.exact, claimIds: [], created: now, modified: now };
  const claimIds = [...new Set([...base.claimIds, ...(ofA && ofB && ofA !== ofB ? ofB.claimIds : []), a.id, b])];
  return { put: { ...base, claimIds, modified: now }, removed: ofA && ofB && ofA !== ofB ? ofB : null };
}
