/**
 * Comparing annotators on the open article: the pairing rule, the figures, the confusion heat
 * map of a chosen pair, and every disagreement with both quotes; a click jumps to it in the text.
 */
import { claimsOf, comparePair, defaultPair, disagreementKey, settledCount, type Decision, type DecisionConflict } from '../core/adjudication';
import { PAIRING_RULE } from '../core/agreement';
import { agreementReport, type Comparison } from '../core/agreement-report';
import { LABEL_NAMES, LABELS, type Annotator, type Article, type Claim, type Label } from '../core/model';
import { conflictGroup } from './claim-entry';
import { ellipsis, formatDate, h } from './dom';
import { renderConfusion, renderFigures } from './figures';
import type { DecisionChoice } from './intents';

function side(claim: Claim | undefined, who: string, reveal: (id: string) => void): HTMLElement {
  if (!claim) return h('div', { class: 'side empty' }, `${who}: no claim`);
  return h(
    'button',
    { type: 'button', class: `side claim-${claim.label}`, onclick: () => reveal(claim.id) },
    h('span', { class: `label-tag label-${claim.label}` }, `${who}: ${LABEL_NAMES[claim.label]}`),
    h('q', { dir: 'auto' }, ellipsis(claim.exact, 160)),
  );
}

const KIND_NAMES: Record<Comparison['kind'], (a: string, b: string) => string> = {
  agree: () => 'agree',
  'label differs': () => 'label differs',
  'only first': (a) => `only ${a}`,
  'only second': (_, b) => `only ${b}`,
};

/** What the comparison needs from its owner. */
export interface CompareOptions {
  article: Article;
  claims: readonly Claim[];
  /** The two annotators compared in detail, or null for the first two. */
  pair: [string, string] | null;
  choosePair(pair: [string, string]): void;
  reveal(id: string): void;
  decisions: ReadonlyMap<string, Decision>;
  /** Stores a decision about the disagreement `key` (status, chosen claim, label, comment). */
  decide(key: string, decision: DecisionChoice): void;
  /** Disagreements decided in two places at once (team sync), by key. */
  conflicts: ReadonlyMap<string, DecisionConflict>;
  /** Keeps one of the decisions made in two places; the others are deleted. */
  keep(key: string, rev: string): void;
  exportAdjudicated(lines: Comparison[]): void;
  /** The disagreement under review (an index into the list), kept across redraws. */
  current: number;
  setCurrent(index: number): void;
}

const KEYS_HELP = 'Keys: ↑ ↓ (or J K) move, A or B accepts that annotator’s claim, 1 2 3 set the label, R rejects both, C writes a comment.';

function decisionText(decision: Decision | undefined, claims: Claim[], names: Map<string, string>): string {
  if (!decision) return 'Not settled yet.';
  const chosen = claims.find((c) => c.id === decision.chosen);
  const what =
    decision.status === 'rejected'
      ? 'rejected both'
      : decision.status === 'relabelled'
        ? `relabelled as ${LABEL_NAMES[decision.label ?? 'sourced']}`
        : `accepted ${chosen ? names.get(chosen.annotator.id) : ''}’s claim`;
  return `Settled: ${what}, by ${decision.by.name}${decision.comment ? ` — “${decision.comment}”` : ''}.`;
}

/** The decisions made in two places at once on one disagreement, each with "Keep this one". */
function conflictBox(conflict: DecisionConflict, claims: Claim[], names: Map<string, string>, keep: (rev: string) => void): HTMLElement {
  return conflictGroup(
    conflict.versions.map(({ rev, decision }, i) =>
      h(
        'li',
        { class: 'conflict-version' },
        `${i === 0 ? 'Shown now' : 'The other'} (${formatDate(decision.at, true)}): ${decisionText(decision, claims, names)} `,
        h('button', { type: 'button', onclick: () => keep(rev) }, 'Keep this one'),
      ),
    ),
  );
}

