/**
 * The side panel: the open article's claims in text order with label, quote, note and sources.
 * The selected claim opens its editor (label, note, sources, delete) when it is yours. Entries
 * are kept by claim id and rebuilt only when their claim or selection changed, so focus and
 * typing survive updates from other tabs.
 */
import { HttpUrl } from '../core/format/claimtrail-v1';
import { LABEL_NAMES, LABELS, type Article, type Claim, type ClaimComment, type Label, type Source } from '../core/model';
import type { ClaimsState } from '../editor/claims-plugin';
import type { Decision } from '../core/adjudication';
import type { Comparison } from '../core/agreement-report';
import { renderComparison } from './compare';
import { ellipsis, formatDate, h } from './dom';

export interface ClaimActions {
  reveal(id: string): void;
  relabel(id: string, label: Label): void;
  setNote(id: string, note: string): void;
  addSource(id: string, source: Source): void;
  removeSource(id: string, index: number): void;
  remove(id: string): void;
  /** Copies another annotator's claim into your own layer ("I agree"). */
  copyToMine(id: string): void;
  /** The comments on a claim, oldest first. */
  commentsOn(id: string): readonly ClaimComment[];
  addComment(id: string, text: string): void;
  undo(): void;
  redo(): void;
  isMine(claim: Claim): boolean;
  /** Shows only the layers of annotators not in `hidden`. */
  setHidden(hidden: ReadonlySet<string>): void;
  /** The review decisions on this article's disagreements, by disagreement key. */
  decisions(): ReadonlyMap<string, Decision>;
  decide(key: string, decision: Pick<Decision, 'status' | 'chosen' | 'label' | 'comment'>): void;
  exportAdjudicated(lines: Comparison[]): void;
}

/** What the panel lists: one annotator or all, one label or all. */
interface Filters {
  annotator: string;
  label: Label | 'all';
}

interface Entry {
  claim: Claim;
  selected: boolean;
  comments: readonly ClaimComment[];
  element: HTMLLIElement;
}

function sourceView(source: Source): HTMLElement {
  const link = source.url ? h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.url) : null;
  return h('span', {}, link, link && source.citation ? ' — ' : null, source.citation ?? null);
}

function claimEditor(claim: Claim, actions: ClaimActions): HTMLElement {
  const labelSelect = h('select', { id: `label-${claim.id}`, 'data-control': 'label', onchange: () => actions.relabel(claim.id, labelSelect.value as Label) },
    ...LABELS.map((label) => h('option', { value: label, selected: label === claim.label }, LABEL_NAMES[label])));
  const note = h('textarea', { id: `note-${claim.id}`, rows: 3, 'data-control': 'note' });
  note.value = claim.note ?? '';
  const saveNote = () => {
    if (note.value.trim() !== (claim.note ?? '')) actions.setNote(claim.id, note.value.trim());
  };
  note.addEventListener('change', saveNote);
  const url = h('input', { id: `source-url-${claim.id}`, type: 'url', placeholder: 'https://…', 'data-control': 'source-url' });
  const citation = h('input', { id: `source-citation-${claim.id}`, type: 'text', placeholder: 'Izvestia, 11 Jan 2022', 'data-control': 'source-citation' });
  const addSource = h('form', { class: 'add-source', 'aria-label': 'Add a source' },
    h('div', { class: 'field' }, h('label', { for: url.id }, 'Source URL'), url),
    h('div', { class: 'field' }, h('label', { for: citation.id }, 'Citation'), citation),
    h('button', { type: 'submit', 'data-control': 'add-source' }, 'Add source'));
  url.addEventListener('input', () => url.setCustomValidity(''));
  addSource.addEventListener('submit', (event) => {
    event.preventDefault();
    const source: Source = {};
    if (url.value.trim()) {
      if (!HttpUrl.safeParse(url.value.trim()).success) {
        url.setCustomValidity('Only http and https addresses are accepted.');
        url.reportValidity();
        return;
      }
      source.url = url.value.trim();
    }
    if (citation.value.trim()) source.citation = citation.value.trim();
    if (!source.url && !source.citation) {
      citation.setCustomValidity('Give a URL, a citation, or both.');
      citation.reportValidity();
      citation.addEventListener('input', () => citation.setCustomValidity(''), { once: true });
      return;
    }
    actions.addSource(claim.id, source);
  });
  return h('div', { class: 'claim-editor' },
    h('div', { class: 'field' }, h('label', { for: labelSelect.id }, 'Label'), labelSelect),
    h('div', { class: 'field' }, h('label', { for: note.id }, 'Note'), note,
      h('button', { type: 'button', 'data-control': 'save-note', onclick: saveNote }, 'Save note')),
    claim.sources.length
      ? h('ul', { class: 'source-list', 'aria-label': 'Sources' }, ...claim.sources.map((source, i) =>
        h('li', {}, sourceView(source), h('button', { type: 'button', class: 'quiet', 'aria-label': `Remove source ${i + 1}`, onclick: () => actions.removeSource(claim.id, i) }, 'Remove'))))
      : null,
    addSource,
    h('button', { type: 'button', class: 'danger', 'data-control': 'delete', onclick: () => actions.remove(claim.id) }, 'Delete claim'));
}

