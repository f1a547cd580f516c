/**
 * The claim list: the article's claims in reading order, less hidden layers and filtered-out
 * claims, built as a window of entries. Entries are kept by claim id and rebuilt only when their
 * claim, selection or comments changed, so focus and typing survive updates from other tabs.
 */
import { isOrphan, type Claim, type ClaimComment, type ClaimConflict } from '../../core/model';
import type { Filters } from '../../editor/article-state';
import { entryElement } from '../claim-entry';
import { h } from '../dom';
import { shownAnnotator } from './filters';
import type { PanelContext, PanelData, PanelPart } from './part';

/** Entries built at a time. */
const PAGE = 200;

/** Entries built around a selected claim outside the built window: before it, and from it on. */
const AROUND = { before: 10, after: 40 };

/** The comments of a claim with none: one array, so an entry without comments is seen unchanged and kept. */
const NO_COMMENTS: readonly ClaimComment[] = [];

interface Entry {
  claim: Claim;
  selected: boolean;
  comments: readonly ClaimComment[];
  conflict: ClaimConflict | undefined;
  element: HTMLLIElement;
}

export class ClaimListPart implements PanelPart {
  readonly dom: HTMLElement;
  private readonly list = h('ol', { class: 'claim-list' });
  private readonly empty = h('p', { class: 'claims-empty' }, 'Select words in the text, then choose Sourced, Disputed or Opinion (or press 1, 2 or 3).');
  private readonly earlier = h('button', { type: 'button', class: 'quiet show-more', hidden: true, onclick: () => this.showEarlier() });
  private readonly more = h('button', { type: 'button', class: 'quiet show-more', hidden: true, onclick: () => this.showMore() });
  private readonly edgeObserver = new IntersectionObserver((seen) => {
    for (const entry of seen) {
      // A button that came into view by being focused is left for its user to press.
      if (!entry.isIntersecting || entry.target === document.activeElement) continue;
      if (entry.target === this.more) this.showMore();
      else this.showEarlier();
    }
  });
  private entries = new Map<string, Entry>();
  /**
   * The window of entries built, [first, limit) of the listed claims: it grows by PAGE as the
   * list is scrolled to either end, so an article with 20,000 claims opens without building
   * 20,000 entries; selecting a claim outside it moves it to a few entries around that claim.
   */
  private first = 0;
  private limit = PAGE;
  /** What was drawn last: the window is drawn again from it as the list scrolls. */
  private data: PanelData | null = null;
  private filters: Filters | null = null;
  /** The claims listed last, and what they were listed from. */
  private listed: { all: readonly Claim[]; hidden: ReadonlySet<string>; annotator: string; label: string; claims: readonly Claim[] } | null = null;

  constructor(
    private readonly context: PanelContext,
    /** The panel's heading, which says how many claims are listed. */
    private readonly heading: HTMLElement,
    /** The element that scrolls the list. */
    private readonly scroller: () => HTMLElement,
  ) {
    this.dom = h('div', { class: 'claim-list-part' }, this.empty, this.earlier, this.list, this.more);
    this.edgeObserver.observe(this.more);
    this.edgeObserver.observe(this.earlier);
  }

  update(data: PanelData): void {
    // Other filters list other claims: their window starts at the top.
    if (this.filters && this.filters !== data.article.filters) [this.first, this.limit] = [0, PAGE];
    this.filters = data.article.filters;
    this.data = data;
    this.draw();
  }

