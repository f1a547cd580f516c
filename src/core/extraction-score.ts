/**
 * How well an article was extracted from a page, by the metric of the article-extraction
 * benchmark: tokens are runs of word characters (any script, lower-cased), a text is the
 * multiset of its 4-token shingles, and precision and recall count the shingles shared with a
 * hand-made article body. Scores are averaged over pages, and F1 is taken from the averages.
 */

/** The text's tokens: runs of letters, digits and underscores (Python's `\w+`), lower-cased. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** The multiset of `n`-token shingles (a text shorter than `n` tokens is one shingle). */
export function shingles(text: string, n = 4): Map<string, number> {
  const words = tokens(text);
  const counts = new Map<string, number>();
  const add = (shingle: string) => counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  if (words.length && words.length < n) add(words.join(' '));
  for (let i = 0; i + n <= words.length; i++) add(words.slice(i, i + n).join(' '));
  return counts;
}

/** Precision and recall of one extracted text against the expected one. */
export interface PageScore {
  precision: number;
  recall: number;
}

export function pageScore(extracted: string, expected: string): PageScore {
  const ours = shingles(extracted);
  const theirs = shingles(expected);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  let shared = 0;
  for (const [shingle, n] of ours) shared += Math.min(n, theirs.get(shingle) ?? 0);
  const [mine, wanted] = [total(ours), total(theirs)];
  if (!mine && !wanted) return { precision: 1, recall: 1 };
  return { precision: mine ? shared / mine : 0, recall: wanted ? shared / wanted : 0 };
}

/** Precision and recall averaged over pages, and F1 from those averages. */
export function overallScore(pages: readonly PageScore[]): PageScore & { f1: number } {
  const mean = (pick: (p: PageScore) => number) => (pages.length ? pages.reduce((sum, p) => sum + pick(p), 0) / pages.length : 0);
  const precision = mean((p) => p.precision);
  const recall = mean((p) => p.recall);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
