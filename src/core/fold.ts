/**
 * Text folded for searching: lower case, without diacritics (Latin accents, Arabic harakat and
 * tatweel, any combining mark), compatibility forms unified (NFKD). Search compares folded
 * words; `eachPlacedWord` finds them where they stand in the original text.
 */

const MARKS = /[\p{M}\u0640]/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Folds one string: what the index stores and a query is compared as. */
export function foldString(text: string): string {
  // Plain ASCII (most English text) has no marks and no compatibility forms: lower case is all folding does.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(/ς/g, 'σ');
}

/**
 * A text folded whole, with checkpoints: where every piece of about 2,000 characters starts in
 * the folded text and in the original. Folding is character by character (pieces end at
 * whitespace, so even Greek final sigma folds the same), so a place found in the folded text
 * has a checkpoint at or before it from which to read the original.
 */
export interface FoldedText {
  text: string;
  /** Pairs: [folded offset, original offset], ascending. */
  checkpoints: Uint32Array;
}

const PIECE = 2000;

export function foldText(source: string): FoldedText {
  const parts: string[] = [];
  const checkpoints: number[] = [];
  let folded = 0;
  for (let at = 0; at < source.length;) {
    let end = Math.min(source.length, at + PIECE);
    if (end < source.length) {
      const space = source.indexOf(' ', end);
      end = space < 0 ? source.length : space + 1;
    }
    const part = foldString(source.slice(at, end));
    checkpoints.push(folded, at);
    parts.push(part);
    folded += part.length;
    at = end;
  }
  return { text: parts.join(''), checkpoints: Uint32Array.from(checkpoints) };
}

/**
 * The original range holding folded offset `at`: its piece and the next (a phrase can run on
 * into it), as [start, end) offsets of the original.
 */
export function originalAround(folded: FoldedText, at: number, length: number): [number, number] {
  const { checkpoints } = folded;
  let lo = 0;
  let hi = checkpoints.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (checkpoints[mid * 2]! <= at) lo = mid;
    else hi = mid - 1;
  }
  if (!checkpoints.length) return [0, length];
  return [checkpoints[lo * 2 + 1]!, lo * 2 + 5 < checkpoints.length ? checkpoints[lo * 2 + 5]! : length];
}

/** A word of folded text: letters and digits, or a run of emoji (joined by ZWJ, with skin tones). */
const WORD = /[\p{L}\p{N}]+|\p{Extended_Pictographic}(?:[\u200d\p{Emoji_Modifier}]|\p{Extended_Pictographic})*/gu;

/**
 * A word of original text: letters, digits and the marks on them (tatweel is a letter), emoji
 * with their joiners, selectors and any marks or tatweel between them (folding drops those, joining the emoji), or one other symbol (a compatibility symbol such as ℃ or ⻳
 * folds to letters). A compatibility symbol written against letters ("x⻳") is the one case
 * where the index (one folded word) and the marks (two) differ.
 */
const ORIGINAL_WORD = /[\p{L}\p{N}\p{M}]+|\p{Extended_Pictographic}(?:[\u200d\u0640\p{M}\p{Emoji_Modifier}]|\p{Extended_Pictographic})*|\p{S}/gu;

const foldedWords = new Map<string, string[]>();

/**
 * Calls `take` with each word of original text starting in [from, to) (`from` a word's start), as the folded words it holds (usually one),
 * and its place, until `take` returns true: the same words the index finds in the folded text,
 * found where they stand in the original, so a match selects exactly the original's characters,
 * combining marks and all.
 */
export function eachPlacedWord(text: string, take: (words: readonly string[], start: number, end: number) => boolean | void, from = 0, to = Infinity): void {
  const pattern = new RegExp(ORIGINAL_WORD.source, 'gu');
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) {
    let words = foldedWords.get(m[0]);
    if (!words) {
      words = searchWords(m[0]);
      if (foldedWords.size > 50_000) foldedWords.clear();
      foldedWords.set(m[0], words);
    }
    if (words.length && take(words, m.index, m.index + m[0].length)) return;
  }
}

/** The words of a string, folded: how the index and the query split text. */
export function searchWords(text: string): string[] {
  return foldString(text).match(WORD) ?? [];
}
