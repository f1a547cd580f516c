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

/** Claims as passages (orphans, having no words here, aside). */
export function claimPassages(articleId: string, claims: readonly Claim[]): Passage[] {
  return claims.filter((c) => !isOrphan(c)).map((c) => ({ articleId, start: c.start, end: c.end, text: c.exact, claimId: c.id, words: contentWords(c.exact) }));
}

/**
 * Text given to the sentence segmenter at a time, cut at a line break. Node 20's Intl.Segmenter
 * slows down faster than the text grows (a 1 MB article: 11 s at once, 0.3 s in parts of 5,000
 * characters; Chromium's is linear), and the parts double as steps of background work in the
 * page. A sentence never spans a line break, so the parts give the same sentences.
 */
const SEGMENT_PART = 5_000;

/** The end of the part of `text` that starts at `from`: the line break after SEGMENT_PART characters, or `to`. */
export function partEnd(text: string, from: number, to = text.length): number {
  const cut = text.indexOf('\n', from + SEGMENT_PART);
  return cut === -1 || cut >= to ? to : cut + 1;
}

/** The sentences of text[from, to) as passages; `from` and `to` should fall at line breaks. */
export function sentencePassages(articleId: string, text: string, from = 0, to = text.length): Passage[] {
  const out: Passage[] = [];
  for (let at = from; at < to;) {
    const end = partEnd(text, at, to);
    for (const s of sentences.segment(text.slice(at, end))) {
      const range = claimRange(text, { start: at + s.index, end: at + s.index + s.segment.length });
      if (!range) continue;
      const words = contentWords(text.slice(range.start, range.end));
      if (words.length >= 3) out.push({ articleId, ...range, text: text.slice(range.start, range.end), words });
    }
    at = end;
  }
  return out;
}

/**
 * Passages by the words they contain, so a statement is scored only against passages that share
 * a word with it, not against every sentence of the library.
 */
export class PassageIndex {
  private readonly passages: Passage[] = [];
  private readonly byWord = new Map<string, number[]>();
  private readonly ofArticle = new Map<string, number[]>();
  private readonly dropped = new Set<number>();

  add(passages: readonly Passage[]): void {
    for (const passage of passages) {
      const at = this.passages.push(passage) - 1;
      const mine = this.ofArticle.get(passage.articleId);
      if (mine) mine.push(at);
      else this.ofArticle.set(passage.articleId, [at]);
      for (const word of passage.words) {
        const list = this.byWord.get(word);
        if (list) list.push(at);
        else this.byWord.set(word, [at]);
      }
    }
  }

  /**
   * The passages that share content words with `statement`, those sharing the most first, at
   * most `limit`: in a library about one subject its common words are everywhere, and scoring
   * every sentence that names "CSTO" would block the page.
   */
  candidates(statement: string, limit = 2000): Passage[] {
    const shared = new Map<number, number>();
    for (const word of contentWords(statement)) {
      for (const at of this.byWord.get(word) ?? []) if (!this.dropped.has(at)) shared.set(at, (shared.get(at) ?? 0) + 1);
    }
    return [...shared]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([at]) => this.passages[at]!);
  }

  /** Takes out every passage of an article, whose claims or text may have changed since they were added. */
  drop(articleId: string): void {
    for (const at of this.ofArticle.get(articleId) ?? []) this.dropped.add(at);
    this.ofArticle.delete(articleId);
  }
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
export function linkClaims(threads: readonly ClaimThread[], a: Claim, b: string, now: string): { put: ClaimThread; removed: ClaimThread | null } {
  const ofA = threads.find((t) => t.claimIds.includes(a.id));
  const ofB = threads.find((t) => t.claimIds.includes(b));
  const base = ofA ?? ofB ?? { id: newId(), title: a.exact.length > 120 ? `${a.exact.slice(0, 119)}…` : a.exact, claimIds: [], created: now, modified: now };
  const claimIds = [...new Set([...base.claimIds, ...(ofA && ofB && ofA !== ofB ? ofB.claimIds : []), a.id, b])];
  return { put: { ...base, claimIds, modified: now }, removed: ofA && ofB && ofA !== ofB ? ofB : null };
}
