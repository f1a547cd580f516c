/**
 * The compare view in the panel: two annotators' claims side by side, their disagreements
 * reviewed one by one. Its code (agreement, adjudication) is loaded the first time it opens.
 */
import { errorMessage } from '../../core/errors';
import type { Article } from '../../core/model';
import { h } from '../dom';
import type { PanelContext, PanelData, PanelPart } from './part';

type Compare = typeof import('../compare');

export class ComparePart implements PanelPart {
  readonly dom = h('div', { class: 'compare-view', hidden: true });
  private compare: Compare | Promise<void> | undefined;
  private last: PanelData | undefined;

  constructor(
    private readonly context: PanelContext,
    private readonly article: () => Article,
  ) {}

  update(data: PanelData): void {
    const { article, all } = data;
    this.dom.hidden = !article.compare.open;
    if (!article.compare.open) return;
    this.last = data;
    if (!this.compare || this.compare instanceof Promise) {
      this.compare ??= import('../compare').then(
        (loaded) => {
          this.compare = loaded;
          if (this.last) this.update(this.last);
        },
        (error: unknown) => {
          this.compare = undefined;
          this.dom.replaceChildren(h('p', { role: 'alert' }, `The compare view could not be loaded: ${errorMessage(error)}`));
        },
      );
      if (!this.dom.firstChild) this.dom.replaceChildren(h('p', { class: 'loading' }, 'Loading the compare view…'));
      return;
    }
    const { renderComparison } = this.compare;
    // Layout reads first: where focus is, before the view is drawn again.
    const reviewing = this.dom.querySelector('.disagreements')?.contains(document.activeElement) ?? false;
    const focusedControl = document.activeElement?.getAttribute('data-control');
    const { host, act } = this.context;
    this.dom.replaceChildren(
      renderComparison({
        article: this.article(),
        claims: all,
        pair: article.compare.pair && [...article.compare.pair],
        choosePair: (pair) => act({ type: 'compare', compare: { pair } }),
        reveal: (id) => host.dispatch({ type: 'reveal', id }),
        decisions: article.decisions,
        decide: (key, decision) => host.dispatch({ type: 'decide', key, decision }),
        conflicts: article.decisionConflicts,
        keep: (key, rev) => host.dispatch({ type: 'keep-version', kind: 'decision', id: key, rev }),
        exportAdjudicated: (lines) => host.dispatch({ type: 'export-adjudicated', lines }),
        current: article.compare.index,
        setCurrent: (index) => {
          const current = Math.max(0, Math.min(index, this.dom.querySelectorAll('.disagreement').length - 1));
          act({ type: 'compare', compare: { index: current } });
          const item = this.dom.querySelectorAll<HTMLElement>('.disagreement')[current];
          item?.focus();
          // Show the disagreement in the text too; the redraw that follows keeps focus here.
          if (item?.dataset.claim) host.dispatch({ type: 'reveal', id: item.dataset.claim });
        },
      }),
    );
    if (reviewing) {
      const item = this.dom.querySelectorAll<HTMLElement>('.disagreement')[article.compare.index];
      (focusedControl === 'comment' ? item?.querySelector<HTMLElement>('[data-control="comment"]') : item)?.focus();
    }
  }
}