function reviewItem(line: Comparison, index: number, names: Map<string, string>, [nameA, nameB]: [string, string], options: CompareOptions): HTMLLIElement {
  const key = disagreementKey(line);
  const claims = claimsOf(line);
  const decision = options.decisions.get(key);
  const conflict = options.conflicts.get(key);
  const comment = h('input', { type: 'text', id: `comment-${index}`, 'data-control': 'comment', placeholder: 'Why (optional)' });
  comment.value = decision?.comment ?? '';
  const decide = (status: Decision['status'], chosen?: Claim, label?: Label) =>
    options.decide(key, {
      status,
      ...(chosen ? { chosen: chosen.id } : {}),
      ...(label ? { label } : {}),
      ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
    });
  const relabel = h(
    'select',
    { id: `relabel-${index}`, 'aria-label': 'Set another label' },
    h('option', { value: '' }, 'Set label…'),
    ...LABELS.map((l) => h('option', { value: l }, LABEL_NAMES[l])),
  );
  relabel.addEventListener('change', () => relabel.value && decide('relabelled', claims[0], relabel.value as Label));
  const first = 'first' in line ? line.first : undefined;
  const second = 'second' in line ? line.second : undefined;
  const item = h(
    'li',
    {
      class: `disagreement${decision ? ' is-settled' : ''}${index === options.current ? ' is-current' : ''}`,
      tabindex: index === options.current ? 0 : -1,
      'data-key': key,
      'data-claim': claims[0]!.id,
      'aria-current': index === options.current ? 'true' : null,
      onfocus: () => index !== options.current && options.setCurrent(index),
    },
    h('p', { class: 'kind' }, KIND_NAMES[line.kind](nameA, nameB)),
    side(first, nameA, options.reveal),
    side(second, nameB, options.reveal),
    h('p', { class: 'decision' }, decisionText(decision, claims, names)),
    conflict && conflict.versions.length > 1 ? conflictBox(conflict, claims, names, (rev) => options.keep(key, rev)) : null,
    h(
      'div',
      { class: 'decide' },
      first ? h('button', { type: 'button', 'aria-keyshortcuts': 'A', onclick: () => decide('accepted', first) }, `Accept ${nameA}`) : null,
      second ? h('button', { type: 'button', 'aria-keyshortcuts': 'B', onclick: () => decide('accepted', second) }, `Accept ${nameB}`) : null,
      relabel,
      h('button', { type: 'button', 'aria-keyshortcuts': 'R', onclick: () => decide('rejected') }, 'Reject both'),
      h('label', { for: comment.id, class: 'visually-hidden' }, 'Comment'),
      comment,
    ),
  );
  item.addEventListener('keydown', (event) => {
    if ((event.target as Element).closest('input, select') || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const labels: Record<string, Label> = { '1': 'sourced', '2': 'disputed', '3': 'opinion' };
    if (key === 'arrowdown' || key === 'j') options.setCurrent(index + 1);
    else if (key === 'arrowup' || key === 'k') options.setCurrent(index - 1);
    else if (key === 'a' && first) decide('accepted', first);
    else if (key === 'b' && second) decide('accepted', second);
    else if (labels[key]) decide('relabelled', claims[0], labels[key]);
    else if (key === 'r') decide('rejected');
    else if (key === 'c') comment.focus();
    else return;
    event.preventDefault();
  });
  return item;
}

/** The comparison of the article's annotators, with the review of their disagreements. */
export function renderComparison(options: CompareOptions): HTMLElement {
  const { article, claims, pair, choosePair } = options;
  const annotators = new Map<string, Annotator>(claims.map((c) => [c.annotator.id, c.annotator]));
  if (annotators.size < 2) {
    return h('section', { class: 'compare' }, h('p', {}, 'Only one annotator has claims here. Import another person’s export to compare.'));
  }
  const ids = [...annotators.keys()];
  const [first, second] = pair && annotators.has(pair[0]) && annotators.has(pair[1]) && pair[0] !== pair[1] ? pair : defaultPair(claims)!;
  const picker = (id: string, current: string, other: string, which: 0 | 1) => {
    const select = h('select', { id }, ...ids.map((a) => h('option', { value: a, selected: a === current }, annotators.get(a)!.name)));
    select.addEventListener('change', () => choosePair(which === 0 ? [select.value, other] : [other, select.value]));
    return select;
  };
  const report = agreementReport([{ article, text: '', claims: [...claims] }]);
  const figures = report.articles[0]!;
  const lines = comparePair(claims, [first, second]);
  const disagreements = lines.filter((l) => l.kind !== 'agree');
  const names = new Map([...annotators].map(([id, a]) => [id, a.name]));
  const pairNames: [string, string] = [names.get(first)!, names.get(second)!];
  const confusion =
    figures.pairs.find((p) => p.first.id === first && p.second.id === second)?.confusion ??
    transpose(figures.pairs.find((p) => p.first.id === second && p.second.id === first)!.confusion);
  const { settled, total } = settledCount(lines, options.decisions);
  return h(
    'section',
    { class: 'compare', 'aria-label': 'Comparison of annotators' },
    h('p', { class: 'rule' }, PAIRING_RULE),
    renderFigures(figures, 'Agreement on this article'),
    h(
      'div',
      { class: 'pair-pickers' },
      h('label', { for: 'compare-first' }, 'First'),
      picker('compare-first', first, second, 0),
      h('label', { for: 'compare-second' }, 'Second'),
      picker('compare-second', second, first, 1),
    ),
    renderConfusion(confusion, ...pairNames),
    h('h3', {}, `Disagreements: ${disagreements.length} of ${lines.length}`),
    h('p', { class: 'progress', role: 'status' }, `${settled} of ${total} disagreements settled`),
    h('p', { class: 'keys-help' }, KEYS_HELP),
    h('button', { type: 'button', onclick: () => options.exportAdjudicated(lines) }, 'Export adjudicated layer'),
    h(
      'ol',
      { class: 'disagreements', 'aria-label': 'Disagreements to review' },
      ...disagreements.map((line, i) => reviewItem(line, i, names, pairNames, options)),
    ),
  );
}

function transpose<T extends Record<string, Record<string, number>>>(matrix: T): T {
  const out = {} as Record<string, Record<string, number>>;
  for (const [row, cols] of Object.entries(matrix)) for (const [col, n] of Object.entries(cols)) (out[col] ??= {})[row] = n;
  return out as T;
}
