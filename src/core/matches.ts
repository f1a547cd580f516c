/**
 * Where a query's words are in a text, as exact UTF-16 ranges of the original (combining marks
 * and all), and the few places worth showing as a result: the matching words in context.
 */
import { eachPlacedWord } from './fold';
import { isPrefixWord, type Query } from './query';

/** A range of the original text. */
export interface Span {
  start: number;
  end: number;
}

/** A piece of text shown as a result, with the matched words in it (offsets into the whole text). */
export interface Snippet extends Span {
  marks: Span[];
}

/** Every place the query's words (and phrases, as one range each) occur in `text` (in [from, to)), in order; stops after `enough`. */
export function matchesIn(text: string, query: Query, enough = Infinity, from = 0, to = Infinity): Span[] {
  if (!query.words.length) return [];
  const lastPrefix = query.words.length - 1;
  const matches = (word: string, wanted: string, prefix: boolean) => word === wanted || (prefix && word.startsWith(wanted));
  const inPhrase = new Set(query.phrases.flat());
  const longest = Math.max(1, ...query.phrases.map((p) => p.length));
  const single = query.words.map((w, i) => ({ w, prefix: isPrefixWord(query, i) })).filter(({ w }) => !inPhrase.has(w));
  const wanted = (word: string) => single.some(({ w, prefix }) => matches(word, w, prefix));
  /** The last words read, for phrases: each folded word with the place of the original word holding it. */
  const recent: { word: string; start: number; end: number }[] = [];
  const spans: Span[] = [];
  let lastEnd = -1;
  eachPlacedWord(
    text,
    (words, start, end) => {
      for (const word of words) {
        recent.push({ word, start, end });
        if (recent.length > longest) recent.shift();
        const phrase = query.phrases.find(
          (p) =>
            p.length <= recent.length &&
            p.every((w, k) => matches(recent[recent.length - p.length + k]!.word, w, k === p.length - 1 && isPrefixWord(query, lastPrefix))),
        );
        if (phrase) {
          const first = recent[recent.length - phrase.length]!;
          // A phrase takes the place of the words it holds already marked on their own.
          while (spans.length && spans[spans.length - 1]!.start >= first.start) spans.pop();
          spans.push({ start: first.start, end });
          lastEnd = end;
        } else if (end !== lastEnd && wanted(word)) {
          spans.push({ start, end });
          lastEnd = end;
        }
      }
      return spans.length >= enough;
    },
    from,
    to,
  );
  return spans;
}

/**
 * Up to `max` snippets of about `context` characters either side of the matches: the first is
 * the place with the most different matches close together, the others follow in text order.
 */
export function snippetsOf(text: string, spans: readonly Span[], max = 2, context = 60): Snippet[] {
  if (!spans.length) return [];
  const around = (i: number) => {
    const from = spans[i]!.start - context;
    const to = spans[i]!.end + context;
    return spans.filter((s) => s.start >= from && s.end <= to);
  };
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < spans.length; i++) {
    const distinct = new Set(around(i).map((s) => text.slice(s.start, s.end).toLowerCase())).size;
    if (distinct > bestCount) [best, bestCount] = [i, distinct];
  }
  const chosen = [best];
  for (let i = 0; i < spans.length && chosen.length < max; i++) {
    if (chosen.every((c) => Math.abs(spans[c]!.start - spans[i]!.start) > 2 * context)) chosen.push(i);
  }
  return chosen.map((i) => {
    const marks = around(i);
    const start = wordStart(text, Math.max(0, marks[0]!.start - context));
    const end = wordEnd(text, Math.min(text.length, marks[marks.length - 1]!.end + context));
    return { start, end, marks };
  });
}

/** Moves `at` forward to the start of a word (not into the middle of one), unless that leaves nothing. */
function wordStart(text: string, at: number): number {
  if (at === 0) return 0;
  const space = text.slice(at, at + 20).search(/\s/);
  return space < 0 ? at : at + space + 1;
}

/** Moves `at` back to the end of a word. */
function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const before = text.slice(Math.max(0, at - 20), at);
  const space = before.search(/\s\S*$/);
  return space < 0 ? at : at - before.length + space;
}

/** What choosing a result selects: its first match, with the matches that follow it as the next words (a query's words side by side). */
export function selectionOf(text: string, marks: readonly Span[]): Span {
  let end = marks[0]!.end;
  for (const mark of marks.slice(1)) {
    if (mark.start - end > 3 || /[\p{L}\p{N}]/u.test(text.slice(end, mark.start))) break;
    if (text.slice(mark.start, mark.end).toLowerCase() === text.slice(marks[0]!.start, marks[0]!.end).toLowerCase()) break;
    end = mark.end;
  }
  return { start: marks[0]!.start, end };
}
