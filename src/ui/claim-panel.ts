/**
 * The side panel: the open article's claims in text order with label, quote, note and sources.
 * The selected claim opens its editor (label, note, sources, delete) when it is yours. It is a
 * view of the editor's state (its plugin view's `update` draws it when the claims or the
 * article state change) and asks for every change by dispatching an intent or an editor action.
 * Entries are kept by claim id and rebuilt only when their claim or selection changed, so focus
 * and typing survive updates from other tabs.
 */
import { Plugin, type EditorState } from 'prosemirror-state';
import { isOrphan, LABEL_NAMES, LABELS, type Article, type Claim, type ClaimComment } from '../core/model';
import { articleState, type ArticleAction, type ArticleState, type Filters } from '../editor/article-state';
import { claimsState, sortedClaims, type ClaimsState } from '../editor/claims-plugin';
import { renderComparison } from './compare';
import { entryElement, orphanElement, unlabelledElement } from './claim-entry';
import { h } from './dom';
import type { ArticleHost } from './intents';

/** A section of the panel for claims waiting on the person (orphans, unlabelled), hidden when empty. */
function sideSection(name: string, hint: string): { section: HTMLElement; show(heading: string, items: HTMLElement[]): void } {
  const heading = h('h3', { id: `${name}-title` });
  const list = h('ul', { class: `${name}-list` });
  const section = h('section', { class: `${name}-section`, 'aria-labelledby': heading.id, hidden: true }, heading, h('p', { class: 'hint' }, hint), list);
  return {
    section,
    show(text, items) {
      section.hidden = items.length === 0;
      heading.textContent = text;
      list.replaceChildren(...items);
    },
  };
}

/** The annotator the filter shows: the one chosen, or all when that one has no claims here (any more). */
function shownAnnotator(filters: Filters, annotators: ReadonlyMap<string, unknown>): string {
  return annotators.has(filters.annotator) ? filters.annotator : 'all';
}

/** Entries built at a time. */
const PAGE = 200;

/** Entries built around a selected claim outside the built window: before it, and from it on. */
const AROUND = { before: 10, after: 40 };

interface Entry {
  claim: Claim;
  selected: boolean;
  comments: readonly ClaimComment[];
  element: HTMLLIElement;
}

/** The claim panel of one article. */
export class ClaimPanel {
  readonly element: HTMLElement;
  private readonly list = h('ol', { class: 'claim-list' });
  private readonly heading = h('h2', { id: 'claims-title' }, 'Claims');
  private readonly empty = h('p', { class: 'claims-empty' }, 'Select words in the text, then choose Sourced, Disputed or Opinion (or press 1, 2 or 3).');
  private readonly layers = h('fieldset', { class: 'layers' });
  private readonly annotatorFilter = h('select', { id: 'filter-annotator' });
  private readonly labelFilter = h(
    'select',
    { id: 'filter-label' },
    h('option', { value: 'all' }, 'All labels'),
    ...LABELS.map((l) => h('option', { value: l }, LABEL_NAMES[l])),
  );
  private entries = new Map<string, Entry>();
  /**
   * The window of entries built, [first, limit) of the listed claims: it grows by PAGE as the
   * list is scrolled to either end, so an article with 20,000 claims opens without building
   * 20,000 entries; selecting a claim outside it moves it to a few entries around that claim.
   */
  private first = 0;
  private limit = PAGE;
  private readonly earlier = h('button', { type: 'button', class: 'quiet show-more', hidden: true, onclick: () => this.showEarlier() });
  private readonly more = h('button', { type: 'button', class: 'quiet show-more', hidden: true, onclick: () => this.showMore() });
  private readonly edgeObserver = new IntersectionObserver((seen) => {
    for (const entry of seen) {
      if (!entry.isIntersecting) continue;
      if (entry.target === this.more) this.showMore();
      else this.showEarlier();
    }
  });
  /** The editor state last drawn (the window of entries is redrawn from it as the list scrolls). */
  private state: EditorState | null = null;
  /** The annotators last drawn in the layer switcher, to redraw it only when they change. */
  private layerKey = '';
  /** Claims per annotator, counted once per claims map (selecting a claim keeps the map). */
  private annotators: { of: ReadonlyMap<string, Claim>; counted: Map<string, { name: string; count: number; mine: boolean }> } | null = null;
  private readonly compareToggle = h('button', { type: 'button', class: 'quiet', 'aria-pressed': 'false', hidden: true }, 'Compare annotators');
  private readonly listView: HTMLElement;
  private readonly compareView = h('div', { class: 'compare-view', hidden: true });
  private readonly orphans = sideSection(
    'orphans',
    'These claims were carried over, but their words were not found in this text. Select the words they belong on, then attach them.',
  );
  private readonly unlabelled = sideSection('unlabelled', 'Imported annotations with none of the three labels. Choose one to make each a claim.');

