/** The filters over the claim list: one annotator or all, one label or all. */
import { LABEL_NAMES, LABELS } from '../../core/model';
import type { Filters } from '../../editor/article-state';
import { h } from '../dom';
import type { AnnotatorCount, PanelContext, PanelData, PanelPart } from './part';

/** The annotator the filter shows: the one chosen, or all when that one has no claims here (any more). */
export function shownAnnotator(filters: Filters, annotators: ReadonlyMap<string, AnnotatorCount>): string {
  return annotators.has(filters.annotator) ? filters.annotator : 'all';
}

export class FiltersPart implements PanelPart {
  readonly dom: HTMLElement;
  private readonly annotator = h('select', { id: 'filter-annotator' });
  private readonly label = h(
    'select',
    { id: 'filter-label' },
    h('option', { value: 'all' }, 'All labels'),
    ...LABELS.map((l) => h('option', { value: l }, LABEL_NAMES[l])),
  );
  private key = '';

  constructor(context: PanelContext) {
    this.annotator.addEventListener('change', () => context.act({ type: 'filter', filters: { annotator: this.annotator.value } }));
    this.label.addEventListener('change', () => context.act({ type: 'filter', filters: { label: this.label.value as Filters['label'] } }));
    this.dom = h(
      'div',
      { class: 'filters' },
      h('label', { for: this.annotator.id }, 'Annotator'),
      this.annotator,
      h('label', { for: this.label.id }, 'Label'),
      this.label,
    );
  }

  update({ article, annotators }: PanelData): void {
    const chosen = shownAnnotator(article.filters, annotators);
    const key = JSON.stringify([[...annotators].map(([id, a]) => [id, a.name]), chosen]);
    if (key !== this.key) {
      this.key = key;
      this.annotator.replaceChildren(h('option', { value: 'all' }, 'All annotators'), ...[...annotators].map(([id, a]) => h('option', { value: id }, a.name)));
      this.annotator.value = chosen;
    }
    this.label.value = article.filters.label;
  }
}
