/**
 * Rebuilding the text of a PDF from the pieces PDF.js gives (strings with positions, no
 * paragraphs): pieces become lines by their baseline, lines split into columns at a gutter, lines
 * into paragraphs (gaps, indents, a change of type size), words hyphenated at a line end rejoined;
 * running headers, footers and bare page numbers that repeat across pages are left out. The text
 * keeps a page map (core/pages.ts). Pure: files/pdf.ts feeds it from PDF.js.
 */
import { normalizeText } from './text';

/** A piece of text on a page: its string, where its baseline starts (PDF units, y up), its width and type size. */
export interface TextPiece {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** One page's pieces, and the page's size. */
export interface PdfPage {
  width: number;
  height: number;
  pieces: TextPiece[];
}

/** A line of a page: its text and where it sits. */
export interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/** The text of a PDF, its page map, and what was left out. */
export interface PdfText {
  text: string;
  /** Where each page starts in the text (UTF-16 offsets): one per page, ascending. */
  pages: number[];
  /** Pages with no text at all (numbered from 1). */
  emptyPages: number[];
  /** Lines left out as running headers, footers or page numbers. */
  leftOutLines: number;
}

const median = (values: number[]): number => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};

/** Joins a baseline's pieces left to right, with a space where PDF.js left a visible gap. */
function lineOf(pieces: TextPiece[]): Line {
  pieces.sort((a, b) => a.x - b.x);
  let text = '';
  let right = -Infinity;
  for (const piece of pieces) {
    const gap = piece.x - right;
    if (text && gap > piece.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(piece.str)) text += ' ';
    text += piece.str;
    right = Math.max(right, piece.x + piece.width);
  }
  const size = median(pieces.map((p) => p.size));
  return { text: text.replace(/\s+/g, ' ').trim(), x: pieces[0]!.x, right, y: pieces[0]!.y, size };
}

/**
 * Pieces on one baseline, split where a gap is wider than a gutter (so the two columns of a line
 * become two lines), top to bottom.
 */
function linesOf(pieces: readonly TextPiece[]): Line[] {
  const sorted = pieces.filter((p) => p.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextPiece[][] = [];
  for (const piece of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - piece.y) <= Math.max(row[0]!.size, piece.size) * 0.4) row.push(piece);
    else rows.push([piece]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let run: TextPiece[] = [];
    let right = -Infinity;
    for (const piece of row) {
      if (run.length && piece.x - right > piece.size * 2) {
        lines.push(lineOf(run));
        run = [];
      }
      run.push(piece);
      right = Math.max(right, piece.x + piece.width);
    }
    if (run.length) lines.push(lineOf(run));
  }
  return lines.filter((l) => l.text);
}

/**
 * An x in the middle of the page that no line crosses while lines lie on both sides of it (the
 * gutter between two columns), or undefined for a page of one column.
 */
function gutterOf(lines: readonly Line[], width: number): number | undefined {
  if (lines.length < 6) return undefined;
  let best: { x: number; crossing: number } | undefined;
  for (let x = width * 0.3; x <= width * 0.7; x += width / 100) {
    const left = lines.filter((l) => l.right <= x).length;
    const right = lines.filter((l) => l.x >= x).length;
    const crossing = lines.length - left - right;
    if (left >= lines.length * 0.25 && right >= lines.length * 0.25 && crossing <= lines.length * 0.15 && (!best || crossing < best.crossing)) {
      best = { x, crossing };
    }
  }
  return best?.x;
}

/**
 * Lines in reading order: on a page with two columns, a line that crosses the gutter (a title)
 * ends a band; within a band the left column is read before the right.
 */
function readingOrder(lines: Line[], width: number): Line[][] {
  const gutter = gutterOf(lines, width);
  if (gutter === undefined) return [lines];
  const blocks: Line[][] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = () => {
    if (left.length) blocks.push(left);
    if (right.length) blocks.push(right);
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (line.right <= gutter) left.push(line);
    else if (line.x >= gutter) right.push(line);
    else {
      flush();
      blocks.push([line]);
    }
  }
  flush();
  return blocks;
}

/** A line's text with digits hidden, to find running headers that carry a page number. */
const shape = (text: string) => text.toLowerCase().replace(/\d+/g, '#');

/** A line that is only a page number ("7", "- 7 -", "Page 7 of 12", "vii"). */
const BARE_PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,5}|x{0,3}(?:ix|iv|v?i{0,3}))(?:\s*(?:of|\/)\s*\d{1,5})?(?:\s*[-–—])?$/i;

