/**
 * The things claimtrail stores, as the app holds them in memory and in IndexedDB. Offsets here
 * are UTF-16 code units into the article's text; files use code points (see format/).
 */
import type { AnchorStatus } from './anchor';
import { claimRange, type Range } from './selection';
import { quoteOf } from './quote';

/** The three judgements a claim can carry. */
export const LABELS = ['sourced', 'disputed', 'opinion'] as const;
export type Label = (typeof LABELS)[number];

/** Display names of the labels, as the toolbar buttons are named. */
export const LABEL_NAMES: Record<Label, string> = {
  sourced: 'Sourced',
  disputed: 'Disputed',
  opinion: 'Opinion',
};

/** A person who makes claims; the id is stable, the name is what others see. */
export interface Annotator {
  id: string;
  name: string;
}

/** Words of the article itself, e.g. the outlet or person a claim is attributed to. */
export interface Attribution {
  start: number;
  end: number;
  exact: string;
}

/**
 * Where a claim comes from: a web address, a free-text citation, or both; and, when the text
 * names the source ("quotes the Russian daily Izvestia"), those words of the article.
 */
export interface Source {
  url?: string;
  citation?: string;
  attribution?: Attribution;
}

/**
 * How a claim carried over from another text found its words there. `from` is where it was, in
 * code points of that text, its words there, and which article and claim it came from.
 * `confirmed` says a person checked a fuzzy place or placed an orphan by hand.
 */
export interface ClaimAnchor {
  status: AnchorStatus;
  score?: number;
  confirmed?: boolean;
  from: { start: number; end: number; exact?: string; article?: string; claim?: string };
}

/** Descriptive fields of an article that the user may edit; the text never changes. */
export interface ArticleMeta {
  title: string;
  author?: string;
  outlet?: string;
  /** Publication date as written (ISO date preferred). */
  published?: string;
  url?: string;
}

/**
 * The file an article was made from, kept as evidence of what the page said: its bytes stay in
 * the library that added it (store `originals`); exports carry only its name and hash.
 */
export interface OriginalFile {
  name: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** Media type, e.g. application/pdf. */
  type?: string;
  /** Size in bytes. */
  size?: number;
}

/** What reading a file found besides the text and the editable details. */
export interface ArticleFacts {
  /** Language of the text (BCP 47), as the page declared it. */
  lang?: string;
  /** Writing direction the page declared. */
  dir?: 'ltr' | 'rtl';
  /** Where each page of a paged original (a PDF) starts, UTF-16 offsets (see core/pages.ts). */
  pages?: number[];
  /** Words of a web page left out of its article as page furniture. */
  leftOutWords?: number;
  original?: OriginalFile;
}

/** An article in the library. Its text is stored apart (see store/) and never changes. */
export interface Article extends ArticleMeta, ArticleFacts {
  id: string;
  /** SHA-256 of the text's UTF-8 bytes, hex: the fingerprint that identifies the text. */
  textSha256: string;
  /** Length of the text in UTF-16 units. */
  length: number;
  /** When it entered this library (ISO 8601 UTC). */
  added: string;
}

/** The editable details of an article, without what reading its file found. */
export const META_KEYS = ['title', 'author', 'outlet', 'published', 'url'] as const;

/** How a reviewer settled a disagreement; carried by the claims of an adjudicated layer. */
export interface Review {
  status: 'accepted' | 'relabelled' | 'rejected';
  by: Annotator;
  at: string;
  comment?: string;
  /** Ids of the claims the decision was made on. */
  from: string[];
}

/** A remark someone made on a claim (theirs or another's); kept apart from the claim itself. */
export interface ClaimComment {
  id: string;
  claimId: string;
  articleId: string;
  by: Annotator;
  at: string;
  text: string;
}

/** A labelled span of an article's text. Invariant: text.slice(start, end) === exact. */
export interface Claim {
  id: string;
  articleId: string;
  label: Label;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note?: string;
  sources: Source[];
  annotator: Annotator;
  created: string;
  modified: string;
  review?: Review;
  /** Present on a claim carried from another text. An orphan's offsets and quote are its old ones. */
  anchor?: ClaimAnchor;
}

/**
 * A claim changed in two places at once (one person on two machines, offline from each other):
 * the versions the team database holds, each with its revision, the winner first.
 */
export interface ClaimConflict {
  id: string;
  articleId: string;
  versions: { rev: string; claim: Claim }[];
}

/** Words placed from another tool's annotation that carry none of our labels: a claim waiting for one. */
export type UnlabelledClaim = Omit<Claim, 'label'>;

/** True for a claim whose words were not found in its article: it has no place to be drawn. */
export function isOrphan(claim: Claim): boolean {
  return claim.anchor?.status === 'orphan';
}

/** The kinds of relation one article can have to another. */
export const RELATION_KINDS = ['republishes', 'excerpts', 'translates', 'cites'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** "Article `from` republishes (excerpts, translates, cites) article `to`." */
export interface ArticleRelation {
  id: string;
  from: string;
  to: string;
  kind: RelationKind;
  created: string;
}

/** One statement followed through several articles: the claims that make it, anywhere. */
export interface ClaimThread {
  id: string;
  title: string;
  claimIds: string[];
  created: string;
  modified: string;
}

/** Counts of claims per label. */
export function countLabels(claims: Iterable<Pick<Claim, 'label'>>): Record<Label, number> {
  const counts = Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number>;
  for (const claim of claims) counts[claim.label]++;
  return counts;
}

/** How many claims counts per label add up to. */
export function countTotal(counts: Readonly<Record<Label, number>>): number {
  return LABELS.reduce((n, label) => n + counts[label], 0);
}

/** Current time as ISO 8601 UTC. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** A fresh random id (UUID v4). */
export function newId(): string {
  return crypto.randomUUID();
}

/**
 * A new claim on `selection` of `text`, trimmed and snapped (see selection.ts) and quoted.
 * Null when the selection holds nothing but whitespace.
 */
export function createClaim(text: string, articleId: string, selection: Range, label: Label, annotator: Annotator, now: string = nowIso()): Claim | null {
  const range = claimRange(text, selection);
  if (!range) return null;
  return {
    id: newId(),
    articleId,
    label,
    ...range,
    ...quoteOf(text, range),
    sources: [],
    annotator,
    created: now,
    modified: now,
  };
}

/** Claims in reading order: by start, then longer first so an enclosing claim precedes its parts. */
export function compareClaims(a: Claim, b: Claim): number {
  return a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);
}
