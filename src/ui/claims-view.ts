/**
 * The Claims view (`#/claims`): every claim of the library in one table, filtered with the
 * words and filters of Search, sorted by any column, drawn only where it is in view. The table
 * is one focusable grid: arrows, Page Up/Down, Home and End move; Enter opens the claim in its
 * article; 1, 2, 3 relabel your own claims; Space selects rows, which (or, with none selected,
 * the rows shown) can be exported in every format. The index worker filters and sorts; the view
 * asks it for the rows near those in view, a block at a time, so 100,000 rows never cross at once.
 */
import { LABEL_NAMES, LABELS, type Label } from '../core/model';
import type { ClaimRow, SortKey, TableSort } from '../core/library-index';
import type { LibrarySearch } from '../search/index-client';
import { TABLE_BLOCK } from '../search/protocol';
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

type Column = { key: SortKey; title: string; cell: (row: ClaimRow) => Node | string };

const COLUMNS: Column[] = [
  { key: 'label', title: 'Label', cell: (r) => h('span', { class: `label-tag label-${r.label}` }, LABEL_NAMES[r.label]) },
  // A link for the mouse (one click opens the claim); the keyboard has Enter, so the grid stays one Tab stop.
  { key: 'exact', title: 'Quote', cell: (r) => h('a', { href: articleHref(r.articleId, { start: r.start, end: r.end }), tabindex: -1 }, r.exact) },
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

export class ClaimsView {
  readonly element: HTMLElement;
  /** The table the worker made for the filter and sort, by its version: how many rows, and those fetched so far, by position. */
  private version = 0;
  private count = 0;
  private rows = new Map<number, ClaimRow>();
  private readonly asked = new Set<number>();
  private sort: TableSort | undefined;
  private active = 0;
  /** Rows selected with Space, by claim id (kept whole: they may scroll out of what is fetched). */
  private readonly selected = new Map<string, ClaimRow>();
  private readonly filter: HTMLInputElement;
  private readonly countLine = h('p', { class: 'claims-count', 'aria-live': 'polite' });
  private readonly exportButton = h('button', { type: 'button' }, 'Export…');
  private readonly table = h('table', { class: 'claims-table', role: 'grid', tabindex: 0, 'aria-label': 'Claims', 'aria-multiselectable': 'true' });
  private readonly body = h('tbody', {});
  private readonly headers: HTMLTableCellElement[];
  private readonly scroller = h('div', { class: 'claims-scroller' });
  private readonly virtual: VirtualRows;
  private shown: Window = { first: 0, last: -1, above: 0, below: 0 };
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
        { scope: 'col', role: 'columnheader', 'aria-sort': 'none', class: `col-${column.key}` },
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
        this.countLine,
        this.exportButton,
        h('p', { class: 'hint' }, 'Arrows move · Enter opens · 1 Sourced, 2 Disputed, 3 Opinion relabel your claims · Space selects'),
      ),
      this.scroller,
    );
    this.virtual = new VirtualRows(this.scroller, ROW_HEIGHT, (w) => this.draw(w));
    this.filter.addEventListener('input', () => {
      history.replaceState(null, '', `#/claims${this.filter.value ? `?q=${encodeURIComponent(this.filter.value)}` : ''}`);
      this.active = 0;
      guard(this.load());
    });
    this.exportButton.addEventListener('click', () => guard(this.exportRows()));
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

  /** Asks the index for the table of the filter and sort, keeping the active claim active, and draws it. */
  async load(): Promise<void> {
    const asked = ++this.serial;
    const keep = this.rows.get(this.active)?.id;
    const table = await this.host.search.ask('table', {
      query: this.filter.value,
      me: this.host.me(),
      ...(this.sort ? { sort: this.sort } : {}),
      ...(keep ? { keep } : {}),
    });
    if (asked !== this.serial) return;
    this.version = table.version;
    this.count = table.count;
    this.rows = new Map(table.rows.map((row, i) => [table.from + i, row]));
    this.asked.clear();
    this.active = table.at >= 0 ? table.at : Math.min(this.active, Math.max(0, this.count - 1));
    const shown = `${this.count.toLocaleString()} claim${this.count === 1 ? '' : 's'}`;
    this.countLine.replaceChildren([shown, ...table.problems].join(' '));
    this.showSelection();
    this.redraw();
    if (table.at >= 0) this.virtual.reveal(this.active);
  }

  /** Fetches the block of rows holding position `index`, once, and draws what is in view when it comes. */
  private fetch(index: number): void {
    const block = Math.floor(index / TABLE_BLOCK);
    if (this.asked.has(block)) return;
    this.asked.add(block);
    const version = this.version;
    guard(
      this.host.search.ask('tableRows', { version, from: block * TABLE_BLOCK, to: (block + 1) * TABLE_BLOCK }).then((rows) => {
        if (version !== this.version) return;
        rows.forEach((row, i) => this.rows.set(block * TABLE_BLOCK + i, row));
        this.draw(this.shown);
      }),
    );
  }

  private sortBy(key: SortKey): void {
    this.sort = { key, descending: this.sort?.key === key ? !this.sort.descending : false };
    COLUMNS.forEach((c, i) => this.headers[i]!.setAttribute('aria-sort', c.key === key ? (this.sort!.descending ? 'descending' : 'ascending') : 'none'));
    guard(this.load());
  }

  /** The rows drawn, by claim id: kept while in view, and made again when the rows change (load, sort, relabel). */
  private drawn = new Map<string, HTMLTableRowElement>();
  private readonly spacerCells = [h('td', { colspan: COLUMNS.length }), h('td', { colspan: COLUMNS.length })] as const;
  private readonly spacers = this.spacerCells.map((cell) => h('tr', { class: 'spacer', 'aria-hidden': 'true' }, cell));

  private redraw(): void {
    this.drawn = new Map();
    this.virtual.setCount(this.count);
  }

  private draw(shown: Window): void {
    this.shown = shown;
    const { first, last, above, below } = shown;
    const drawn = new Map<string, HTMLTableRowElement>();
    for (let i = first; i <= last && i < this.count; i++) {
      const row = this.rows.get(i);
      if (!row) this.fetch(i);
      const key = row?.id ?? `waiting-${i}`;
      const tr =
        this.drawn.get(key) ??
        h(
          'tr',
          { role: 'row', class: row ? null : 'waiting' },
          ...COLUMNS.map((c) => h('td', { role: 'gridcell', class: `col-${c.key}` }, row ? c.cell(row) : '')),
        );
      tr.id = `claim-row-${i}`;
      tr.dataset.index = String(i);
      tr.setAttribute('aria-rowindex', String(i + 2));
      tr.setAttribute('aria-selected', String(!!row && this.selected.has(row.id)));
      tr.classList.toggle('active', i === this.active);
      drawn.set(key, tr);
    }
    this.drawn = drawn;
    this.spacerCells[0].style.height = `${above}px`;
    this.spacerCells[1].style.height = `${below}px`;
    placeChildren(this.body, [this.spacers[0]!, ...drawn.values(), this.spacers[1]!]);
    this.table.setAttribute('aria-rowcount', String(this.count + 1));
    if (this.active >= first && this.active <= last) this.table.setAttribute('aria-activedescendant', `claim-row-${this.active}`);
    else this.table.removeAttribute('aria-activedescendant');
  }

  private setActive(index: number): void {
    if (!this.count) return;
    this.active = Math.max(0, Math.min(this.count - 1, index));
    this.virtual.reveal(this.active);
    this.draw(this.shown);
  }

  private showSelection(): void {
    const n = this.selected.size;
    this.exportButton.textContent = n ? `Export ${n} selected…` : `Export these ${this.count.toLocaleString()}…`;
  }

  private async exportRows(): Promise<void> {
    this.host.exportClaims(this.selected.size ? [...this.selected.keys()] : await this.host.search.ask('tableIds', { version: this.version }));
  }

  private open(): void {
    const row = this.rows.get(this.active);
    if (row) location.hash = articleHref(row.articleId, { start: row.start, end: row.end });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: this.virtual.perPage, PageUp: -this.virtual.perPage };
    let handled = true;
    if (event.key in moves) this.setActive(this.active + moves[event.key]!);
    else if (event.key === 'Home') this.setActive(0);
    else if (event.key === 'End') this.setActive(this.count - 1);
    else if (event.key === 'Enter') this.open();
    else if (event.key === ' ') this.toggle();
    else if (['1', '2', '3'].includes(event.key)) guard(this.relabel(LABELS[Number(event.key) - 1]!));
    else handled = false;
    if (handled) event.preventDefault();
  }

  private toggle(): void {
    const row = this.rows.get(this.active);
    if (!row) return;
    if (!this.selected.delete(row.id)) this.selected.set(row.id, row);
    this.showSelection();
    this.draw(this.shown);
  }

  /** Relabels the selected rows, or the active one; only your own claims change. */
  private async relabel(label: Label): Promise<void> {
    const active = this.rows.get(this.active);
    const chosen = this.selected.size ? [...this.selected.values()] : active ? [active] : [];
    const mine = chosen.filter((r) => r.annotatorId === this.host.me());
    if (!mine.length) {
      this.host.status('Only your own claims can be relabelled here; review other people’s claims in To review.');
      return;
    }
    const changed = await this.host.relabel(
      mine.map((r) => r.id),
      label,
    );
    for (const row of mine) row.label = label;
    this.drawn = new Map();
    this.draw(this.shown);
    if (changed) this.host.status(`Relabelled ${changed} claim${changed === 1 ? '' : 's'} ${LABEL_NAMES[label]}.`);
  }

  destroy(): void {
    this.stopListening();
    this.virtual.destroy();
  }
}
