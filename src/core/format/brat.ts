/**
 * brat standoff: per article a `.txt` with the exact text and an `.ann` with one text-bound
 * annotation per claim (`T1<TAB>Sourced 10 52<TAB>words`, offsets in code points; a claim over
 * several lines becomes fragments `0 5;6 10`, as brat writes them) and the note as
 * `#1<TAB>AnnotatorNotes T1<TAB>note`. Downloaded as one zip with brat's `annotation.conf`.
 * brat has no annotators, dates or sources: those are lost, and a read gets the reader's name.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { makeArticle } from '../article';
import { LABEL_NAMES, LABELS, nowIso, type Annotator, type Claim } from '../model';
import { quoteOf } from '../quote';
import { OffsetIndex } from '../text';
import type { ArticleBundle } from './export';
import { labelOf, placedClaims } from './foreign';

/** brat's configuration for our three labels, so the files open in brat as they are. */
const ANNOTATION_CONF = `[entities]\n${LABELS.map((l) => LABEL_NAMES[l]).join('\n')}\n\n[relations]\n\n[events]\n\n[attributes]\n`;

/** A file name from a title: letters, digits and dashes, with the article id to keep it unique. */
function fileBase(bundle: ArticleBundle): string {
  const slug = bundle.article.title.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'article';
  return `${slug}-${bundle.article.id.slice(0, 8)}`;
}

/** The `.ann` text of one article: a T line per claim, an AnnotatorNotes line per note. */
export function annOf(bundle: ArticleBundle): string {
  const offsets = new OffsetIndex(bundle.text);
  const lines: string[] = [];
  let notes = 0;
  placedClaims(bundle).forEach((claim: Claim, i) => {
    // A span over a line break is written as fragments, one per line, as brat requires.
    const fragments: string[] = [];
    let at = claim.start;
    for (const part of claim.exact.split('\n')) {
      if (part) fragments.push(`${offsets.toCodePoint(at)} ${offsets.toCodePoint(at + part.length)}`);
      at += part.length + 1;
    }
    lines.push(`T${i + 1}\t${LABEL_NAMES[claim.label]} ${fragments.join(';')}\t${claim.exact.split('\n').filter(Boolean).join(' ')}`);
    if (claim.note) lines.push(`#${++notes}\tAnnotatorNotes T${i + 1}\t${claim.note.replace(/\s*\n\s*/g, ' ')}`);
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** A zip of `.txt` and `.ann` per article, and `annotation.conf`. */
export function toBratZip(bundles: readonly ArticleBundle[]): Uint8Array {
  const files: Record<string, Uint8Array> = { 'annotation.conf': strToU8(ANNOTATION_CONF) };
  for (const bundle of bundles) {
    const base = fileBase(bundle);
    files[`${base}.txt`] = strToU8(bundle.text);
    files[`${base}.ann`] = strToU8(annOf(bundle));
  }
  return zipSync(files);
}

/**
 * Claims read from one `.ann` against its text, and the lines that could not be read. Claim ids
 * come from the text's hash and the T number, so reading the same files twice adds nothing twice.
 */
export function readAnn(ann: string, text: string, article: { id: string; textSha256: string }, annotator: Annotator, now = nowIso()): { claims: Claim[]; problems: string[] } {
  const offsets = new OffsetIndex(text);
  const claims = new Map<string, Claim>();
  const problems: string[] = [];
  for (const [n, line] of ann.split('\n').entries()) {
    const [id, middle, rest] = line.split('\t');
    if (!id || middle === undefined) continue;
    if (id.startsWith('T')) {
      const [type, ...spans] = middle.split(' ');
      const numbers = spans.join(' ').split(';').flatMap((f) => f.trim().split(' ').map(Number));
      const label = labelOf([type]);
      const start = offsets.toUtf16(Math.min(...numbers));
      const end = offsets.toUtf16(Math.max(...numbers));
      if (!label) problems.push(`line ${n + 1}: type "${type}" is not one of Sourced, Disputed, Opinion`);
      else if (start === undefined || end === undefined || numbers.some(Number.isNaN) || end <= start) problems.push(`line ${n + 1}: offsets "${spans.join(' ')}" are not in the text`);
      else claims.set(id, { id: `brat-${article.textSha256.slice(0, 16)}-${id}`, articleId: article.id, label, start, end, ...quoteOf(text, { start, end }), sources: [], annotator, created: now, modified: now });
    } else if (id.startsWith('#') && middle.startsWith('AnnotatorNotes ')) {
      const claim = claims.get(middle.slice('AnnotatorNotes '.length).trim());
      if (claim && rest) claim.note = rest;
    }
  }
  return { claims: [...claims.values()], problems };
}

/** The articles and claims of a brat zip: each `.txt` with the `.ann` of the same name. */
export async function readBratZip(zip: Uint8Array, annotator: Annotator): Promise<{ bundles: ArticleBundle[]; problems: string[] }> {
  const files = unzipSync(zip);
  const bundles: ArticleBundle[] = [];
  const problems: string[] = [];
  for (const name of Object.keys(files).filter((n) => n.endsWith('.txt')).sort()) {
    const { article, text } = await makeArticle(strFromU8(files[name]!));
    const ann = files[name.replace(/\.txt$/, '.ann')];
    const read = readAnn(ann ? strFromU8(ann) : '', text, article, annotator);
    problems.push(...read.problems.map((p) => `${name.replace(/\.txt$/, '.ann')} ${p}`));
    bundles.push({ article, text, claims: read.claims });
  }
  return { bundles, problems };
}
