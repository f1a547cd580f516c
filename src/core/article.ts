/**
 * Making a library article from text someone loaded: normalised text, fingerprint, and a
 * title taken from the text when none is given.
 */
import { META_KEYS, newId, nowIso, type Article, type ArticleFacts, type ArticleMeta } from './model';
import { pageMapProblem } from './pages';
import { normalizeText, sha256Hex } from './text';

/** Longest title taken from the text itself. */
const MAX_TITLE = 200;

/** The first non-empty line, without markdown heading marks, as a title. */
export function defaultTitle(text: string): string {
  for (const line of text.split('\n')) {
    const title = line
      .replace(/^\s{0,3}#{1,6}(?:\s+|$)/, '')
      .replace(/\s+#+\s*$/, '')
      .trim();
    if (title) return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
  }
  return 'Untitled article';
}

/** Metadata fields with blank values dropped and the rest trimmed. */
export function cleanMeta(meta: Partial<ArticleMeta>): Partial<ArticleMeta> {
  const clean: Partial<ArticleMeta> = {};
  for (const key of META_KEYS) {
    const value = meta[key]?.trim();
    if (value) clean[key] = value;
  }
  return clean;
}

/**
 * An article record and its normalised text, ready to store, with what reading its file found.
 * A page map must be of the normalised text: a reader that makes one normalises as it goes.
 */
export async function makeArticle(raw: string, meta: Partial<ArticleMeta> = {}, facts: ArticleFacts = {}): Promise<{ article: Article; text: string }> {
  const text = normalizeText(raw);
  const pageProblem = facts.pages && (text !== raw ? 'its text was not normalised' : pageMapProblem(facts.pages, text.length));
  if (pageProblem) throw new Error(`The page map does not fit the text: ${pageProblem}.`);
  const fields = cleanMeta(meta);
  const article: Article = {
    ...facts,
    ...fields,
    title: fields.title ?? defaultTitle(text),
    id: newId(),
    textSha256: await sha256Hex(text),
    length: text.length,
    added: nowIso(),
  };
  return { article, text };
}

/** Articles in the library's order: as they were added, then by title. */
export function libraryOrder(a: Article, b: Article): number {
  return a.added.localeCompare(b.added) || a.title.localeCompare(b.title);
}
