/**
 * What a search answers, built from what the library index found: results grouped by article,
 * each with the few snippets and claims shown, and the test of quoted phrases. Only these few
 * pieces of text cross to the page.
 */
import { originalAround, type FoldedText } from './fold';
import { matchesIn, selectionOf, snippetsOf, type Span } from './matches';
import type { Article, Claim, Label } from './model';
import { isPrefixWord, type Query } from './query';

/** Words shown as a result: a piece of a text, where it starts in the whole, and the matches in it (offsets into the whole). */
export interface Shown {
  text: string;
  offset: number;
  /** The length of the whole text: whether the piece is cut at its end. */
  whole: number;
  marks: Span[];
}

/** A result shown for a search: the article's title or words, or a claim; `select` is what opening it selects. */
export type SearchHit =
  | { kind: 'title'; shown: Shown }
  | { kind: 'text'; shown: Shown; select: Span }
  | { kind: 'claim'; claimId: string; label: Label; annotator: string; quote: Shown; note?: Shown; select: Span };

/** One article's results. */
export interface SearchGroup {
  articleId: string;
  title: string;
  byline: string;
  score: number;
  hits: SearchHit[];
  /** Claims that matched beyond those shown. */
  moreClaims: number;
}

/** The search's answer: groups in rank order, and how many matched in all. */
export interface SearchAnswer {
  groups: SearchGroup[];
  articles: number;
  claims: number;
}

/** Matches looked for in an article's text to choose its snippets from: the first ones are enough. */
const SNIPPET_MATCHES = 6;
const MAX_CLAIMS_SHOWN = 5;

/** An article's part in a search's answer: its score, whether it matched itself, and its claims that did with their scores. */
export interface ArticleFound {
  score: number;
  article?: true;
  claims: Claim[];
  scores: number[];
}

/** A letter or digit just before a place: the place is inside a word. */
const WORD_END = /[\p{L}\p{N}]$/u;

/** Whether folded text holds every phrase of a query. */
export type PhraseTest = (folded: string) => boolean;

/**
 * The query's phrases as one test on folded text: their words in order with only non-words
 * between them, the last a prefix while it is being typed. A regular expression, far faster than
 * reading the text word by word; phrases with emoji fall back to reading the words.
 */
export function phraseTest(query: Query): PhraseTest {
  const tests = query.phrases.map((phrase): PhraseTest => {
    if (phrase.some((w) => !/^[\p{L}\p{N}]+$/u.test(w)))
      return (folded) => matchesIn(folded, { ...EMPTY, words: phrase.slice(), phrases: [phrase.slice()] }, 1).length > 0;
    const escaped = phrase.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const typing = isPrefixWord(query, query.words.length - 1) && query.words.at(-1) === phrase.at(-1);
    // Starting with the first word itself (not a look-behind) lets the engine skip ahead to it; what precedes is checked after.
    const pattern = new RegExp(`${escaped.join('[^\\p{L}\\p{N}]+')}${typing ? '' : '(?![\\p{L}\\p{N}])'}`, 'gu');
    return (folded) => {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
        if (!WORD_END.test(folded.slice(Math.max(0, m.index - 2), m.index))) return true;
        pattern.lastIndex = m.index + 1;
      }
      return false;
    };
  });
  return (folded) => tests.every((test) => test(folded));
}

/** The snippets of `text` around `spans`, with their words: only these few pieces cross to the page. */
function shownOf(text: string, spans: readonly Span[], max: number, context?: number): Shown[] {
  return snippetsOf(text, spans, max, context).map((s) => ({ text: text.slice(s.start, s.end), offset: s.start, whole: text.length, marks: s.marks }));
}

const EMPTY: Query = { words: [], phrases: [], lastIsPrefix: false, labels: [], by: [], outlets: [], problems: [] };

/**
 * The first matches of the query in an article's text, enough for its snippets: only the
 * pieces of text where a query word's folded form occurs (even inside another word) are read.
 */
function textMatches(text: string, folded: FoldedText | undefined, query: Query): Span[] {
  if (!folded) return matchesIn(text, query, SNIPPET_MATCHES);
  const places: number[] = [];
  for (const word of query.words) {
    for (let at = folded.text.indexOf(word), n = 0; at >= 0 && n < SNIPPET_MATCHES; at = folded.text.indexOf(word, at + word.length), n++) places.push(at);
  }
  const spans: Span[] = [];
  let readTo = 0;
  for (const place of places.sort((a, b) => a - b)) {
    const [from, to] = originalAround(folded, place, text.length);
    if (to <= readTo) continue;
    for (const span of matchesIn(text, query, SNIPPET_MATCHES - spans.length, Math.max(from, readTo), to)) spans.push(span);
    readTo = to;
    if (spans.length >= SNIPPET_MATCHES) break;
  }
  return spans;
}

/** One article's group of results: its title and words where they match, and its best claims. */
export function searchGroup(article: Article, text: string, folded: FoldedText | undefined, found: ArticleFound, query: Query): SearchGroup {
  const hits: SearchHit[] = [];
  if (found.article && query.words.length) {
    const titleMarks = matchesIn(article.title, query);
    if (titleMarks.length) hits.push({ kind: 'title', shown: { text: article.title, offset: 0, whole: article.title.length, marks: titleMarks } });
    for (const shown of shownOf(text, textMatches(text, folded, query), 2)) {
      hits.push({ kind: 'text', shown, select: selectionOf(text, shown.marks) });
    }
  }
  const order = found.claims.map((_, i) => i);
  const claims = (query.words.length ? order.sort((a, b) => found.scores[b]! - found.scores[a]!) : order).map((i) => found.claims[i]!);
  if (!query.words.length) claims.sort((a, b) => a.start - b.start);
  for (const claim of claims.slice(0, MAX_CLAIMS_SHOWN)) {
    const inQuote = matchesIn(claim.exact, query);
    const quote = claim.exact.length > 240 || inQuote.length ? shownOf(claim.exact, inQuote, 1, 120)[0] : undefined;
    const note = claim.note ? shownOf(claim.note, matchesIn(claim.note, query), 1)[0] : undefined;
    const within = inQuote.length ? selectionOf(claim.exact, inQuote) : null;
    hits.push({
      kind: 'claim',
      claimId: claim.id,
      label: claim.label,
      annotator: claim.annotator.name,
      quote: quote && claim.exact.length > 240 ? quote : { text: claim.exact, offset: 0, whole: claim.exact.length, marks: inQuote },
      ...(note ? { note } : {}),
      select: within ? { start: claim.start + within.start, end: claim.start + within.end } : { start: claim.start, end: claim.end },
    });
  }
  return {
    articleId: article.id,
    title: article.title,
    byline: [article.author, article.outlet, article.published].filter(Boolean).join(' · '),
    score: found.score,
    hits,
    moreClaims: Math.max(0, claims.length - MAX_CLAIMS_SHOWN),
  };
}
