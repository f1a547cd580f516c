/**
 * The Claims view (`#/claims`): every claim of the library in one table, filtered with the
 * words and filters of Search, sorted by any column, drawn only where it is in view. The table
 * is one focusable grid: arrows, Page Up/Down, Home and End move; Enter opens the claim in its
 * article; 1, 2, 3 relabel your own claims; Space selects rows, which (or, with none selected,
 * the rows shown) can be exported in every format.
 */
import { LABEL_NAMES, LABELS, type Label } from '../core/model';
import type { ClaimRow } from '../core/library-index';
import type { LibrarySearch } from '../search/index-client';
import { formatPublished, h } from './dom';
import { guard } from './guard';
import { articleHref } from './search';
import { placeChildren, VirtualRows, type Window } from './virtual-rows';

/** What the view asks of the app. */
export interface ClaimsHost {
  search: LibrarySearch;
  me(): string;
  /** Relabels those of the claims that are yours; how many were. */
  relabel(ids: readonly string[], label: Label): Promise<number>;
  exportClaims(ids: readonly string[]): void;
  status(message: string): void;
}

type Column = { key: keyof ClaimRow; title: string; cell: (row: ClaimRow) => Node | string };

const COLUMNS: Column[] = [
  { key: 'label', title: 'Label', cell: (r) => h('span', { class: `label-tag label-${r.label}` }, LABEL_NAMES[r.label]) },
  { key: 'exact', title: 'Quote', cell: (r) => r.exact },
  { key: 'article', title: 'Article', cell: (r) => r.article },
  { key: 'outlet', title: 'Outlet', cell: (r) => r.outlet },
  { key: 'published', title: 'Published', cell: (r) => (r.published ? formatPublished(r.published) : '') },
  { key: 'annotator', title: 'Annotator', cell: (r) => r.annotator },
  { key: 'sources', title: 'Sources', cell: (r) => String(r.sources) },
  { key: 'review', title: 'Review', cell: (r) => (r.review === 'yours' ? '' : r.review) },
  { key: 'thread', title: 'Thread', cell: (r) => r.thread },
  { key: 'carried', title: 'Carried over', cell: (r) => r.carried },
];

const ROW_HEIGHT = 34;
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The rows in the library's order: by article, then place in the text. */
function libraryOrder(a: ClaimRow, b: ClaimRow): number {
  return a.order - b.order || a.start - b.start || a.end - b.end || a.id.localeCompare(b.id);
}

export class ClaimsView {
  readonly element: HTMLElement;
  private rows: ClaimRow[] = [];
  private sortKey: keyof ClaimRow | null = null;
  private descending = false;
  private active = 0;
  private readonly selected = new Set<string>();
  private readonly filter: HTMLInputElement;
  private readonly count = h('p', { class: 'claims-count', 'aria-live': 'polite' });
  private readonly exportButton = h('button', { type: 'button' }, 'Export…');
  private readonly table = h('table', { class: 'claims-table', role: 'grid', tabindex: 0, 'aria-label': 'Claims', 'aria-multiselectable': 'true' });
  private readonly body = h('tbody', {});
  private readonly headers: HTMLTableCellElement[];
  private readonly scroller = h('div', { class: 'claims-scroller' });
  private readonly virtual: VirtualRows;
  private serial = 0;
  private readonly stopListening: () => void;

  constructor(
    private readonly host: ClaimsHost,
    query: string,
  ) {
    this.filter = h('input', {
      type: 'search',
      class: 'claims-filter',
      'aria-label': 'Filter claims',
      placeholder: 'label:opinion by:ana "security belt"',
      value: query,
      autocomplete: 'off',
    });
    this.headers = COLUMNS.map((column) =>
      h(
        'th',
        { scope: 'col', role: 'columnheader', 'aria-sort': 'none' },
        h('button', { type: 'button', class: 'sort', onclick: () => this.sortBy(column.key) }, column.title),
      ),
    );
    this.table.append(h('thead', {}, h('tr', { role: 'row', 'aria-rowindex': 1 }, ...this.headers)), this.body);
    this.scroller.append(this.table);
    this.element = h(
      'section',
      { class: 'claims-view', 'aria-labelledby': 'claims-title' },
      h('h1', { id: 'claims-title' }, 'Claims'),
      h(
        'div',
        { class: 'claims-tools' },
        this.filter,
        this.count,
        this.exportButton,
        h('p', { class: 'hint' }, 'Arrows move · Enter opens · 1 Sourced, 2 Disputed, 3 Opinion relabel your claims · Space selects'),
      ),
      this.scroller,
    );
    this.virtual = new VirtualRows(this.scroller, ROW_HEIGHT, (w) => this.draw(w));
    this.filter.addEventListener('input', () => {
      history.replaceState(null, '', `#/claims${this.filter.value ? `?q=${encodeURIComponent(this.filter.value)}` : ''}`);
      guard(this.load());
    });
    this.exportButton.addEventListener('click', () => this.host.exportClaims(this.selected.size ? [...this.selected] : this.rows.map((r) => r.id)));
    this.table.addEventListener('keydown', (event) => this.onKey(event));
    this.body.addEventListener('click', (event) => {
      const tr = (event.target as Element).closest('tr[data-index]');
      if (!tr) return;
      this.setActive(Number((tr as HTMLElement).dataset.index));
      this.table.focus({ preventScroll: true });
    });
    this.body.addEventListener('dblclick', () => this.open());
    let again: ReturnType<typeof setTimeout> | undefined;
    this.stopListening = host.search.onChange(() => {
      clearTimeout(again);
      again = setTimeout(() => guard(this.load()), 200);
    });
  }

