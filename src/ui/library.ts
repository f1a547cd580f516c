/**
 * The library: every article with its byline, date and claim counts per label, sorted and
 * filtered as the person chose (kept for the tab, so Previous and Next article follow it), and
 * drawn only where it is in view, so 2,000 articles open as fast as twenty.
 */
import { countTotal, LABEL_NAMES, LABELS, type Article, type Label } from '../core/model';
import type { ArticleSummary } from '../store/db';
import { h, publishedElement } from './dom';
import { placeChildren, VirtualRows } from './virtual-rows';

/** How the library is sorted and filtered. */
export interface LibraryChoice {
  sort: 'added' | 'published' | 'title' | 'claims' | 'disputed';
  outlet: string;
  author: string;
  /** Only articles with a claim of this label ('' for all). */
  label: Label | '';
}

const SORTS: Record<LibraryChoice['sort'], string> = {
  added: 'Date added',
  published: 'Date published (newest first)',
  title: 'Title',
  claims: 'Most claims',
  disputed: 'Most disputed claims',
};

const CHOICE_KEY = 'claimtrail:library-choice';

/** The tab's library choice (as it was last set), or the library's own order. */
export function libraryChoice(): LibraryChoice {
  const fallback: LibraryChoice = { sort: 'added', outlet: '', author: '', label: '' };
  try {
    return { ...fallback, ...(JSON.parse(sessionStorage.getItem(CHOICE_KEY) ?? '{}') as Partial<LibraryChoice>) };
  } catch {
    return fallback;
  }
}

