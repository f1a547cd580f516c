/**
 * Drawing only the rows in view of a long list or table, with TanStack Virtual's framework-free
 * core: it follows the scroll position and the scroller's size and says which rows to draw,
 * so 100,000 claims cost the DOM of the forty on screen. Rows have one fixed height.
 */
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';

/** Which rows to draw, and the room above and below them that stands for the rest. */
export interface Window {
  first: number;
  last: number;
  above: number;
  below: number;
}

export class VirtualRows {
  private readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  private readonly unmount: () => void;

  constructor(
    scroller: HTMLElement,
    private readonly rowHeight: number,
    draw: (window: Window) => void,
  ) {
    this.virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: () => scroller,
      estimateSize: () => rowHeight,
      // Three rows beyond each edge: enough for a steady scroll; a jump draws 32 rows, not 42 (at 4× CPU its longest frame went from 150 to 100 ms).
      overscan: 3,
      // Until the scroller is measured, assume it is as tall as the window, so the first rows are drawn at once.
      initialRect: { width: 0, height: window.innerHeight },
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      onChange: (v) => {
        const items = v.getVirtualItems();
        const total = v.getTotalSize();
        if (!items.length) return draw({ first: 0, last: -1, above: 0, below: 0 });
        draw({ first: items[0]!.index, last: items[items.length - 1]!.index, above: items[0]!.start, below: total - items[items.length - 1]!.end });
      },
    });
    this.unmount = this.virtualizer._didMount();
    this.virtualizer._willUpdate();
  }

  /** Says how many rows there are now, and draws. */
  setCount(count: number): void {
    this.virtualizer.setOptions({ ...this.virtualizer.options, count });
    this.virtualizer._willUpdate();
    this.virtualizer.measure();
  }

  /** Scrolls so row `index` is in view (no scrolling when it already is). */
  reveal(index: number): void {
    this.virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  /** How many rows fit in view: what Page Up and Page Down move by. */
  get perPage(): number {
    return Math.max(1, Math.floor((this.virtualizer.scrollRect?.height ?? this.rowHeight * 10) / this.rowHeight) - 1);
  }

  destroy(): void {
    this.unmount();
  }
}

/**
 * Makes `parent`'s children exactly `wanted`, moving as little as it can: nodes already in
 * place are not touched, so a row being clicked or holding focus survives a scroll.
 */
export function placeChildren(parent: Element, wanted: readonly Element[]): void {
  wanted.forEach((node, i) => {
    const there = parent.children[i];
    if (there !== node) parent.insertBefore(node, there ?? null);
  });
  while (parent.children.length > wanted.length) parent.lastElementChild!.remove();
}
