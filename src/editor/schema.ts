/**
 * The document shape: doc > section+ > paragraph* > text. Each line of the article text is one
 * paragraph; lines are grouped into sections of SECTION_LINES so a decoration change walks a
 * short list of sections instead of every paragraph of a long report, and the browser lays out
 * only the sections on screen (`content-visibility`, styles.css).
 */
import { Schema } from 'prosemirror-model';

/**
 * Lines per section node: about a screen. Painting the claims of a 50 KB article at 4× CPU took
 * 115 ms with sections of 100 lines (four screens laid out anew) and 80 ms with 25; with 10, no less.
 */
export const SECTION_LINES = 25;

export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section: {
      content: 'paragraph+',
      toDOM: () => ['div', { class: 'section' }, 0],
    },
    paragraph: {
      content: 'text*',
      // The page of a paged original (a PDF) that starts with this line: drawn, never in the text.
      attrs: { page: { default: null } },
      // Blank and whitespace-only lines stay in the text (offsets count them) but take little room.
      toDOM: (node) => {
        const classes = [/\S/.test(node.textContent) ? '' : 'blank', node.attrs.page ? 'page-start' : ''].filter(Boolean).join(' ');
        return ['p', { dir: 'auto', class: classes || null, 'data-page': node.attrs.page ?? null }, 0];
      },
    },
    text: {},
  },
});
