/** Agreement figures as tables, each figure explained in one line; the same numbers the CLI prints. */
import { formatFigure, type Confusion, type Figure, type SpanScores } from '../core/agreement';
import type { Figures } from '../core/agreement-report';
import { LABEL_NAMES, LABELS } from '../core/model';
import { h } from './dom';

const EXPLANATIONS: [string, string][] = [
  [
    'Exact P / R / F1',
    'Share of the second annotator’s claims (precision) and of the first’s (recall) paired with a claim of identical offsets; F1 is their harmonic mean.',
  ],
  ['Overlap P / R / F1', 'The same, counting every pair of overlapping claims.'],
  ['Observed', 'Share of paired claims given the same label.'],
  ['Cohen’s κ', 'Observed label agreement corrected for chance, on the claims the two annotators paired (units both marked).'],
  ['Fleiss’ κ', 'Chance-corrected label agreement of all annotators, on the units every annotator marked.'],
  ['Krippendorff’s α', 'Nominal alpha over all units: an annotator who did not mark a unit is a missing value, not a fourth label.'],
  ['Krippendorff’s αu', 'Unitizing alpha over character positions: where people put spans and which labels they gave them, scored together.'],
];

function cell(figure: Figure): HTMLTableCellElement {
  return h('td', { title: figure.value === null ? figure.reason : null }, formatFigure(figure));
}

function prf(scores: SpanScores): HTMLTableCellElement {
  return h('td', {}, `${formatFigure(scores.precision)} / ${formatFigure(scores.recall)} / ${formatFigure(scores.f1)}`);
}

/** The figures of one article or of the whole library, with their explanations and any n/a reasons. */
export function renderFigures(figures: Figures, caption: string): HTMLElement {
  const reasons = [
    ...figures.pairs.flatMap((p) => (p.kappa.value === null ? [`Cohen’s κ ${p.first.name} × ${p.second.name}: ${p.kappa.reason}.`] : [])),
    ...(figures.fleiss.value === null ? [`Fleiss’ κ: ${figures.fleiss.reason}.`] : []),
    ...(figures.alpha.value === null ? [`Krippendorff’s α: ${figures.alpha.reason}.`] : []),
    ...(figures.alphaU.value === null ? [`Krippendorff’s αu: ${figures.alphaU.reason}.`] : []),
  ];
  return h(
    'section',
    { class: 'figures' },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Pair (second against first)', 'Exact P / R / F1', 'Overlap P / R / F1', 'Observed', 'Cohen’s κ'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        ...figures.pairs.map((p) =>
          h('tr', {}, h('th', { scope: 'row' }, `${p.first.name} × ${p.second.name}`), prf(p.exact), prf(p.overlap), cell(p.observed), cell(p.kappa)),
        ),
      ),
    ),
    h(
      'p',
      { class: 'figure-line' },
      `Fleiss’ κ (${figures.unitsMarkedByAll} units every annotator marked): `,
      h('strong', { 'data-figure': 'fleiss' }, formatFigure(figures.fleiss)),
    ),
    h(
      'p',
      { class: 'figure-line' },
      `Krippendorff’s α, nominal (${figures.units} units): `,
      h('strong', { 'data-figure': 'alpha' }, formatFigure(figures.alpha)),
    ),
    h('p', { class: 'figure-line' }, 'Krippendorff’s αu, unitizing: ', h('strong', { 'data-figure': 'alpha-u' }, formatFigure(figures.alphaU))),
    reasons.length ? h('ul', { class: 'figure-reasons' }, ...reasons.map((r) => h('li', {}, `n/a — ${r}`))) : null,
    h(
      'details',
      { class: 'explanations' },
      h('summary', {}, 'What the figures mean'),
      h('dl', {}, ...EXPLANATIONS.flatMap(([term, text]) => [h('dt', {}, term), h('dd', {}, text)])),
    ),
  );
}

/** A confusion matrix of two annotators' labels as a small heat map table. */
export function renderConfusion(confusion: Confusion, first: string, second: string): HTMLElement {
  const max = Math.max(1, ...LABELS.flatMap((r) => LABELS.map((c) => confusion[r][c])));
  return h(
    'table',
    { class: 'confusion' },
    h('caption', {}, `Labels on paired claims: ${first} (rows) × ${second} (columns)`),
    h('thead', {}, h('tr', {}, h('td', {}), ...LABELS.map((l) => h('th', { scope: 'col' }, LABEL_NAMES[l])))),
    h(
      'tbody',
      {},
      ...LABELS.map((row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, LABEL_NAMES[row]),
          ...LABELS.map((col) => {
            const count = confusion[row][col];
            const strength = count / max;
            return h('td', { class: row === col ? 'agree' : 'differ', style: `--heat: ${strength.toFixed(2)}` }, String(count));
          }),
        ),
      ),
    ),
  );
}
