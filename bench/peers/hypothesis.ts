/**
 * The bench's re-anchoring peer: quote anchoring as the Hypothesis client does it, written
 * afresh from its description (src/annotator/anchoring/match-quote.js): look for the exact
 * quote; if absent, approx-string-match with up to quote-length/2 errors; score every match on
 * quote (50), prefix (20), suffix (20) and position (2), and take the best at any score.
 */
import search from 'approx-string-match';

interface Match {
  start: number;
  end: number;
  errors: number;
}

function matches(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) exact.push({ start: at, end: at + pattern.length, errors: 0 });
  return exact.length ? exact : search(text, pattern, maxErrors);
}

function similarity(text: string, pattern: string): number {
  if (!pattern.length || !text.length) return 0;
  const found = matches(text, pattern, pattern.length);
  return found.length ? 1 - found[0]!.errors / pattern.length : 0;
}

/** The best match of `quote` in `text` and its score, or null when there is none within the error limit. */
export function matchQuote(
  text: string,
  quote: string,
  context: { prefix?: string; suffix?: string; hint?: number } = {},
): { start: number; end: number; score: number } | null {
  if (!quote.length) return null;
  const found = matches(text, quote, Math.min(256, quote.length / 2));
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of found) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const positionScore = context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}
