/** The library: every article with its byline, date and claim counts per label. */
import { LABEL_NAMES, LABELS, type Article } from '../core/model';
import type { ArticleSummary } from '../store/db';
import { h, publishedElement } from './dom';

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

/** Renders the library view. */
export function renderLibrary(summaries: readonly ArticleSummary[], actions: LibraryActions): HTMLElement {
  const items = summaries.map(({ article, counts }) =>
    h(
      'li',
      { class: 'library-item' },
      h('h2', {}, h('a', { href: `#/article/${encodeURIComponent(article.id)}`, class: 'article-link' }, article.title)),
      h('p', { class: 'byline' }, byline(article) || 'Unknown author', publishedElement(article.published)),
      countBadges(counts),
      h(
        'button',
        { type: 'button', class: 'quiet', 'aria-label': `Edit details of ${article.title}`, onclick: () => actions.editDetails(article) },
        'Edit details',
      ),
    ),
  );
  return h(
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
    items.length ? h('ul', { class: 'library-list' }, ...items) : h('p', {}, 'No articles yet.'),
    provenanceSlot(actions),
    agreementSection(actions),
  );
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