function commentForm(claim: Claim, actions: ClaimActions): HTMLElement {
  const text = h('textarea', { id: `comment-on-${claim.id}`, rows: 2, 'data-control': 'comment-text' });
  const form = h('form', { class: 'comment-form' },
    h('label', { for: text.id }, 'Comment on this claim'), text,
    h('button', { type: 'submit', 'data-control': 'add-comment' }, 'Add comment'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (text.value.trim()) actions.addComment(claim.id, text.value.trim());
  });
  return form;
}

function entryElement(claim: Claim, selected: boolean, marker: number, comments: readonly ClaimComment[], actions: ClaimActions): HTMLLIElement {
  const mine = actions.isMine(claim);
  return h('li', { class: `claim-entry claim-${claim.label}${selected ? ' is-selected' : ''}`, 'data-claim-id': claim.id, 'data-layer': String(marker) },
    h('button', { type: 'button', class: 'claim-select', 'aria-pressed': String(selected), 'data-control': 'select', onclick: () => actions.reveal(claim.id) },
      h('span', { class: `label-tag label-${claim.label}` }, LABEL_NAMES[claim.label]),
      h('q', { dir: 'auto' }, ellipsis(claim.exact, 240))),
    claim.note ? h('p', { class: 'claim-note', dir: 'auto' }, claim.note) : null,
    !selected && claim.sources.length ? h('ul', { class: 'source-list', 'aria-label': 'Sources' }, ...claim.sources.map((s) => h('li', {}, sourceView(s)))) : null,
    h('p', { class: 'claim-meta' }, h('span', { class: 'layer-swatch', 'aria-hidden': 'true' }), `${claim.annotator.name}${mine ? '' : ' (read-only)'} · ${formatDate(claim.modified, true)}`),
    comments.length ? h('ul', { class: 'comments', 'aria-label': 'Comments' }, ...comments.map((c) =>
      h('li', { dir: 'auto' }, h('span', { class: 'comment-by' }, `${c.by.name}: `), c.text))) : null,
    selected && mine ? claimEditor(claim, actions) : null,
    selected && !mine ? h('button', { type: 'button', onclick: () => actions.copyToMine(claim.id) }, 'I agree: copy to my claims') : null,
    selected && !mine ? commentForm(claim, actions) : null);
}

