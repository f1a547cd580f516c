/**
 * Text offsets (UTF-16, into the article text) and ProseMirror positions, both ways, through a
 * prefix-sum table and binary search: no `doc.resolve` scans of long child lists.
 */
import type { Node } from 'prosemirror-model';
import { lastAtOrBelow } from '../core/sorted';
import { splitLines } from '../core/text';
import { articleSchema, SECTION_LINES } from './schema';

/** An article's document and the table that maps its positions to text offsets. */
export class ArticleDoc {
  readonly doc: Node;
  /** Text offset where each line starts. */
  private readonly lineStart: number[] = [];
  /** Document position where each line's content starts. */
  private readonly linePos: number[] = [];
  private readonly lineLength: number[] = [];

  /** `pages`: where each page of a paged original starts (core/pages.ts); those lines are marked with their page. */
  constructor(
    readonly text: string,
    pages: readonly number[] = [],
  ) {
    const schema = articleSchema;
    const lines = splitLines(text);
    const pageAt = new Map(pages.map((start, i) => [start, i + 1]));
    const sections: Node[] = [];
    let offset = 0;
    let pos = 0;
    for (let first = 0; first < lines.length; first += SECTION_LINES) {
      const paragraphs: Node[] = [];
      pos += 1;
      for (const line of lines.slice(first, first + SECTION_LINES)) {
        this.lineStart.push(offset);
        this.linePos.push(pos + 1);
        this.lineLength.push(line.length);
        const page = pageAt.get(offset);
        paragraphs.push(schema.node('paragraph', page ? { page } : null, line ? schema.text(line) : undefined));
        offset += line.length + 1;
        pos += line.length + 2;
      }
      sections.push(schema.node('section', null, paragraphs));
      pos += 1;
    }
    this.doc = schema.node('doc', null, sections);
  }

  /** The document of the first `count` sections (all of them when there are fewer). */
  firstSections(count: number): Node {
    return this.doc.copy(this.doc.content.cut(0, this.sectionsEnd(count)));
  }

  /** The sections from index `from` up to (not including) `to`, to append to a partial document. */
  sections(from: number, to: number): Node[] {
    const out: Node[] = [];
    for (let i = from; i < Math.min(to, this.doc.childCount); i++) out.push(this.doc.child(i));
    return out;
  }

  /**
   * The index just past the sections, from index `from` on, that together hold at least `size`
   * document positions (about as many characters), and at least one section.
   */
  sectionsFilling(from: number, size: number): number {
    let to = from;
    for (let filled = 0; to < this.doc.childCount && (to === from || filled < size); to++) filled += this.doc.child(to).nodeSize;
    return to;
  }

  /** How many sections the document has. */
  get sectionCount(): number {
    return this.doc.childCount;
  }

  /** The document position just after the first `count` sections. */
  private sectionsEnd(count: number): number {
    let pos = 0;
    for (let i = 0; i < Math.min(count, this.doc.childCount); i++) pos += this.doc.child(i).nodeSize;
    return pos;
  }

  /** The document position of a text offset (a newline maps to the end of its line). */
  toPos(offset: number): number {
    const line = lastAtOrBelow(this.lineStart, offset);
    return this.linePos[line]! + Math.min(offset - this.lineStart[line]!, this.lineLength[line]!);
  }

  /** The index of the section holding the line of a text offset. */
  sectionOf(offset: number): number {
    return Math.floor(lastAtOrBelow(this.lineStart, offset) / SECTION_LINES);
  }

  /** The text offset of a document position (positions between lines go to the line end). */
  toOffset(pos: number): number {
    const line = lastAtOrBelow(this.linePos, pos);
    const within = Math.max(0, Math.min(pos - this.linePos[line]!, this.lineLength[line]!));
    return this.lineStart[line]! + within;
  }
}
