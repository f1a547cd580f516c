/**
 * Keeps a dense article's drawn window (claims-plugin.ts) around what is on screen. After a
 * scroll or a resize, once per frame, it reads which positions the viewport shows; when they
 * come within one screen of the window's edge, it asks for a window of two more screens on each
 * side, so scrolling draws about a screen of claims at a time and never meets undrawn text.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { claimsState, windowed, type DrawWindow } from './claims-plugin';

/** Screens drawn beyond the viewport on each side. */
const AHEAD = 2;

/** The index of the first of `elements` (laid out top to bottom) whose box ends below `y`. */
function firstEndingBelow(elements: HTMLCollection, y: number): number {
  let [low, high] = [0, elements.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (elements[mid]!.getBoundingClientRect().bottom > y) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The line (paragraph) at height `y` of the viewport, or the nearest one after it. */
function lineAt(view: EditorView, y: number): Element | undefined {
  const sections = view.dom.children;
  const section = sections[Math.min(firstEndingBelow(sections, y), sections.length - 1)];
  if (!section) return undefined;
  return section.children[Math.min(firstEndingBelow(section.children, y), section.children.length - 1)];
}

/**
 * The positions the viewport shows of the text, or null when none of it is on screen. Found
 * from the boxes of the sections and lines (a binary search of each), not from a point: a point
 * between lines would give the start of its whole section.
 */
function onScreen(view: EditorView): DrawWindow | null {
  const box = view.dom.getBoundingClientRect();
  const [top, bottom] = [Math.max(box.top, 0), Math.min(box.bottom, innerHeight)];
  if (bottom <= top) return null;
  const [first, last] = [lineAt(view, top), lineAt(view, bottom)];
  if (!first || !last) return null;
  return { from: view.posAtDOM(first, 0), to: view.posAtDOM(last, last.childNodes.length) };
}

/** The window that `shown` needs: the same one while it keeps a screen to spare on each side. */
export function windowFor(current: DrawWindow, shown: DrawWindow, size: number): DrawWindow {
  const screen = Math.max(shown.to - shown.from, 1);
  if (Math.max(0, shown.from - screen) >= current.from && Math.min(size, shown.to + screen) <= current.to) return current;
  return { from: Math.max(0, shown.from - AHEAD * screen), to: Math.min(size, shown.to + AHEAD * screen) };
}

/** The plugin; `move` sends the window action (through the editor's one road for actions). */
export function viewportPlugin(move: (window: DrawWindow) => void): Plugin {
  return new Plugin({
    view(view) {
      let pending = false;
      let live = true;
      const check = () => {
        pending = false;
        if (!live) return;
        const state = claimsState(view.state);
        const shown = windowed(state) ? onScreen(view) : null;
        if (!shown) return;
        const next = windowFor(state.window, shown, view.state.doc.content.size);
        if (next !== state.window) move(next);
      };
      // Only a dense article has a window to move. Read after the frame is drawn: only then have the sections that came on screen been laid
      // out (they skip layout off screen, `content-visibility: auto`), so positions are right.
      const schedule = () => {
        if (pending || !windowed(claimsState(view.state))) return;
        pending = true;
        requestAnimationFrame(() => setTimeout(check, 0));
      };
      // Capture: the article may scroll inside another element as well as with the page.
      addEventListener('scroll', schedule, { capture: true, passive: true });
      addEventListener('resize', schedule);
      schedule();
      return {
        update: schedule,
        destroy() {
          live = false;
          removeEventListener('scroll', schedule, { capture: true });
          removeEventListener('resize', schedule);
        },
      };
    },
  });
}
