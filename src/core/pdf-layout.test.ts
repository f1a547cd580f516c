import { describe, expect, it } from 'vitest';
import { layOutPage, pdfText as layOut, type PdfPage, type TextPiece } from './pdf-layout';

const pdfText = (pages: PdfPage[]) => layOut(pages.map(layOutPage));

/** A piece as PDF.js gives one: about half an em per character. */
const piece = (str: string, x: number, y: number, size = 10): TextPiece => ({ str, x, y, width: str.length * size * 0.5, size });

/** Lines of a column, 12 units apart, from `top` down. */
const column = (lines: string[], x: number, top: number, size = 10) => lines.map((text, i) => piece(text, x, top - i * 12, size));

const page = (pieces: TextPiece[]): PdfPage => ({ width: 600, height: 800, pieces });

describe('pdfText', () => {
  it('joins the lines of a paragraph, splits paragraphs at gaps, and rejoins hyphenated words', () => {
    const { text, pages } = pdfText([
      page([
        ...column(['The first paragraph runs over', 'two lines of the page.'], 50, 700),
        ...column(['After a gap, a second para-', 'graph starts.'], 50, 660),
      ]),
    ]);
    expect(text).toBe('The first paragraph runs over two lines of the page.\nAfter a gap, a second paragraph starts.');
    expect(pages).toEqual([0]);
  });

  it('keeps a hyphen before a capital (a compound name), and starts a paragraph at a change of type size', () => {
    const { text } = pdfText([page([piece('A Heading', 50, 720, 16), ...column(['Text about the Franco-', 'German border.'], 50, 700)])]);
    expect(text).toBe('A Heading\nText about the Franco- German border.');
  });

  it('reads two columns in order, left first, with a title across both read before them', () => {
    const left = column(['Left column line one', 'left column line two', 'left column line three', 'left column line four'], 50, 700);
    const right = column(['Right column line one', 'right column line two', 'right column line three', 'right column line four'], 330, 700);
    const { text } = pdfText([page([piece('A title that runs across both columns of this page', 50, 740), ...right, ...left])]);
    expect(text.split('\n')).toEqual([
      'A title that runs across both columns of this page',
      'Left column line one left column line two left column line three left column line four',
      'Right column line one right column line two right column line three right column line four',
    ]);
  });

  it('leaves out running headers and page numbers that recur across pages, and maps where each page starts', () => {
    const pages = [1, 2, 3].map((n) =>
      page([piece('THE COURT REPORT — 2022', 50, 780, 8), ...column([`Body of page ${n}.`], 50, 700), piece(String(n), 300, 30, 8)]),
    );
    const result = pdfText(pages);
    expect(result.text).toBe('Body of page 1.\nBody of page 2.\nBody of page 3.');
    expect(result.pages).toEqual([0, 16, 32]);
    expect(result.leftOutLines).toBe(6);
  });

  it('keeps a line that appears on one page only, even at its top', () => {
    const { text } = pdfText([page([piece('Only here', 50, 780), ...column(['Body one.'], 50, 700)]), page(column(['Body two.'], 50, 700))]);
    expect(text).toBe('Only here\nBody one.\nBody two.');
  });

  it('gives a page with no text a line of its own, so every page starts somewhere of its own', () => {
    const result = pdfText([page(column(['One.'], 50, 700)), page([]), page(column(['Three.'], 50, 700))]);
    expect(result.text).toBe('One.\n\nThree.');
    expect(result.pages).toEqual([0, 5, 6]);
    expect(result.emptyPages).toEqual([2]);
  });
});