  constructor(
    private readonly host: ArticleHost,
    private readonly article: () => Article,
    /** Sends actions to the editor's state: filters, the compare view. */
    private readonly act: (...actions: ArticleAction[]) => void,
  ) {
    this.annotatorFilter.addEventListener('change', () => this.act({ type: 'filter', filters: { annotator: this.annotatorFilter.value } }));
    this.labelFilter.addEventListener('change', () => this.act({ type: 'filter', filters: { label: this.labelFilter.value as Filters['label'] } }));
    this.compareToggle.addEventListener('click', () => this.act({ type: 'compare', compare: { open: !this.articleState()!.compare.open } }));
    this.listView = h(
      'div',
      {},
      h(
        'div',
        { class: 'filters' },
        h('label', { for: this.annotatorFilter.id }, 'Annotator'),
        this.annotatorFilter,
        h('label', { for: this.labelFilter.id }, 'Label'),
        this.labelFilter,
      ),
      this.unlabelled.section,
      this.empty,
      this.earlier,
      this.list,
      this.more,
      this.orphans.section,
    );
    this.edgeObserver.observe(this.more);
    this.edgeObserver.observe(this.earlier);
    this.element = h(
      'aside',
      { class: 'claim-panel', 'aria-labelledby': 'claims-title' },
      h(
        'div',
        { class: 'panel-header' },
        this.heading,
        h('button', { type: 'button', class: 'quiet', 'aria-keyshortcuts': 'Control+Z', onclick: () => host.dispatch({ type: 'undo' }) }, 'Undo'),
        h('button', { type: 'button', class: 'quiet', 'aria-keyshortcuts': 'Control+Shift+Z', onclick: () => host.dispatch({ type: 'redo' }) }, 'Redo'),
      ),
      this.layers,
      this.compareToggle,
      this.listView,
      this.compareView,
    );
  }

  /** The panel as the plugin view of the editor: drawn from its state, and again whenever that changes. */
  plugin(): Plugin {
    return new Plugin({
      view: (view) => {
        this.update(view.state, null);
        return { update: (next, prev) => this.update(next.state, prev), destroy: () => this.destroy() };
      },
    });
  }

  private articleState(): ArticleState | null {
    return this.state && articleState(this.state);
  }

  /**
   * Draws the panel for `state` when what it shows changed since `prev`: the claims, the
   * selection, the layers, or the article state. Sections of a long article arriving change
   * none of these.
   */
  update(state: EditorState, prev: EditorState | null): void {
    const [claims, article] = [claimsState(state), articleState(state)];
    const [was, wasArticle] = prev ? [claimsState(prev), articleState(prev)] : [null, null];
    const same =
      was &&
      was.claims === claims.claims &&
      was.selected === claims.selected &&
      was.hidden === claims.hidden &&
      was.markers === claims.markers &&
      was.flash === claims.flash;
    if (same && wasArticle === article) return;
    // Other filters list other claims: their window starts at the top.
    if (wasArticle && wasArticle.filters !== article.filters) [this.first, this.limit] = [0, PAGE];
    this.state = state;
    this.draw();
    if (!same) this.scrollToSelected();
  }

