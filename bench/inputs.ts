/**
 * Deterministic bench inputs: articles of a given size in realistic paragraphs (words drawn from
 * the corpus, with right-to-left and astral words mixed in), claims on them, and edited copies.
 */
import { selectorsOf, type Selectors } from '../src/core/anchor';
import { makeArticle } from '../src/core/article';
import { toExportFile, type ArticleBundle } from '../src/core/format/export';
import { LABELS, type Claim } from '../src/core/model';
import { CORPUS_FILES, readCorpus } from '../src/testing/corpus';

/**
 * A seeded pseudo-random source (mulberry32): the same seed, the same inputs. Unlike a plain
 * linear congruential generator, nearby seeds give unrelated streams.
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const VOCABULARY = [
  ...new Set(CORPUS_FILES.flatMap((f) => readCorpus(f).split(/\s+/)).filter((w) => /^[\p{L}\p{N}’'-]+[,.;:]?$/u.test(w))),
  'قوات',
  'حفظ',
  'السلام',
  'مُعَاهَدَة',
  '😀',
  '👩‍💼',
  '🇦🇲',
];

/** An article of about `length` UTF-16 units: paragraphs of 3–8 sentences of 8–25 words. */
export function article(length: number, seed: number): string {
  const random = seeded(seed);
  const pick = () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    const sentences: string[] = [];
    for (let s = 3 + Math.floor(random() * 6); s > 0; s--) {
      const words = Array.from({ length: 8 + Math.floor(random() * 18) }, pick);
      const first = words[0]!;
      words[0] = first.charAt(0).toUpperCase() + first.slice(1);
      sentences.push(`${words.join(' ').replace(/[,.;:]$/, '')}.`);
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 1;
  }
  return paragraphs.join('\n');
}

/** `count` claims of 4–30 words each, starting and ending at word edges, from a seed. */
export function claimsOn(text: string, count: number, seed: number): Selectors[] {
  const random = seeded(seed);
  const claims: Selectors[] = [];
  while (claims.length < count) {
    let start = Math.floor(random() * text.length);
    while (start > 0 && text[start - 1] !== ' ' && text[start - 1] !== '\n') start--;
    let end = start;
    for (let words = 4 + Math.floor(random() * 27); words > 0 && end < text.length; words--) {
      end = text.indexOf(' ', end + 1);
      if (end < 0) end = text.length;
    }
    if (end > start) claims.push(selectorsOf(text, { start, end }));
  }
  return claims;
}

/** The text with `count` scattered edits: a word inserted, a word deleted, or a letter changed. */
export function edited(text: string, count: number, seed: number): string {
  const random = seeded(seed);
  const places = Array.from({ length: count }, () => Math.floor(random() * text.length)).sort((a, b) => b - a);
  let out = text;
  for (const at of places) {
    const kind = random();
    if (kind < 0.34) out = `${out.slice(0, at)} inserted${out.slice(at)}`;
    else if (kind < 0.67) out = out.slice(0, at) + out.slice(out.indexOf(' ', at + 1) + 1 || at);
    else if (/\p{L}/u.test(out[at] ?? '')) out = `${out.slice(0, at)}x${out.slice(at + 1)}`;
  }
  return out;
}

const ANNOTATOR = { id: 'bench', name: 'Bench' };
const NOW = '2026-11-23T00:00:00.000Z';

/** One generated article with `count` claims (labels from the seed), ready to export. */
async function bundleOf(text: string, count: number, seed: number, title: string): Promise<ArticleBundle> {
  const random = seeded(seed + 1);
  const { article } = await makeArticle(text, { title });
  const claims: Claim[] = claimsOn(text, count, seed).map((sel, i) => ({
    id: `bench-${seed}-${i}`,
    articleId: article.id,
    label: LABELS[Math.floor(random() * 3)]!,
    ...sel,
    sources: [],
    annotator: ANNOTATOR,
    created: NOW,
    modified: NOW,
  }));
  return { article, text, claims };
}

/** A claimtrail export of one generated article with `count` claims, as JSON. */
export async function exportFileOf(text: string, count: number, seed: number, title: string): Promise<string> {
  return JSON.stringify(toExportFile([await bundleOf(text, count, seed, title)], ANNOTATOR, NOW, 'claimtrail bench'));
}

/** A claimtrail export of `articles` generated articles of `size` each with `each` claims, as JSON. */
export async function libraryFileOf(articles: number, size: number, each: number, seed: number): Promise<string> {
  const bundles: ArticleBundle[] = [];
  for (let i = 0; i < articles; i++) bundles.push(await bundleOf(article(size, seed + i), each, seed + i, `Generated article ${i + 1}`));
  return JSON.stringify(toExportFile(bundles, ANNOTATOR, NOW, 'claimtrail bench'));
}
