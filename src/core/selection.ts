/**
 * Turning whatever range a person selected into the range a claim should cover: trimmed of
 * whitespace at both edges and widened to whole user-perceived characters, so a claim never
 * splits a surrogate pair, an emoji sequence, or a base letter from its combining marks
 * (Arabic harakat, accents).
 */

/** A half-open range [start, end) of UTF-16 offsets into a text. */
export interface Range {
  start: number;
  end: number;
}

/** Unicode White_Space, which includes the no-break space some articles use as blank lines. */
const WHITESPACE = /\s/u;

/** How far around a boundary to look for the grapheme cluster it may fall inside. */
const CLUSTER_WINDOW = 64;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Start of the grapheme cluster containing the character at `offset`. */
function clusterStart(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return Math.max(0, Math.min(offset, text.length));
  const from = Math.max(0, offset - CLUSTER_WINDOW);
  const segment = graphemes.segment(text.slice(from, offset + CLUSTER_WINDOW)).containing(offset - from);
  return segment ? from + segment.index : offset;
}

/** End of the grapheme cluster containing the character just before `offset`. */
function clusterEnd(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return Math.max(0, Math.min(offset, text.length));
  const from = Math.max(0, offset - CLUSTER_WINDOW);
  const segment = graphemes.segment(text.slice(from, offset + CLUSTER_WINDOW)).containing(offset - 1 - from);
  return segment ? from + segment.index + segment.segment.length : offset;
}

/**
 * True when `offset` lies between two user-perceived characters: not inside a surrogate pair,
 * an emoji sequence, or between a letter and its combining marks. Claims begin and end only
 * there. Plain text before U+0300 is decided without segmenting.
 */
export function isClusterBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before < 0x300 && after < 0x300) return !(before === 13 && after === 10);
  return clusterStart(text, offset) === offset;
}

/**
 * The claim range for a selection: whitespace trimmed from both edges, then each edge moved
 * outward to a grapheme cluster boundary. Null when nothing but whitespace was selected.
 */
export function claimRange(text: string, selection: Range): Range | null {
  let start = Math.max(0, Math.min(selection.start, selection.end));
  let end = Math.min(text.length, Math.max(selection.start, selection.end));
  while (start < end && WHITESPACE.test(text[start]!)) start++;
  while (end > start && WHITESPACE.test(text[end - 1]!)) end--;
  if (start === end) return null;
  return { start: clusterStart(text, start), end: clusterEnd(text, end) };
}
