/**
 * The quote of a range: its exact text and the context around it (the W3C
 * TextQuoteSelector), which is what lets a claim find its words again in another version.
 */
import type { Range } from './selection';
import { splitsSurrogatePair } from './text';

/** Context kept on each side of a claim, in code points. */
export const CONTEXT_CODE_POINTS = 32;

/** The exact text of a range with up to 32 code points of prefix and suffix. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** UTF-16 offset `count` code points before `offset` (or 0). */
function codePointsBefore(text: string, offset: number, count: number): number {
  let at = offset;
  for (let n = 0; n < count && at > 0; n++) {
    at--;
    if (splitsSurrogatePair(text, at)) at--;
  }
  return at;
}

/** UTF-16 offset `count` code points after `offset` (or the text's end). */
function codePointsAfter(text: string, offset: number, count: number): number {
  let at = offset;
  for (let n = 0; n < count && at < text.length; n++) {
    at++;
    if (splitsSurrogatePair(text, at)) at++;
  }
  return at;
}

/** The quote of `range` (UTF-16 offsets) in `text`. */
export function quoteOf(text: string, range: Range): Quote {
  return {
    exact: text.slice(range.start, range.end),
    prefix: text.slice(codePointsBefore(text, range.start, CONTEXT_CODE_POINTS), range.start),
    suffix: text.slice(range.end, codePointsAfter(text, range.end, CONTEXT_CODE_POINTS)),
  };
}