/** The claim panel of one article. */
export class ClaimPanel {
  readonly element: HTMLElement;
  private readonly list = h('ol', { class: 'claim-list' });
  private readonly heading = h('h2', { id: 'claims-title' }, 'Claims');
  private readonly empty = h('p', { class: 'claims-empty' }, 'Select words in the text, then choose Sourced, Disputed or Opinion (or press 1, 2 or 3).');
  private readonly layers = h('fieldset', { class: 'layers' });
  private readonly annotatorFilter = h('select', { id: 'filter-annotator' });
  private readonly labelFilter = h('select', { id: 'filter-label' },
    h('option', { value: 'all' }, 'All labels'), ...LABELS.map((l) => h('option', { value: l }, LABEL_NAMES[l])));
  private entries = new Map<string, Entry>();
  private filters: Filters = { annotator: 'all', label: 'all' };
  private last: { state: ClaimsState; claims: readonly Claim[] } | null = null;
  /** The annotators last drawn in the layer switcher, to redraw it only when they change. */
  private layerKey = '';
  private readonly compareToggle = h('button', { type: 'button', class: 'quiet', 'aria-pressed': 'false', hidden: true }, 'Compare annotators');
  private readonly listView: HTMLElement;
  private readonly compareView = h('div', { class: 'compare-view', hidden: true });
  private comparePair: [string, string] | null = null;
  private reviewIndex = 0;

  constructor(
    private readonly actions: ClaimActions,
    private readonly article: () => Article,
  ) {
    const refilter = () => {
      this.filters = { annotator: this.annotatorFilter.value, label: this.labelFilter.value as Filters['label'] };
      this.rerender();
    };
    this.annotatorFilter.addEventListener('change', refilter);
    this.labelFilter.addEventListener('change', refilter);
    this.compareToggle.addEventListener('click', () => {
      const comparing = this.compareToggle.getAttribute('aria-pressed') !== 'true';
      this.compareToggle.setAttribute('aria-pressed', String(comparing));
      this.listView.hidden = comparing;
      this.compareView.hidden = !comparing;
      this.rerender();
    });
    this.listView = h('div', {},
      h('div', { class: 'filters' },
        h('label', { for: this.annotatorFilter.id }, 'Annotator'), this.annotatorFilter,
        h('label', { for: this.labelFilter.id }, 'Label'), this.labelFilter),
      this.empty, this.list);
    this.element = h('aside', { class: 'claim-panel', 'aria-labelledby': 'claims-title' },
      h('div', { class: 'panel-header' }, this.heading,
        h('button', { type: 'button', class: 'quiet', 'aria-keyshortcuts': 'Control+Z', onclick: () => actions.undo() }, 'Undo'),
        h('button', { type: 'button', class: 'quiet', 'aria-keyshortcuts': 'Control+Shift+Z', onclick: () => actions.redo() }, 'Redo')),
      this.layers, this.compareToggle, this.listView, this.compareView);
  }

  /** Draws the panel again (after review decisions changed). */
  rerender(): void {
    if (this.last) this.render(this.last.state, this.last.claims);
  }

