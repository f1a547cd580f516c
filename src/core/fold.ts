/**
 * Text folded for searching: lower case, without diacritics (Latin accents, Arabic harakat and
 * tatweel, any combining mark), compatibility forms unified (NFKD). Search compares folded
 * words; `placedWords` finds them where they stand in the original text.
 */

const MARKS = /[\p{M}\u0640]/gu;

/** Folds one string: what the index stores and a query is compared as. */
export function foldString(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(/ς/g, 'σ');
}

/** A word of folded text: letters and digits, or a run of emoji (joined by ZWJ, with skin tones). */
const WORD = /[\p{L}\p{N}]+|\p{Extended_Pictographic}(?:[\u200d\p{Emoji_Modifier}]|\p{Extended_Pictographic})*/gu;

/**
 * A word of original text: letters, digits and the marks on them (tatweel is a letter), emoji
 * with their joiners and selectors, or one other symbol (a compatibility symbol such as ℃ or ⻳
 * folds to letters). A compatibility symbol written against letters ("x⻳") is the one case
 * where the index (one folded word) and the marks (two) differ.
 */
const ORIGINAL_WORD = /[\p{L}\p{N}\p{M}]+|\p{Extended_Pictographic}(?:[\u200d\ufe0f\p{Emoji_Modifier}]|\p{Extended_Pictographic})*|\p{S}/gu;

const foldedWords = new Map<string, string[]>();

/**
 * The words of original text, each as the folded words it holds (usually one) and its place:
 * the same words the index finds in the folded text, found where they stand in the original,
 * so a match selects exactly the original's characters, combining marks and all.
 */
export function* placedWords(text: string): Generator<{ words: string[]; start: number; end: number }> {
  for (const m of text.matchAll(ORIGINAL_WORD)) {
    let words = foldedWords.get(m[0]);
    if (!words) {
      words = searchWords(m[0]);
      if (foldedWords.size > 50_000) foldedWords.clear();
      foldedWords.set(m[0], words);
    }
    if (words.length) yield { words, start: m.index, end: m.index + m[0].length };
  }
}

/** The words of a string, folded: how the index and the query split text. */
export function searchWords(text: string): string[] {
  return foldString(text).match(WORD) ?? [];
}
