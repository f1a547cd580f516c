/**
 * How alike two texts are, in words: MinHash fingerprints of word shingles to find versions of
 * the same article (a repost, an excerpt), and word overlap to find the same statement in
 * other articles. Words are Unicode words (Intl.Segmenter), lower-cased, accents kept apart.
 */

const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** The words of a text, lower-cased, without punctuation or spacing. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of wordSegmenter.segment(text)) if (s.isWordLike) out.push(s.segment.toLowerCase());
  return out;
}

/** Words per shingle: long enough that two unrelated articles on one topic share almost none. */
const SHINGLE_WORDS = 5;

/** Hash functions in a fingerprint; the estimate's standard error is about 1/sqrt(n). */
const HASHES = 128;

/** A text's MinHash fingerprint over its word shingles, and how many shingles it has. */
export interface Fingerprint {
  shingles: number;
  minhash: number[];
}

/** FNV-1a, 32 bits: a fast, stable hash of a string (not for security). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The i-th of a family of hash functions, made by remixing one hash with a seed (murmur3's finalizer). */
function remix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => remix(i + 1, 0x9e3779b9));

/** Words read, or shingles hashed, between yields of `fingerprintSteps`: a step of 5,000 took 15 to 30 ms, a dropped frame while scrolling (a step runs in an idle moment, or after half a second anyway). */
const STEP = 1_000;

/**
 * The fingerprint of a text, made in steps: the generator yields after every few thousand
 * words, so a caller in the page can let input and paint run between steps (a 5 MB article
 * takes half a second in all). Its return value is the fingerprint.
 */
export function* fingerprintSteps(text: string): Generator<void, Fingerprint> {
  const window: string[] = [];
  const hashes = new Set<number>();
  let n = 0;
  for (const s of wordSegmenter.segment(text)) {
    if (!s.isWordLike) continue;
    window.push(s.segment.toLowerCase());
    if (window.length > SHINGLE_WORDS) window.shift();
    if (window.length === SHINGLE_WORDS) hashes.add(fnv1a(window.join(' ')));
    if (++n % STEP === 0) yield;
  }
  const minhash = new Array<number>(HASHES).fill(0xffffffff);
  for (const h of hashes) {
    for (let k = 0; k < HASHES; k++) {
      const v = remix(h, SEEDS[k]!);
      if (v < minhash[k]!) minhash[k] = v;
    }
    if (++n % STEP === 0) yield;
  }
  return { shingles: hashes.size, minhash };
}

/** The fingerprint of a text, in one go. */
export function fingerprint(text: string): Fingerprint {
  const steps = fingerprintSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * How much of the shorter text the longer one contains (0..1), estimated from fingerprints:
 * near 1 for a repost or an excerpt, near 0 for two articles that merely share a subject.
 */
export function containment(a: Fingerprint, b: Fingerprint): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a.minhash[k] === b.minhash[k]) same++;
  return containmentOf(same, a, b);
}

/** The containment of two fingerprints that hold the same value at `same` of their places. */
function containmentOf(same: number, a: Fingerprint, b: Fingerprint): number {
  if (!a.shingles || !b.shingles) return 0;
  const jaccard = same / HASHES;
  const union = (a.shingles + b.shingles) / (1 + jaccard);
  return Math.min(1, (jaccard * union) / Math.min(a.shingles, b.shingles));
}

/** Texts sharing at least this share of the shorter one are offered as versions of each other. */
export const VERSION_THRESHOLD = 0.5;

/** Shorter texts than this (in shingles) are too short to call versions of anything. */
const MIN_SHINGLES = 20;

/** A likely pair of versions of one text, by id, with the estimated containment. */
export interface VersionPair {
  a: string;
  b: string;
  score: number;
}

/** The text among `prints` that `print` most likely is a version of, and how much they share; null when none is. */
export function closestVersion(print: Fingerprint, prints: readonly { id: string; fingerprint: Fingerprint }[]): { id: string; score: number } | null {
  let best: { id: string; score: number } | null = null;
  for (const p of prints) {
    const score = containment(print, p.fingerprint);
    if (score >= VERSION_THRESHOLD && (!best || score > best.score)) best = { id: p.id, score };
  }
  return best;
}

/**
 * Every pair of the given texts that look like versions of each other, best first. Two
 * fingerprints share a part only where they hold the same value at the same place, so each is
 * compared only with those it shares a value with, found through an index of the values: a
 * library of 2,000 articles costs a few hundred thousand lookups, not two million comparisons.
 */
export function likelyVersions(prints: readonly { id: string; fingerprint: Fingerprint }[]): VersionPair[] {
  const holders = new Map<number, number[]>();
  const found: { i: number; j: number; score: number }[] = [];
  const same = new Map<number, number>();
  for (const [j, { fingerprint: b }] of prints.entries()) {
    if (b.shingles < MIN_SHINGLES) continue;
    same.clear();
    for (let k = 0; k < HASHES; k++) {
      const key = k * 2 ** 32 + b.minhash[k]!;
      const list = holders.get(key);
      if (!list) {
        holders.set(key, [j]);
        continue;
      }
      for (const i of list) same.set(i, (same.get(i) ?? 0) + 1);
      list.push(j);
    }
    for (const [i, count] of same) {
      const score = containmentOf(count, prints[i]!.fingerprint, b);
      if (score >= VERSION_THRESHOLD) found.push({ i, j, score: Math.round(score * 100) / 100 });
    }
  }
  return found.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j).map(({ i, j, score }) => ({ a: prints[i]!.id, b: prints[j]!.id, score }));
}

/** Words too common to say anything about what a statement is about. */
const STOP_WORDS = new Set(
  'a an and are as at be been by for from has have in is it its of on or that the their this to was were which who with will'.split(' '),
);

/** The words of a statement that carry its meaning, each once. */
export function contentWords(text: string): string[] {
  return [...new Set(words(text).filter((w) => !STOP_WORDS.has(w)))];
}

const trigramCache = new Map<string, Set<string>>();

/** The letter trigrams of a word, kept once made (words repeat across a library). */
function trigrams(word: string): Set<string> {
  let grams = trigramCache.get(word);
  if (grams) return grams;
  grams = new Set<string>();
  for (let i = 0; i + 3 <= word.length; i++) grams.add(word.slice(i, i + 3));
  if (trigramCache.size >= 50_000) trigramCache.clear();
  trigramCache.set(word, grams);
  return grams;
}

/**
 * Two spellings of one word: equal, or long, of about the same length, with the same first
 * letter, and sharing most letter trigrams (Tajikistan, Tadjikistan; Kirghizia, Kyrgyzia).
 */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 6 || b.length < 6 || a[0] !== b[0] || Math.abs(a.length - b.length) > 3) return false;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return (2 * shared) / (ta.size + tb.size) >= 0.6;
}

/**
 * How alike two statements are in wording, 0..1: the Dice coefficient of their content words,
 * where two spellings of a name count as one word. Order does not matter, so a reworded list
 * of members still scores high.
 */
export function statementSimilarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const exact = new Set(b);
  let shared = 0;
  for (const w of a) if (exact.has(w) || b.some((x) => sameWord(w, x))) shared++;
  return Math.min(1, (2 * shared) / (a.length + b.length));
}