/** How many lines at the top and at the bottom of a page can be running headers or footers. */
const EDGE_LINES = 2;

/** The share of a page's height at its top and at its bottom where headers and footers sit. */
const MARGIN = 0.12;

/** Keys of lines in a page's top and bottom margins: which edge, its shape and about where it sits. */
function edgeKeys(lines: readonly Line[], height: number): Map<Line, string> {
  const keys = new Map<Line, string>();
  for (const l of lines.slice(0, EDGE_LINES)) if (l.y >= height * (1 - MARGIN)) keys.set(l, `top:${shape(l.text)}:${Math.round(l.y / 4)}`);
  for (const l of lines.slice(-EDGE_LINES)) if (l.y <= height * MARGIN) keys.set(l, `bottom:${shape(l.text)}:${Math.round(l.y / 4)}`);
  return keys;
}

/** Whether `line` starts a new paragraph after `previous` in the same block. */
function startsParagraph(previous: Line, line: Line, spacing: number, blockLeft: number, blockRight: number): boolean {
  const gap = previous.y - line.y;
  if (gap > spacing * 1.4 || gap < 0) return true;
  if (Math.abs(line.size - previous.size) > Math.min(line.size, previous.size) * 0.15) return true;
  // A first-line indent.
  if (line.x - blockLeft > line.size * 0.8 && Math.abs(previous.x - blockLeft) < line.size * 0.5) return true;
  // The previous line ended a sentence well before the column's right edge.
  return blockRight - previous.right > line.size * 4 && /[.!?:;"”’)]$/.test(previous.text);
}

/** Joins a line onto the paragraph so far, rejoining a word hyphenated at the line's end. */
function joinLine(paragraph: string, line: string): string {
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

/** A block's lines as paragraphs. */
function paragraphsOf(block: readonly Line[]): string[] {
  const gaps: number[] = [];
  for (let i = 1; i < block.length; i++) gaps.push(block[i - 1]!.y - block[i]!.y);
  // Line spacing: the usual gap, at most two and a half sizes (double-spaced filings have two).
  const size = block[0]!.size;
  const spacing = Math.min(median(gaps.filter((g) => g > 0)) || size * 1.2, size * 2.5);
  const left = Math.min(...block.map((l) => l.x));
  const right = Math.max(...block.map((l) => l.right));
  const paragraphs: string[] = [];
  for (const [i, line] of block.entries()) {
    if (i && !startsParagraph(block[i - 1]!, line, spacing, left, right))
      paragraphs[paragraphs.length - 1] = joinLine(paragraphs[paragraphs.length - 1]!, line.text);
    else paragraphs.push(line.text);
  }
  return paragraphs;
}

/** The text of a PDF's pages, one paragraph per line, each page starting a line of its own. */
/** A page's pieces joined into lines, top to bottom; made as each page is read, so no step takes long. */
export interface LaidOutPage {
  width: number;
  height: number;
  lines: Line[];
}

/** Lays out one page's pieces as lines. */
export function layOutPage(page: PdfPage): LaidOutPage {
  return { width: page.width, height: page.height, lines: linesOf(page.pieces) };
}

export function pdfText(pages: readonly LaidOutPage[]): PdfText {
  const linesByPage = pages.map((page) => page.lines);
  // Lines at the edges that recur across pages, at the same place, are running headers and footers.
  const keysByPage = linesByPage.map((lines, i) => edgeKeys(lines, pages[i]!.height));
  const pagesWith = new Map<string, number>();
  for (const keys of keysByPage) for (const key of new Set(keys.values())) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  const recurring = (key: string | undefined) => key !== undefined && pages.length >= 2 && pagesWith.get(key)! >= Math.max(2, pages.length * 0.5);

  let text = '';
  const starts: number[] = [];
  const emptyPages: number[] = [];
  let leftOutLines = 0;
  for (const [i, lines] of linesByPage.entries()) {
    const keys = keysByPage[i]!;
    const kept = lines.filter((line) => {
      const furniture = keys.has(line) && (recurring(keys.get(line)) || BARE_PAGE_NUMBER.test(line.text));
      if (furniture) leftOutLines++;
      return !furniture;
    });
    const paragraphs = kept.length ? readingOrder(kept, pages[i]!.width).flatMap(paragraphsOf) : [];
    if (!lines.length) emptyPages.push(i + 1);
    if (i) text += '\n';
    starts.push(text.length);
    text += normalizeText(paragraphs.join('\n')).replace(/^\uFEFF/, '');
  }
  return { text, pages: starts, emptyPages, leftOutLines };
}
