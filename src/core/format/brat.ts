/**
 * brat standoff: per article a `.txt` with the exact text and an `.ann` with one text-bound
 * annotation per claim (`T1<TAB>Sourced 10 52<TAB>words`, offsets in code points; a claim over
 * several lines becomes fragments `0 5;6 10`, as brat writes them) and the note as
 * `#1<TAB>AnnotatorNotes T1<TAB>note`. Downloaded as one zip with brat's `annotation.conf`.
 * brat has no annotators, dates or sources: those are lost, and a read gets the reader's name.
 * Reading gives other tools' annotations (see foreign.ts), so a brat file is placed, labelled
 * and checked like any other.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { makeArticle } from '../article';
import { LABEL_NAMES, LABELS, type Annotator, type Claim } from '../model';
import { normalizeWithOffsets, OffsetIndex } from '../text';
import { placedClaims, type ArticleBundle } from './export';
import type { BratPair, ForeignAnnotation } from './foreign';

/** brat's configuration for our three labels, so the files open in brat as they are. */
const ANNOTATION_CONF = `[entities]\n${LABELS.map((l) => LABEL_NAMES[l]).join('\n')}\n\n[relations]\n\n[events]\n\n[attributes]\n`;

/** A file name from a title: letters, digits and dashes, with the article id to keep it unique. */
function fileBase(bundle: ArticleBundle): string {
  const slug =
    bundle.article.title
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'article';
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

/** One text-bound annotation's fragments as brat counts them: code points into the file as stored. */
function fragmentsOf(spans: string): [number, number][] | null {
  const fragments = spans.split(';').map((f) => f.trim().split(/\s+/).map(Number));
  return fragments.every((f) => f.length === 2 && f.every((n) => Number.isInteger(n) && n >= 0)) ? (fragments as [number, number][]) : null;
}

/**
 * The annotations of one `.ann` against its text as stored (`raw`: BOM and CR line ends
 * included, as brat counts offsets), placed on the normalised `text`. Each T line's offsets are
 * mapped through the normalisation and its words compared with the text there; a span in
 * several fragments is one claim only when what lies between them is a line break (as
 * claimtrail writes a claim over lines), else it is refused, as are impossible offsets. Ids come
 * from the text's hash and the T number, so reading the same files twice adds nothing twice.
 */
export function readAnn(ann: string, raw: string, article: { textSha256: string }, annotator: Annotator, name = 'the .ann file'): ForeignAnnotation[] {
  const { text, toText } = normalizeWithOffsets(raw);
  const offsets = new OffsetIndex(text);
  const found = new Map<string, ForeignAnnotation>();
  for (const [n, line] of ann.split(/\r?\n/).entries()) {
    const [id, middle, rest] = line.split('\t');
    if (!id || middle === undefined) continue;
    const where = `line ${n + 1}`;
    if (id.startsWith('T')) {
      const [type = '', ...spans] = middle.split(' ');
      const annotation: ForeignAnnotation = {
        id: `brat-${article.textSha256.slice(0, 16)}-${id}`,
        source: `${name} ${id}`,
        target: { sources: [] },
        tags: [type],
        sources: [],
        annotator,
      };
      found.set(id, annotation);
      const fragments = fragmentsOf(spans.join(' '));
      const refuse = (reason: 'bad-offsets' | 'text-mismatch' | 'unsupported-selector', message: string) => {
        annotation.refused = { reason, message: `${where}: ${message}` };
      };
      if (!fragments) {
        refuse('bad-offsets', `offsets “${spans.join(' ')}” are not pairs of whole numbers`);
        continue;
      }
      const mapped = fragments.map(([from, to]) => [toText(from), toText(to)] as const);
      const reversed = fragments.find(([from, to]) => to <= from);
      const outside = mapped.findIndex(([from, to]) => from === undefined || to === undefined);
      if (reversed) refuse('bad-offsets', `offsets ${reversed.join(' ')} end before they start`);
      else if (outside !== -1)
        refuse('bad-offsets', `offsets ${fragments[outside]!.join(' ')} are past the end of the text (${Array.from(raw).length} characters as stored)`);
      if (annotation.refused) continue;
      const parts = mapped as [number, number][];
      const gaps = parts.slice(1).map(([from], k) => text.slice(parts[k]![1], from));
      if (gaps.some((gap) => !/^\s*\n\s*$/.test(gap))) {
        refuse(
          'unsupported-selector',
          `a discontinuous span (${spans.join(' ')}: ${parts.map(([f, t]) => `“${text.slice(f, t)}”`).join(' … ')}); a claim is one stretch of text`,
        );
        continue;
      }
      const words = parts.map(([f, t]) => text.slice(f, t)).join(' ');
      if (rest !== undefined && rest.replace(/\s+/g, ' ').trim() !== words.replace(/\s+/g, ' ').trim()) {
        refuse('text-mismatch', `its text “${rest}” differs from the text at ${spans.join(' ')}, “${words}”`);
        continue;
      }
      annotation.target.position = { start: offsets.toCodePoint(parts[0]![0]), end: offsets.toCodePoint(parts.at(-1)![1]) };
    } else if (id.startsWith('#') && middle.startsWith('AnnotatorNotes ')) {
      const annotation = found.get(middle.slice('AnnotatorNotes '.length).trim());
      if (annotation && rest?.trim()) annotation.note = annotation.note ? `${annotation.note}\n${rest.trim()}` : rest.trim();
    }
  }
  return [...found.values()];
}

/** The pairs of a brat zip (each `.txt` with the `.ann` of the same name), or why it is not one. */
export async function readBratZip(zip: Uint8Array, annotator: Annotator): Promise<{ ok: true; pairs: BratPair[] } | { ok: false; problem: string }> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    return { ok: false, problem: `not a zip file: ${(error as Error).message}` };
  }
  const names = Object.keys(files)
    .filter((n) => n.endsWith('.txt') && files[n.replace(/\.txt$/, '.ann')])
    .sort();
  if (!names.length) return { ok: false, problem: 'the zip holds no brat pair (a .txt and the .ann of the same name)' };
  // Decoded with any byte-order mark kept: brat counts it in its offsets.
  const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const pairs: BratPair[] = [];
  for (const name of names) {
    const raw = decode(files[name]!);
    const { article, text } = await makeArticle(raw, { title: name.replace(/^.*\//, '').replace(/\.txt$/, '') });
    const annName = name.replace(/\.txt$/, '.ann');
    pairs.push({ article, text, annotations: readAnn(decode(files[annName]!), raw, article, annotator, annName) });
  }
  return { ok: true, pairs };
}