  private draw(): void {
    const { claims: state, article, all, orphans, annotators } = this.data!;
    const annotator = shownAnnotator(article.filters, annotators);
    const { label } = article.filters;
    // Listed again only when the claims, the hidden layers or the filters changed, not on every selection.
    const seen = this.listed;
    const claims =
      seen && seen.all === all && seen.hidden === state.hidden && seen.annotator === annotator && seen.label === label
        ? seen.claims
        : all.filter(
            (c) =>
              !isOrphan(c) &&
              !state.hidden.has(c.annotator.id) &&
              (annotator === 'all' || c.annotator.id === annotator) &&
              (label === 'all' || c.label === label),
          );
    this.listed = { all, hidden: state.hidden, annotator, label, claims };
    const selectedAt = claims.findIndex((c) => c.id === state.selected);
    if (selectedAt >= 0 && (selectedAt < this.first || selectedAt >= this.limit)) {
      [this.first, this.limit] = [Math.max(0, selectedAt - AROUND.before), selectedAt + AROUND.after];
    }
    if (this.first >= claims.length) [this.first, this.limit] = [Math.max(0, claims.length - PAGE), Math.max(claims.length, PAGE)];
    const next = new Map<string, Entry>();
    for (const claim of claims.slice(this.first, this.limit)) {
      const selected = claim.id === state.selected;
      const old = this.entries.get(claim.id);
      const marker = state.markers.get(claim.annotator.id) ?? 0;
      const comments = article.comments.get(claim.id) ?? NO_COMMENTS;
      const conflict = article.conflicts.get(claim.id);
      const same = old && old.claim === claim && old.selected === selected && old.comments === comments && old.conflict === conflict;
      next.set(claim.id, same ? old : { claim, selected, comments, conflict, element: this.rebuilt(old, claim, selected, marker, comments, conflict) });
    }
    for (const [id, entry] of this.entries) if (!next.has(id)) entry.element.remove();
    // Walk the list once with a cursor (indexing the live `children` after each insert is O(n²)).
    let cursor = this.list.firstChild;
    for (const entry of next.values()) {
      if (entry.element === cursor) cursor = cursor.nextSibling;
      else this.list.insertBefore(entry.element, cursor);
    }
    this.entries = next;
    const placed = all.length - orphans.length;
    this.heading.textContent = claims.length === placed ? `Claims (${claims.length})` : `Claims (${claims.length} of ${placed})`;
    this.empty.hidden = all.length > 0;
    this.more.hidden = claims.length <= this.limit;
    this.more.textContent = `Show ${Math.min(PAGE, claims.length - this.limit)} more of ${claims.length - this.limit} claims`;
    this.earlier.hidden = this.first === 0;
    this.earlier.textContent = `Show ${Math.min(PAGE, this.first)} earlier of ${this.first} claims`;
  }

  /** Builds the next page of entries. */
  private showMore(): void {
    if (this.more.hidden || !this.data) return;
    this.limit += PAGE;
    this.draw();
  }

  /**
   * Builds the page of entries before the first built one, keeping the entries on screen where
   * they were (the new ones go above, out of sight), so the button leaves the view and is not
   * pressed again at once.
   */
  private showEarlier(): void {
    if (this.earlier.hidden || !this.data) return;
    const anchor = this.list.firstElementChild;
    const before = anchor?.getBoundingClientRect().top ?? 0;
    this.first = Math.max(0, this.first - PAGE);
    this.draw();
    if (anchor) this.scroller().scrollTop += anchor.getBoundingClientRect().top - before;
  }

  /** Brings the selected entry into view in the panel. */
  scrollToSelected(): void {
    this.list.querySelector('.claim-entry.is-selected')?.scrollIntoView({ block: 'nearest' });
  }

  /** A new element for a claim, keeping focus on the same control if the old one had it. */
  private rebuilt(
    old: Entry | undefined,
    claim: Claim,
    selected: boolean,
    marker: number,
    comments: readonly ClaimComment[],
    conflict: ClaimConflict | undefined,
  ): HTMLLIElement {
    const element = entryElement(claim, selected, marker, comments, this.context.host, conflict);
    const focused = old?.element.contains(document.activeElement) ? document.activeElement?.getAttribute('data-control') : null;
    if (old && focused) {
      queueMicrotask(() => element.querySelector<HTMLElement>(`[data-control="${focused}"]`)?.focus());
    }
    if (old) old.element.replaceWith(element);
    return element;
  }

  /** Stops watching for the ends of the list (the view is closing). */
  destroy(): void {
    this.edgeObserver.disconnect();
  }
}
