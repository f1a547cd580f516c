/** The panel's sections for claims waiting on the person: annotations with no label yet, and carried claims whose words were not found. */
import { orphanElement, unlabelledElement } from '../claim-entry';
import { h } from '../dom';
import type { PanelContext, PanelData, PanelPart } from './part';

/** A section hidden when it has nothing to list. */
class SideSection implements PanelPart {
  readonly dom: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly list: HTMLElement;

  constructor(
    name: string,
    hint: string,
    private readonly items: (data: PanelData) => { heading: string; elements: HTMLElement[] },
  ) {
    this.heading = h('h3', { id: `${name}-title` });
    this.list = h('ul', { class: `${name}-list` });
    this.dom = h(
      'section',
      { class: `${name}-section`, 'aria-labelledby': this.heading.id, hidden: true },
      this.heading,
      h('p', { class: 'hint' }, hint),
      this.list,
    );
  }

  update(data: PanelData): void {
    const { heading, elements } = this.items(data);
    this.dom.hidden = elements.length === 0;
    this.heading.textContent = heading;
    this.list.replaceChildren(...elements);
  }
}

/** Imported annotations with none of the three labels. */
export function unlabelledSection({ host }: PanelContext): PanelPart {
  return new SideSection('unlabelled', 'Imported annotations with none of the three labels. Choose one to make each a claim.', ({ article }) => ({
    heading: `Unlabelled (${article.unlabelled.length})`,
    elements: article.unlabelled.map((item) => unlabelledElement(item, host)),
  }));
}

/** Carried claims whose words were not found in this text. */
export function orphansSection({ host }: PanelContext): PanelPart {
  return new SideSection(
    'orphans',
    'These claims were carried over, but their words were not found in this text. Select the words they belong on, then attach them.',
    ({ orphans }) => ({ heading: `Not found in this text (${orphans.length})`, elements: orphans.map((c) => orphanElement(c, host)) }),
  );
}
