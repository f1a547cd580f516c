/**
 * The page map of an article made from a paged original (a PDF): where each page starts in the
 * text. Pages are numbered from 1; `starts[n - 1]` is where page n starts, the first is 0, and the
 * starts ascend. The map adds nothing to the text: offsets still index the stored text.
 */
import { lastAtOrBelow } from './sorted';

/** The pages (numbered from 1) the text from `start` to `end` lies on. */
export function pagesOf(starts: readonly number[], start: number, end: number): number[] {
  if (!starts.length) return [];
  const first = lastAtOrBelow(starts, start);
  const last = Math.max(first, lastAtOrBelow(starts, Math.max(start, end - 1)));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i + 1);
}

/** Why `starts` is not a page map of a text of `length`, or null when it is one. */
export function pageMapProblem(starts: readonly number[], length: number): string | null {
  if (starts[0] !== 0) return 'the first page must start at 0';
  for (let i = 1; i < starts.length; i++) {
    if (starts[i]! <= starts[i - 1]!) return `page ${i + 1} does not start after page ${i}`;
  }
  if (starts[starts.length - 1]! > length) return `page ${starts.length} starts past the end of the text`;
  return null;
}