  /** Asks the index for the rows that pass the filter and draws them. */
  async load(): Promise<void> {
    const asked = ++this.serial;
    const activeId = this.rows[this.active]?.id;
    const { rows, problems } = await this.host.search.ask('rows', { query: this.filter.value, me: this.host.me() });
    if (asked !== this.serial) return;
    this.rows = rows;
    this.sort();
    const at = activeId ? this.rows.findIndex((r) => r.id === activeId) : -1;
    this.active = at >= 0 ? at : Math.min(this.active, Math.max(0, this.rows.length - 1));
    const shown = `${rows.length.toLocaleString()} claim${rows.length === 1 ? '' : 's'}`;
    this.count.replaceChildren([shown, ...problems].join(' '));
    this.showSelection();
    this.redraw();
  }

  private sort(): void {
    const key = this.sortKey;
    if (!key) {
      this.rows.sort(libraryOrder);
      return;
    }
    const sign = this.descending ? -1 : 1;
    this.rows.sort((a, b) => {
      const x = a[key];
      const y = b[key];
      const by = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sign * by || libraryOrder(a, b);
    });
  }

  private sortBy(key: keyof ClaimRow): void {
    this.descending = this.sortKey === key ? !this.descending : false;
    this.sortKey = key;
    const activeId = this.rows[this.active]?.id;
    this.sort();
    this.active = Math.max(
      0,
      this.rows.findIndex((r) => r.id === activeId),
    );
    COLUMNS.forEach((c, i) => this.headers[i]!.setAttribute('aria-sort', c.key === key ? (this.descending ? 'descending' : 'ascending') : 'none'));
    this.redraw();
  }

  /** The rows drawn, by claim id: kept while in view, and made again when the rows change (load, sort, relabel). */
  private drawn = new Map<string, HTMLTableRowElement>();
  private readonly spacerCells = [h('td', { colspan: COLUMNS.length }), h('td', { colspan: COLUMNS.length })] as const;
  private readonly spacers = this.spacerCells.map((cell) => h('tr', { class: 'spacer', 'aria-hidden': 'true' }, cell));

  private redraw(): void {
    this.drawn = new Map();
    this.virtual.setCount(this.rows.length);
  }

  private draw({ first, last, above, below }: Window): void {
    const drawn = new Map<string, HTMLTableRowElement>();
    for (let i = first; i <= last; i++) {
      const row = this.rows[i];
      if (!row) continue;
      const tr = this.drawn.get(row.id) ?? h('tr', { role: 'row' }, ...COLUMNS.map((c) => h('td', { role: 'gridcell', class: `col-${c.key}` }, c.cell(row))));
      tr.id = `claim-row-${i}`;
      tr.dataset.index = String(i);
      tr.setAttribute('aria-rowindex', String(i + 2));
      tr.setAttribute('aria-selected', String(this.selected.has(row.id)));
      tr.classList.toggle('active', i === this.active);
      drawn.set(row.id, tr);
    }
    this.drawn = drawn;
    this.spacerCells[0].style.height = `${above}px`;
    this.spacerCells[1].style.height = `${below}px`;
    placeChildren(this.body, [this.spacers[0]!, ...drawn.values(), this.spacers[1]!]);
    this.table.setAttribute('aria-rowcount', String(this.rows.length + 1));
    if (this.active >= first && this.active <= last) this.table.setAttribute('aria-activedescendant', `claim-row-${this.active}`);
    else this.table.removeAttribute('aria-activedescendant');
  }

  private setActive(index: number): void {
    if (!this.rows.length) return;
    this.active = Math.max(0, Math.min(this.rows.length - 1, index));
    this.virtual.reveal(this.active);
    this.virtual.setCount(this.rows.length);
  }

  private showSelection(): void {
    const n = this.selected.size;
    this.exportButton.textContent = n ? `Export ${n} selected…` : `Export these ${this.rows.length.toLocaleString()}…`;
  }

  private open(): void {
    const row = this.rows[this.active];
    if (row) location.hash = articleHref(row.articleId, { start: row.start, end: row.end });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: this.virtual.perPage, PageUp: -this.virtual.perPage };
    let handled = true;
    if (event.key in moves) this.setActive(this.active + moves[event.key]!);
    else if (event.key === 'Home') this.setActive(0);
    else if (event.key === 'End') this.setActive(this.rows.length - 1);
    else if (event.key === 'Enter') this.open();
    else if (event.key === ' ') this.toggle();
    else if (['1', '2', '3'].includes(event.key)) guard(this.relabel(LABELS[Number(event.key) - 1]!));
    else handled = false;
    if (handled) event.preventDefault();
  }

  private toggle(): void {
    const row = this.rows[this.active];
    if (!row) return;
    if (!this.selected.delete(row.id)) this.selected.add(row.id);
    this.showSelection();
    this.virtual.setCount(this.rows.length);
  }

  /** Relabels the selected rows, or the active one; only your own claims change. */
  private async relabel(label: Label): Promise<void> {
    const ids = this.selected.size ? [...this.selected] : [this.rows[this.active]?.id].filter((id): id is string => !!id);
    const mine = this.rows.filter((r) => ids.includes(r.id) && r.annotatorId === this.host.me());
    if (!mine.length) {
      this.host.status('Only your own claims can be relabelled here; review other people’s claims in To review.');
      return;
    }
    const changed = await this.host.relabel(
      mine.map((r) => r.id),
      label,
    );
    for (const row of mine) row.label = label;
    this.redraw();
    if (changed) this.host.status(`Relabelled ${changed} claim${changed === 1 ? '' : 's'} ${LABEL_NAMES[label]}.`);
  }

  destroy(): void {
    this.stopListening();
    this.virtual.destroy();
  }
}
