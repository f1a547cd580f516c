/**
 * The words a person types into Search or Filter claims, read into what they ask for: words
 * (the last one a prefix while typing), quoted phrases, and filters such as `label:disputed`,
 * `by:ana`, `outlet:"The Times"`, `before:2024-06-01`, `has:source`, `is:orphan`. One reading
 * for the search, the Claims view and the overview's links, so the same words find the same
 * claims everywhere.
 */
import { foldString, searchWords } from './fold';
import { LABELS, type Label } from './model';

/** What a query asks for, folded for comparing. */
export interface Query {
  /** Words to find, folded, in order (phrase words included). */
  words: string[];
  /** Quoted phrases, each as its folded words. */
  phrases: string[][];
  /** Whether the last word is matched as a prefix (it was typed last and not closed by a space or quote). */
  lastIsPrefix: boolean;
  labels: Label[];
  /** Annotator names, folded: a claim by someone whose name contains one of them. */
  by: string[];
  /** Outlets, folded: an article whose outlet contains one of them. */
  outlets: string[];
  /** Published before this date (YYYY, YYYY-MM or YYYY-MM-DD), exclusive. */
  before?: string;
  /** Published on or after this date. */
  after?: string;
  /** `has:source` (true) or `no:source` (false). */
  hasSource?: boolean;
  /** `is:orphan`: claims whose words are no longer found. */
  orphan?: boolean;
  /** What could not be read, to show beside the field. */
  problems: string[];
}

const TOKEN = /(\w+):(?:"([^"]*)"?|(\S*))|"([^"]*)("?)|(\S+)/gu;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Whether the query asks anything of a claim itself (its label, annotator, sources, place): then only claims are results. */
export function asksOfClaims(query: Query): boolean {
  return query.labels.length > 0 || query.by.length > 0 || query.hasSource !== undefined || query.orphan !== undefined;
}

/** Whether the query has filters (of claims or of articles). */
export function hasFilters(query: Query): boolean {
  return asksOfClaims(query) || query.outlets.length > 0 || !!query.before || !!query.after;
}

/** Reads what a person typed. Unknown `name:` words are searched as words; bad filter values are named in `problems`. */
export function parseQuery(input: string): Query {
  const query: Query = { words: [], phrases: [], lastIsPrefix: false, labels: [], by: [], outlets: [], problems: [] };
  let lastWasWord = false;
  for (const m of input.matchAll(TOKEN)) {
    const [whole, key, quoted, bare, phrase, closed, word] = m;
    lastWasWord = false;
    if (key !== undefined) {
      const value = (quoted ?? bare ?? '').trim();
      if (!filter(query, key.toLowerCase(), value)) {
        const words = searchWords(whole);
        query.words.push(...words);
        lastWasWord = words.length > 0;
      }
    } else if (phrase !== undefined) {
      const words = searchWords(phrase);
      if (words.length > 1) query.phrases.push(words);
      query.words.push(...words);
      lastWasWord = !closed && words.length > 0;
    } else if (word !== undefined) {
      const words = searchWords(word);
      query.words.push(...words);
      lastWasWord = words.length > 0;
    }
  }
  query.lastIsPrefix = lastWasWord && !/\s$/.test(input);
  return query;
}

/** Applies one `key:value` filter; false when `key` names no filter. */
function filter(query: Query, key: string, value: string): boolean {
  switch (key) {
    case 'label': {
      const label = LABELS.find((l) => l.startsWith(value.toLowerCase()) && value);
      if (label) query.labels.push(label);
      else query.problems.push(`label: takes ${LABELS.join(', ')}; “${value}” is none of them.`);
      return true;
    }
    case 'by':
      if (value) query.by.push(foldString(value));
      return true;
    case 'outlet':
      if (value) query.outlets.push(foldString(value));
      return true;
    case 'before':
    case 'after':
      if (DATE.test(value)) query[key] = value;
      else query.problems.push(`${key}: takes a date such as 2024-06-01, 2024-06 or 2024; “${value}” is not one.`);
      return true;
    case 'has':
    case 'no':
      if (value === 'source' || value === 'sources') query.hasSource = key === 'has';
      else query.problems.push(`${key}: takes “source”.`);
      return true;
    case 'is':
      if (value === 'orphan') query.orphan = true;
      else query.problems.push('is: takes “orphan”.');
      return true;
    default:
      return false;
  }
}

/** Whether word i of the query is matched as a prefix of the text's words. */
export function isPrefixWord(query: Query, i: number): boolean {
  return query.lastIsPrefix && i === query.words.length - 1 && query.words[i]!.length >= 2;
}

/** What the filters read of an article. */
export interface ArticleFacetFields {
  outlet?: string;
  published?: string;
}

/** What the filters read of a claim. */
export interface ClaimFacetFields {
  label: Label;
  annotatorName: string;
  sources: number;
  orphan: boolean;
}

/** Whether an article passes the query's article filters (outlet, dates). */
export function articlePasses(query: Query, article: ArticleFacetFields): boolean {
  if (query.outlets.length) {
    const outlet = foldString(article.outlet ?? '');
    if (!query.outlets.some((o) => outlet.includes(o))) return false;
  }
  if (query.before && !(article.published && article.published < query.before)) return false;
  if (query.after && !(article.published && article.published.slice(0, query.after.length) >= query.after)) return false;
  return true;
}

/** Whether a claim passes the query's claim filters (label, annotator, sources, orphan). */
export function claimPasses(query: Query, claim: ClaimFacetFields): boolean {
  if (query.labels.length && !query.labels.includes(claim.label)) return false;
  if (query.by.length) {
    const name = foldString(claim.annotatorName);
    if (!query.by.some((b) => name.includes(b))) return false;
  }
  if (query.hasSource !== undefined && query.hasSource !== claim.sources > 0) return false;
  if (query.orphan && !claim.orphan) return false;
  return true;
}

/** A filter word for a value, quoted when it has spaces: how the overview links to the Claims view. */
export function filterWord(key: 'label' | 'by' | 'outlet' | 'before' | 'after', value: string): string {
  return /[\s"]/.test(value) ? `${key}:"${value.replace(/"/g, '')}"` : `${key}:${value}`;
}