function keepChoice(choice: LibraryChoice): void {
  sessionStorage.setItem(CHOICE_KEY, JSON.stringify(choice));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const total = (s: ArticleSummary) => countTotal(s.counts);

/** The articles the library shows for a choice, in its order (stored order is date added). */
export function shownArticles(summaries: readonly ArticleSummary[], choice: LibraryChoice): ArticleSummary[] {
  const shown = summaries.filter(
    (s) =>
      (!choice.outlet || s.article.outlet === choice.outlet) &&
      (!choice.author || s.article.author === choice.author) &&
      (!choice.label || s.counts[choice.label] > 0),
  );
  const by: Record<LibraryChoice['sort'], ((a: ArticleSummary, b: ArticleSummary) => number) | null> = {
    added: null,
    published: (a, b) => (b.article.published ?? '').localeCompare(a.article.published ?? ''),
    title: (a, b) => collator.compare(a.article.title, b.article.title),
    claims: (a, b) => total(b) - total(a),
    disputed: (a, b) => b.counts.disputed - a.counts.disputed,
  };
  const sort = by[choice.sort];
  return sort ? shown.sort(sort) : shown;
}

export interface LibraryActions {
  addFiles(): void;
  pasteText(): void;
  editDetails(article: Article): void;
  /** Computes agreement over every article and shows it in `into`. */
  showAgreement(into: HTMLElement): void;
  /** Whether agreement was asked for; a redrawn library computes it again rather than dropping it. */
  readonly agreementShown: boolean;
  /** Fills `into` with likely versions, claim threads and the way to the provenance picture. */
  showProvenance(into: HTMLElement): void;
}

/** Author and outlet, joined for a byline. */
export function byline(article: Article): string {
  return [article.author, article.outlet].filter(Boolean).join(' · ');
}

function countBadges(counts: ArticleSummary['counts']): HTMLElement {
  return h(
    'ul',
    { class: 'counts', 'aria-label': 'Claims by label' },
    ...LABELS.map((label) => h('li', { class: `count count-${label}` }, `${counts[label]} ${LABEL_NAMES[label]}`)),
  );
}

function agreementSection(actions: LibraryActions): HTMLElement {
  const results = h('div', { class: 'library-agreement-results' });
  const section = h(
    'section',
    { class: 'library-agreement', 'aria-labelledby': 'agreement-title' },
    h('h2', { id: 'agreement-title' }, 'Agreement across the library'),
    h('button', { type: 'button', onclick: () => actions.showAgreement(results) }, 'Compute agreement'),
    results,
  );
  if (actions.agreementShown) actions.showAgreement(results);
  return section;
}

const ITEM_HEIGHT = 150;

function libraryItem({ article, counts }: ArticleSummary, actions: LibraryActions): HTMLElement {
  return h(
    'li',
    { class: 'library-item' },
    h('h2', {}, h('a', { href: `#/article/${encodeURIComponent(article.id)}`, class: 'article-link', title: article.title }, article.title)),
    h('p', { class: 'byline' }, byline(article) || 'Unknown author', publishedElement(article.published)),
    countBadges(counts),
    h(
      'button',
      { type: 'button', class: 'quiet', 'aria-label': `Edit details of ${article.title}`, onclick: () => actions.editDetails(article) },
      'Edit details',
    ),
  );
}

function select(label: string, value: string, options: [string, string][], change: (value: string) => void): HTMLElement {
  const field = h(
    'select',
    { onchange: (e: Event) => change((e.target as HTMLSelectElement).value) },
    ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  return h('label', { class: 'library-control' }, `${label} `, field);
}

/** The library view, and what to call when it is left. */
export function renderLibrary(summaries: readonly ArticleSummary[], actions: LibraryActions): { element: HTMLElement; destroy: () => void } {
  let choice = libraryChoice();
  const count = h('p', { class: 'library-count', 'aria-live': 'polite' });
  const list = h('ul', { class: 'library-list' });
  const scroller = h('div', { class: 'library-scroller' }, list);
  let shown: ArticleSummary[] = [];
  // Items drawn stay the same elements while they are in view (see placeChildren).
  let drawn = new Map<string, HTMLElement>();
  const spacers = [0, 1].map(() => h('li', { class: 'spacer', 'aria-hidden': 'true' }));
  const virtual = new VirtualRows(scroller, ITEM_HEIGHT, ({ first, last, above, below }) => {
    const items = new Map(shown.slice(first, last + 1).map((s) => [s.article.id, drawn.get(s.article.id) ?? libraryItem(s, actions)]));
    drawn = items;
    spacers[0]!.style.height = `${above}px`;
    spacers[1]!.style.height = `${below}px`;
    placeChildren(list, [spacers[0]!, ...items.values(), spacers[1]!]);
  });
  const show = () => {
    shown = shownArticles(summaries, choice);
    drawn = new Map();
    count.textContent = `${shown.length === summaries.length ? '' : `${shown.length} of `}${summaries.length} article${summaries.length === 1 ? '' : 's'}`;
    virtual.setCount(shown.length);
  };
  const change = (patch: Partial<LibraryChoice>) => {
    choice = { ...choice, ...patch };
    keepChoice(choice);
    show();
  };
  const distinct = (of: (a: Article) => string | undefined) =>
    [...new Set(summaries.map((s) => of(s.article)).filter((v): v is string => !!v))].sort(collator.compare).map((v): [string, string] => [v, v]);
  const controls = h(
    'div',
    { class: 'library-controls' },
    select('Sort by', choice.sort, Object.entries<string>(SORTS), (v) => change({ sort: v as LibraryChoice['sort'] })),
    select('Outlet', choice.outlet, [['', 'All outlets'], ...distinct((a) => a.outlet)], (v) => change({ outlet: v })),
    select('Author', choice.author, [['', 'All authors'], ...distinct((a) => a.author)], (v) => change({ author: v })),
    select('With claims labelled', choice.label, [['', 'Any label'], ...LABELS.map((l): [string, string] => [l, LABEL_NAMES[l]])], (v) =>
      change({ label: v as Label | '' }),
    ),
    count,
  );
  const element = h(
    'section',
    { class: 'library', 'aria-labelledby': 'library-title' },
    h('h1', { id: 'library-title' }, 'Library'),
    h(
      'div',
      { class: 'drop-zone', 'data-drop-zone': '' },
      h('p', {}, 'Drop articles (.txt, .md, saved web pages, PDFs, Word .docx) or claimtrail .json exports anywhere on this page, or'),
      h('button', { type: 'button', onclick: actions.addFiles }, 'Add articles'),
      h('button', { type: 'button', onclick: actions.pasteText }, 'Paste text'),
    ),
    ...(summaries.length ? [controls, scroller] : [h('p', {}, 'No articles yet.')]),
    provenanceSlot(actions),
    agreementSection(actions),
  );
  show();
  return { element, destroy: () => virtual.destroy() };
}

function provenanceSlot(actions: LibraryActions): HTMLElement {
  const slot = h(
    'section',
    { class: 'library-provenance', 'aria-labelledby': 'library-provenance-title' },
    h('h2', { id: 'library-provenance-title' }, 'Provenance and claim threads'),
    h('p', { class: 'hint' }, 'Comparing the articles…'),
  );
  actions.showProvenance(slot);
  return slot;
}
