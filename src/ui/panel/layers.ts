/** The layer switcher: a checkbox per annotator with claims here, and the button that opens the compare view. */
import { h } from '../dom';
import type { PanelContext, PanelData, PanelPart } from './part';

export class LayersPart implements PanelPart {
  readonly dom: HTMLElement;
  private readonly layers = h('fieldset', { class: 'layers' });
  private readonly compareToggle = h('button', { type: 'button', class: 'quiet', 'aria-pressed': 'false', hidden: true }, 'Compare annotators');
  /** What was last drawn, to redraw the switcher only when it changes. */
  private key = '';
  private open = false;

  constructor(private readonly context: PanelContext) {
    this.compareToggle.addEventListener('click', () => context.act({ type: 'compare', compare: { open: !this.open } }));
    this.dom = h('div', { class: 'layers-part' }, this.layers, this.compareToggle);
  }

  update({ claims, article, annotators }: PanelData): void {
    this.open = article.compare.open;
    this.compareToggle.setAttribute('aria-pressed', String(this.open));
    const key = JSON.stringify([[...annotators], [...claims.hidden], [...claims.markers]]);
    if (key === this.key) return;
    this.key = key;
    this.layers.hidden = annotators.size < 2;
    this.compareToggle.hidden = annotators.size < 2;
    this.layers.replaceChildren(
      h('legend', {}, 'Layers shown'),
      ...[...annotators].map(([id, a]) => {
        const box = h('input', { type: 'checkbox', id: `layer-${id}`, checked: !claims.hidden.has(id) });
        box.addEventListener('change', () => {
          const hidden = new Set(claims.hidden);
          if (box.checked) hidden.delete(id);
          else hidden.add(id);
          this.context.host.dispatch({ type: 'set-hidden', hidden });
        });
        return h(
          'div',
          { class: 'layer', 'data-layer': String(claims.markers.get(id) ?? 0) },
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
  }
}