  /** Draws the panel again from the state last drawn (the window of entries moved). */
  private redraw(): void {
    if (this.state) this.draw();
  }

  /** The layer switcher and the annotator filter, for the annotators who have claims here. */
  private renderLayers(state: ClaimsState, filters: Filters): void {
    if (this.annotators?.of !== state.claims) {
      const counted = new Map<string, { name: string; count: number; mine: boolean }>();
      for (const claim of state.claims.values()) {
        const entry = counted.get(claim.annotator.id) ?? { name: claim.annotator.name, count: 0, mine: this.host.isMine(claim) };
        entry.count++;
        counted.set(claim.annotator.id, entry);
      }
      this.annotators = { of: state.claims, counted };
    }
    const annotators = this.annotators.counted;
    const sorted = [...annotators].sort(([, a], [, b]) => Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name));
    const key = JSON.stringify([sorted, [...state.hidden], [...state.markers], filters.annotator]);
    if (key === this.layerKey) return;
    this.layerKey = key;
    this.layers.hidden = sorted.length < 2;
    this.compareToggle.hidden = sorted.length < 2;
    this.layers.replaceChildren(
      h('legend', {}, 'Layers shown'),
      ...sorted.map(([id, a]) => {
        const box = h('input', { type: 'checkbox', id: `layer-${id}`, checked: !state.hidden.has(id) });
        box.addEventListener('change', () => {
          const hidden = new Set(state.hidden);
          if (box.checked) hidden.delete(id);
          else hidden.add(id);
          this.host.dispatch({ type: 'set-hidden', hidden });
        });
        return h(
          'div',
          { class: 'layer', 'data-layer': String(state.markers.get(id) ?? 0) },
          box,
          h(
            'label',
            { for: box.id },
            h('span', { class: 'layer-swatch', 'aria-hidden': 'true' }),
            `${a.name}${a.mine ? ' (you)' : ''} — ${a.count} claim${a.count === 1 ? '' : 's'}`,
          ),
        );
      }),
    );
    this.annotatorFilter.replaceChildren(h('option', { value: 'all' }, 'All annotators'), ...sorted.map(([id, a]) => h('option', { value: id }, a.name)));
    this.annotatorFilter.value = shownAnnotator(filters, annotators);
  }

  /** Shows the claims in reading order, less hidden layers and filtered-out claims. */
  private draw(): void {
    const editorState = this.state!;
    const state = claimsState(editorState);
    const article = articleState(editorState);
    const allClaims = sortedClaims(editorState);
    this.renderLayers(state, article.filters);
    const comparing = article.compare.open;
    this.compareToggle.setAttribute('aria-pressed', String(comparing));
    this.listView.hidden = comparing;
    this.compareView.hidden = !comparing;
    if (comparing) {
      const reviewing = this.compareView.querySelector('.disagreements')?.contains(document.activeElement) ?? false;
      const focusedControl = document.activeElement?.getAttribute('data-control');
      this.compareView.replaceChildren(
        renderComparison({
          article: this.article(),
          claims: allClaims,
          pair: article.compare.pair && [...article.compare.pair],
          choosePair: (pair) => this.act({ type: 'compare', compare: { pair } }),
          reveal: (id) => this.host.dispatch({ type: 'reveal', id }),
          decisions: article.decisions,
          decide: (key, decision) => this.host.dispatch({ type: 'decide', key, decision }),
          exportAdjudicated: (lines) => this.host.dispatch({ type: 'export-adjudicated', lines }),
          current: article.compare.index,
          setCurrent: (index) => {
            const count = this.compareView.querySelectorAll('.disagreement').length;
            const current = Math.max(0, Math.min(index, count - 1));
            this.act({ type: 'compare', compare: { index: current } });
            const item = this.compareView.querySelectorAll<HTMLElement>('.disagreement')[current];
            item?.focus();
            // Show the disagreement in the text too; the redraw that follows keeps focus here.
            if (item?.dataset.claim) this.host.dispatch({ type: 'reveal', id: item.dataset.claim });
          },
        }),
      );
      if (reviewing) {
        const item = this.compareView.querySelectorAll<HTMLElement>('.disagreement')[article.compare.index];
        (focusedControl === 'comment' ? item?.querySelector<HTMLElement>('[data-control="comment"]') : item)?.focus();
      }
    }
    const { label } = article.filters;
    const annotator = shownAnnotator(article.filters, this.annotators!.counted);
    const waiting = article.unlabelled;
    this.unlabelled.show(
      `Unlabelled (${waiting.length})`,
      waiting.map((item) => unlabelledElement(item, this.host)),
    );
    const orphans = allClaims.filter(isOrphan);
    this.orphans.show(
      `Not found in this text (${orphans.length})`,
      orphans.map((c) => orphanElement(c, this.host)),
    );
    const claims = allClaims.filter(
      (c) =>
        !isOrphan(c) && !state.hidden.has(c.annotator.id) && (annotator === 'all' || c.annotator.id === annotator) && (label === 'all' || c.label === label),
    );
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
      const comments = article.comments.get(claim.id) ?? [];
      const same = old && old.claim === claim && old.selected === selected && old.comments === comments;
      next.set(claim.id, same ? old : { claim, selected, comments, element: this.rebuilt(old, claim, selected, marker, comments) });
    }
    for (const [id, entry] of this.entries) if (!next.has(id)) entry.element.remove();
    // Walk the list once with a cursor (indexing the live `children` after each insert is O(n²)).
    let cursor = this.list.firstChild;
    for (const entry of next.values()) {
      if (entry.element === cursor) cursor = cursor.nextSibling;
      else this.list.insertBefore(entry.element, cursor);
    }
    this.entries = next;
    const placed = allClaims.length - orphans.length;
    this.heading.textContent = claims.length === placed ? `Claims (${claims.length})` : `Claims (${claims.length} of ${placed})`;
    this.empty.hidden = allClaims.length > 0;
    this.more.hidden = claims.length <= this.limit;
    this.more.textContent = `Show ${Math.min(PAGE, claims.length - this.limit)} more of ${claims.length - this.limit} claims`;
    this.earlier.hidden = this.first === 0;
    this.earlier.textContent = `Show ${Math.min(PAGE, this.first)} earlier of ${this.first} claims`;
  }

  /** Stops watching for the end of the list (the view is closing). */
  destroy(): void {
    this.edgeObserver.disconnect();
  }

  /** Builds the next page of entries. */
  private showMore(): void {
    if (this.more.hidden) return;
    this.limit += PAGE;
    this.redraw();
  }

  /**
   * Builds the page of entries before the first built one, keeping the entries on screen where
   * they were (the new ones go above, out of sight), so the button leaves the view and is not
   * pressed again at once.
   */
  private showEarlier(): void {
    if (this.earlier.hidden) return;
    const anchor = this.list.firstElementChild;
    const before = anchor?.getBoundingClientRect().top ?? 0;
    this.first = Math.max(0, this.first - PAGE);
    this.redraw();
    if (anchor) this.element.scrollTop += anchor.getBoundingClientRect().top - before;
  }

  /** Brings the selected entry into view in the panel. */
  scrollToSelected(): void {
    this.list.querySelector('.claim-entry.is-selected')?.scrollIntoView({ block: 'nearest' });
  }

  /** A new element for a claim, keeping focus on the same control if the old one had it. */
  private rebuilt(old: Entry | undefined, claim: Claim, selected: boolean, marker: number, comments: readonly ClaimComment[]): HTMLLIElement {
    const element = entryElement(claim, selected, marker, comments, this.host);
    const focused = old?.element.contains(document.activeElement) ? document.activeElement?.getAttribute('data-control') : null;
    if (old && focused) {
      queueMicrotask(() => element.querySelector<HTMLElement>(`[data-control="${focused}"]`)?.focus());
    }
    if (old) old.element.replaceWith(element);
    return element;
  }
}
