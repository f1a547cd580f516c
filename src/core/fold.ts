/**
 * Text folded for searching: lower case, without diacritics (Latin accents, Arabic harakat and
 * tatweel, any combining mark), compatibility forms unified (NFKD). Search compares folded
 * words, and `foldWithMap` says where each folded unit came from, so a match found in the
 * folded text selects exactly the words of the original, their combining marks included.
 */

const MARKS = /[\p{M}\u0640]/gu;

/** Folds one string: what the index stores and a query is compared as. */
export function foldString(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(MARKS, '').replace(/ς/g, 'σ');
}

/** Folded text and, for each folded UTF-16 unit, the UTF-16 offset of the original character it came from. */
export interface Folded {
  text: string;
  /** `from[i]` is where folded unit i starts in the original; `from[text.length]` is the original's length. */
  from: Uint32Array;
}

const folds = new Map<string, string>();

function foldChar(char: string): string {
  let folded = folds.get(char);
  if (folded === undefined) {
    folded = foldString(char);
    if (folds.size < 10_000) folds.set(char, folded);
  }
  return folded;
}

/**
 * Folds `source` character by character, keeping the way back: the same result as
 * `foldString` (folding is per character once Greek final sigma is unified), with offsets.
 */
export function foldWithMap(source: string): Folded {
  const parts: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < source.length;) {
    const code = source.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (code < 0x80) {
      parts.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : source[i]!);
      from.push(i);
    } else {
      const folded = foldChar(source.slice(i, i + width));
      parts.push(folded);
      for (let k = 0; k < folded.length; k++) from.push(i);
    }
    i += width;
  }
  from.push(source.length);
  return { text: parts.join(''), from: Uint32Array.from(from) };
}

/**
 * The original range of folded units [start, end): up to where the next folded character
 * begins, so combining marks and tatweel after the last letter are part of it.
 */
export function originalRange(folded: Folded, start: number, end: number): { start: number; end: number } {
  return { start: folded.from[start]!, end: folded.from[end]! };
}

/** A word of folded text: letters and digits, or a run of emoji (joined by ZWJ, with skin tones). */
const WORD = /[\p{L}\p{N}]+|\p{Extended_Pictographic}(?:[\u200d\p{Emoji_Modifier}]|\p{Extended_Pictographic})*/gu;

/** The words of folded text, with where each starts and ends in it. */
export function wordsWithPlaces(folded: string): { word: string; start: number; end: number }[] {
  return [...folded.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** The words of a string, folded: how the index and the query split text. */
export function searchWords(text: string): string[] {
  return foldString(text).match(WORD) ?? [];
}
