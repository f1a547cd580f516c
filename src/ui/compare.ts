/**
 * Comparing annotators on the open article: the pairing rule, the figures, the confusion heat
 * map of a chosen pair, and every disagreement with both quotes; a click jumps to it in the text.
 */
import { PAIRING_RULE } from '../core/agreement';
import { agreementReport, compareAnnotators, type Comparison } from '../core/agreement-report';
import { LABEL_NAMES, type Annotator, type Article, type Claim } from '../core/model';
import { ellipsis, h } from './dom';
import { renderConfusion, renderFigures } from './figures';

function side(claim: Claim | undefined, who: string, reveal: (id: string) => void): HTMLElement {
  if (!claim) return h('div', { class: 'side empty' }, `${who}: no claim`);
  return h('button', { type: 'button', class: `side claim-${claim.label}`, onclick: () => reveal(claim.id) },
    h('span', { class: `label-tag label-${claim.label}` }, `${who}: ${LABEL_NAMES[claim.label]}`),
    h('q', { dir: 'auto' }, ellipsis(claim.exact, 160)));
}

const KIND_NAMES: Record<Comparison['kind'], (a: string, b: string) => string> = {
  agree: () => 'agree',
  'label differs': () => 'label differs',
  'only first': (a) => `only ${a}`,
  'only second': (_, b) => `only ${b}`,
};

/** The comparison for `claims` of `article`; `pair` names the two annotators compared in detail. */
export function renderComparison(
  article: Article,
  claims: readonly Claim[],
  pair: [string, string] | null,
  choosePair: (pair: [string, string]) => void,
  reveal: (id: string) => void,
): HTMLElement {
  const annotators = new Map<string, Annotator>(claims.map((c) => [c.annotator.id, c.annotator]));
  if (annotators.size < 2) {
    return h('section', { class: 'compare' }, h('p', {}, 'Only one annotator has claims here. Import another person’s export to compare.'));
  }
  const ids = [...annotators.keys()];
  const [first, second] = pair && annotators.has(pair[0]) && annotators.has(pair[1]) && pair[0] !== pair[1] ? pair : [ids[0]!, ids[1]!];
  const picker = (id: string, current: string, other: string, which: 0 | 1) => {
    const select = h('select', { id }, ...ids.map((a) => h('option', { value: a, selected: a === current }, annotators.get(a)!.name)));
    select.addEventListener('change', () => choosePair(which === 0 ? [select.value, other] : [other, select.value]));
    return select;
  };
  const report = agreementReport([{ article, text: '', claims: [...claims] }]);
  const figures = report.articles[0]!;
  const lines = compareAnnotators(claims.filter((c) => c.annotator.id === first), claims.filter((c) => c.annotator.id === second));
  const disagreements = lines.filter((l) => l.kind !== 'agree');
  const [nameA, nameB] = [annotators.get(first)!.name, annotators.get(second)!.name];
  const confusion = figures.pairs.find((p) => p.first.id === first && p.second.id === second)?.confusion
    ?? transpose(figures.pairs.find((p) => p.first.id === second && p.second.id === first)!.confusion);
  return h('section', { class: 'compare', 'aria-label': 'Comparison of annotators' },
    h('p', { class: 'rule' }, PAIRING_RULE),
    renderFigures(figures, 'Agreement on this article'),
    h('div', { class: 'pair-pickers' },
      h('label', { for: 'compare-first' }, 'First'), picker('compare-first', first, second, 0),
      h('label', { for: 'compare-second' }, 'Second'), picker('compare-second', second, first, 1)),
    renderConfusion(confusion, nameA, nameB),
    h('h3', {}, `Disagreements: ${disagreements.length} of ${lines.length}`),
    h('ol', { class: 'disagreements' }, ...disagreements.map((line) => h('li', { class: 'disagreement' },
      h('p', { class: 'kind' }, KIND_NAMES[line.kind](nameA, nameB)),
      side('first' in line ? line.first : undefined, nameA, reveal),
      side('second' in line ? line.second : undefined, nameB, reveal)))));
}

function transpose<T extends Record<string, Record<string, number>>>(matrix: T): T {
  const out = {} as Record<string, Record<string, number>>;
  for (const [row, cols] of Object.entries(matrix)) for (const [col, n] of Object.entries(cols)) (out[col] ??= {})[row] = n;
  return out as T;
}