  /** The layer switcher and the annotator filter, for the annotators who have claims here. */
  private renderLayers(state: ClaimsState): void {
    const annotators = new Map<string, { name: string; count: number; mine: boolean }>();
    for (const claim of state.claims.values()) {
      const entry = annotators.get(claim.annotator.id) ?? { name: claim.annotator.name, count: 0, mine: this.actions.isMine(claim) };
      entry.count++;
      annotators.set(claim.annotator.id, entry);
    }
    const sorted = [...annotators].sort(([, a], [, b]) => Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name));
    const key = JSON.stringify([sorted, [...state.hidden], [...state.markers]]);
    if (key === this.layerKey) return;
    this.layerKey = key;
    this.layers.hidden = sorted.length < 2;
    this.compareToggle.hidden = sorted.length < 2;
    this.layers.replaceChildren(h('legend', {}, 'Layers shown'), ...sorted.map(([id, a]) => {
      const box = h('input', { type: 'checkbox', id: `layer-${id}`, checked: !state.hidden.has(id) });
      box.addEventListener('change', () => {
        const hidden = new Set(state.hidden);
        if (box.checked) hidden.delete(id);
        else hidden.add(id);
        this.actions.setHidden(hidden);
      });
      return h('div', { class: 'layer', 'data-layer': String(state.markers.get(id) ?? 0) }, box,
        h('label', { for: box.id }, h('span', { class: 'layer-swatch', 'aria-hidden': 'true' }), `${a.name}${a.mine ? ' (you)' : ''} — ${a.count} claim${a.count === 1 ? '' : 's'}`));
    }));
    const chosen = annotators.has(this.filters.annotator) ? this.filters.annotator : 'all';
    this.annotatorFilter.replaceChildren(h('option', { value: 'all' }, 'All annotators'),
      ...sorted.map(([id, a]) => h('option', { value: id, selected: id === chosen }, a.name)));
    this.filters.annotator = chosen;
  }

  /** Shows the claims of `state` in reading order, less hidden layers and filtered-out claims. */
  render(state: ClaimsState, allClaims: readonly Claim[]): void {
    this.last = { state, claims: allClaims };
    this.renderLayers(state);
    if (!this.compareView.hidden) {
      const reviewing = this.compareView.querySelector('.disagreements')?.contains(document.activeElement) ?? false;
      const focusedControl = document.activeElement?.getAttribute('data-control');
      this.compareView.replaceChildren(renderComparison({
        article: this.article(),
        claims: allClaims,
        pair: this.comparePair,
        choosePair: (pair) => {
          this.comparePair = pair;
          this.reviewIndex = 0;
          this.rerender();
        },
        reveal: (id) => this.actions.reveal(id),
        decisions: this.actions.decisions(),
        decide: (key, decision) => this.actions.decide(key, decision),
        exportAdjudicated: (lines) => this.actions.exportAdjudicated(lines),
        current: this.reviewIndex,
        setCurrent: (index) => {
          const count = this.compareView.querySelectorAll('.disagreement').length;
          this.reviewIndex = Math.max(0, Math.min(index, count - 1));
          this.rerender();
          const item = this.compareView.querySelectorAll<HTMLElement>('.disagreement')[this.reviewIndex];
          item?.focus();
          // Show the disagreement in the text too; the redraw that follows keeps focus here.
          if (item?.dataset.claim) this.actions.reveal(item.dataset.claim);
        },
      }));
      if (reviewing) {
        const item = this.compareView.querySelectorAll<HTMLElement>('.disagreement')[this.reviewIndex];
        (focusedControl === 'comment' ? item?.querySelector<HTMLElement>('[data-control="comment"]') : item)?.focus();
      }
    }
    const { annotator, label } = this.filters;
    const claims = allClaims.filter((c) => !state.hidden.has(c.annotator.id)
      && (annotator === 'all' || c.annotator.id === annotator) && (label === 'all' || c.label === label));
    const next = new Map<string, Entry>();
    for (const claim of claims) {
      const selected = claim.id === state.selected;
      const old = this.entries.get(claim.id);
      const marker = state.markers.get(claim.annotator.id) ?? 0;
      const comments = this.actions.commentsOn(claim.id);
      const same = old && old.claim === claim && old.selected === selected && old.comments === comments;
      next.set(claim.id, same ? old : { claim, selected, comments, element: this.rebuilt(old, claim, selected, marker, comments) });
    }
    for (const [id, entry] of this.entries) if (!next.has(id)) entry.element.remove();
    [...next.values()].forEach((entry, i) => {
      if (this.list.children[i] !== entry.element) this.list.insertBefore(entry.element, this.list.children[i] ?? null);
    });
    this.entries = next;
    this.heading.textContent = claims.length === allClaims.length ? `Claims (${claims.length})` : `Claims (${claims.length} of ${allClaims.length})`;
    this.empty.hidden = allClaims.length > 0;
  }

  /** Brings the selected entry into view in the panel. */
  scrollToSelected(): void {
    this.list.querySelector('.claim-entry.is-selected')?.scrollIntoView({ block: 'nearest' });
  }

  /** A new element for a claim, keeping focus on the same control if the old one had it. */
  private rebuilt(old: Entry | undefined, claim: Claim, selected: boolean, marker: number, comments: readonly ClaimComment[]): HTMLLIElement {
    const element = entryElement(claim, selected, marker, comments, this.actions);
    const focused = old?.element.contains(document.activeElement) ? document.activeElement?.getAttribute('data-control') : null;
    if (old && focused) {
      queueMicrotask(() => (element.querySelector(`[data-control="${focused}"]`) as HTMLElement | null)?.focus());
    }
    if (old) old.element.replaceWith(element);
    return element;
  }
}
