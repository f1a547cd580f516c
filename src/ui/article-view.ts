/** The article view: header with the article's details, the text with its claims, the claim panel. */
import type { Conflicts, Decision } from '../core/adjudication';
import type { ArticleBundle } from '../core/format/export';
import type { Article, UnlabelledClaim } from '../core/model';
import { ArticleEditor } from '../editor/article-editor';
import { articlePlugin } from '../editor/article-state';
import { ClaimPanel } from './claim-panel';
import { h, publishedElement } from './dom';
import type { ArticleHost } from './intents';
import { byline } from './library';

function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend', 'aria-label': 'How labels are drawn' },
    h('span', { class: 'legend-item claim-sourced' }, 'Sourced — solid line'),
    h('span', { class: 'legend-item claim-disputed' }, 'Disputed — double line'),
    h('span', { class: 'legend-item claim-opinion' }, 'Opinion — dotted line'),
  );
}

/** What the article was made from, and what of it was left out (with the way to get it back). */
function sourceNote(article: Article, useWholePage: () => void): HTMLElement | null {
  const parts: (string | HTMLElement)[] = [];
  if (article.original) parts.push(`From ${article.original.name}`);
  if (article.pages) parts.push(` · ${article.pages.length} page${article.pages.length === 1 ? '' : 's'}`);
  if (article.leftOutWords) {
    const words = article.leftOutWords.toLocaleString('en');
    parts.push(` · ${words} word${article.leftOutWords === 1 ? '' : 's'} of page furniture left out `);
    parts.push(h('button', { type: 'button', class: 'quiet', onclick: useWholePage }, 'Use the whole page'));
  }
  return parts.length ? h('p', { class: 'source-note' }, ...parts) : null;
}

/** One open article: owns its editor and claim panel; the panel is drawn from the editor's state. */
export class ArticleView {
  readonly element: HTMLElement;
  readonly editor: ArticleEditor;
  readonly panel: ClaimPanel;
  private readonly header: HTMLElement;
  /** Where the app shows the article's provenance (relations, versions, carrying claims over). */
  readonly provenanceSlot = h('div', { class: 'provenance-slot' });

  constructor(
    readonly bundle: ArticleBundle,
    decisions: readonly Decision[],
    unlabelled: readonly UnlabelledClaim[],
    conflicts: Conflicts,
    private readonly host: ArticleHost,
  ) {
    this.panel = new ClaimPanel(
      host,
      () => this.bundle.article,
      (...actions) => this.editor.dispatch(...actions),
    );
    this.header = h('header', { class: 'article-header' });
    const { lang, dir } = bundle.article;
    const textWrap = h('div', { class: 'editor-wrap', ...(lang ? { lang } : {}), ...(dir ? { dir } : {}) });
    const main = h(
      'section',
      { class: 'article-main', 'aria-labelledby': 'article-title' },
      h('a', { href: '#/', class: 'back' }, '← Library'),
      this.header,
      legend(),
      textWrap,
    );
    // In the side panel, not above the text: it fills in after the text is drawn, and must not move it.
    this.panel.element.prepend(this.provenanceSlot);
    this.element = h('div', { class: 'article-layout' }, main, this.panel.element);
    this.showDetails(bundle.article);
    this.editor = new ArticleEditor(textWrap, bundle.text, bundle.claims, {
      pages: bundle.article.pages,
      onLabel: (label, selection) => host.dispatch({ type: 'label', label, selection }),
      plugins: [articlePlugin({ comments: bundle.comments ?? [], decisions, unlabelled, conflicts }), this.panel.plugin()],
    });
  }

  /** The review decisions on this article's disagreements, by disagreement key. */
  get decisions(): ReadonlyMap<string, Decision> {
    return this.editor.articleState().decisions;
  }

  /** Imported annotations on this article waiting for a label. */
  get unlabelled(): readonly UnlabelledClaim[] {
    return this.editor.articleState().unlabelled;
  }

  /** Shows the article's title and details (after an edit here or in another tab). */
  showDetails(article: Article): void {
    this.bundle.article = article;
    this.header.replaceChildren(
      h('h1', { id: 'article-title', dir: 'auto' }, article.title),
      h(
        'p',
        { class: 'byline' },
        byline(article) || 'Unknown author',
        publishedElement(article.published),
        article.url ? h('span', {}, ' · ', h('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')) : null,
      ),
      h(
        'p',
        { class: 'article-actions' },
        h('button', { type: 'button', class: 'quiet', onclick: () => this.host.dispatch({ type: 'edit-details', article }) }, 'Edit details'),
        article.original
          ? h('button', { type: 'button', class: 'quiet', onclick: () => this.host.dispatch({ type: 'download-original', article }) }, 'Download original')
          : null,
      ),
      sourceNote(article, () => this.host.dispatch({ type: 'use-whole-page', article })) ?? '',
    );
  }

  /** Closes the editor, and with it the panel drawn from it. */
  destroy(): void {
    this.editor.destroy();
  }
}
