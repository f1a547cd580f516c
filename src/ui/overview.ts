/**
 * The overview (`#/overview`): the library in pictures. Claims per label per outlet, per
 * annotator and over publication months; the most cited sources; disputed claims without a
 * source; agreement per article where several annotators worked. Every chart is plain SVG (a
 * charting library would cost more bytes than these bars), each bar a link into the Claims view
 * filtered to it, reachable by keyboard, with a table of the same numbers beside it.
 */
import { formatFigure } from '../core/agreement';
import type { LabelCounts, Overview } from '../core/library-overview';
import { LABEL_NAMES, LABELS, type Label } from '../core/model';
import { filterWord } from '../core/query';
import { h } from './dom';
import { articleHref } from './search';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** The Claims view filtered by these words. */
export function claimsHref(query: string): string {
  return `#/claims?q=${encodeURIComponent(query)}`;
}

interface Bar {
  name: string;
  /** One segment per part (per label, or one), each a link. */
  parts: { value: number; className: string; href: string; label: string }[];
}

const ROW = 26;
const NAME_WIDTH = 190;
const BAR_WIDTH = 420;

/** A horizontal bar chart: one row per bar, segments side by side, every segment a focusable link; `scale` is the value of a full bar (the largest bar's by default). */
function barChart(title: string, bars: readonly Bar[], scale?: number): SVGElement {
  const max = scale ?? Math.max(1, ...bars.map((b) => b.parts.reduce((n, p) => n + p.value, 0)));
  const height = bars.length * ROW + 4;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 2;
    let x = NAME_WIDTH;
    const total = bar.parts.reduce((n, p) => n + p.value, 0);
    const segments = bar.parts
      .filter((p) => p.value > 0)
      .map((part) => {
        const width = Math.max(2, (part.value / max) * BAR_WIDTH);
        const segment = svg(
          'a',
          { href: part.href, 'aria-label': part.label },
          svg('rect', { x, y, width, height: ROW - 8, class: part.className }, svg('title', {}, part.label)),
        );
        x += width;
        return segment;
      });
    const name = bar.name.length > 28 ? `${bar.name.slice(0, 27)}…` : bar.name;
    return svg(
      'g',
      {},
      svg('text', { x: NAME_WIDTH - 8, y: y + ROW / 2, 'text-anchor': 'end', class: 'bar-name' }, name),
      ...segments,
      svg('text', { x: x + 6, y: y + ROW / 2, class: 'bar-total' }, Number.isInteger(total) ? String(total) : total.toFixed(3)),
    );
  });
  return svg(
    'svg',
    {
      class: 'bar-chart',
      viewBox: `0 0 ${NAME_WIDTH + BAR_WIDTH + 60} ${height}`,
      width: NAME_WIDTH + BAR_WIDTH + 60,
      height,
      role: 'group',
      'aria-label': title,
    },
    ...rows,
  );
}

function labelBars(rows: readonly LabelCounts[], filter: (key: string) => string): Bar[] {
  return rows.map((row) => ({
    name: row.key,
    parts: LABELS.map((label) => ({
      value: row.counts[label],
      className: `bar-${label}`,
      href: claimsHref(`${filter(row.key)} ${filterWord('label', label)}`),
      label: `${row.key}: ${row.counts[label]} ${LABEL_NAMES[label].toLowerCase()}`,
    })),
  }));
}

function labelTable(caption: string, rows: readonly LabelCounts[], keyTitle: string): HTMLTableElement {
  return h(
    'table',
    { class: 'figures-table' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, keyTitle), ...LABELS.map((l) => h('th', { scope: 'col' }, LABEL_NAMES[l])), h('th', { scope: 'col' }, 'All')),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, r.key),
          ...LABELS.map((l) => h('td', {}, String(r.counts[l]))),
          h('td', {}, String(LABELS.reduce((n, l) => n + r.counts[l], 0))),
        ),
      ),
    ),
  );
}

function chartSection(id: string, title: string, chart: Element | null, table: HTMLElement, empty: string): HTMLElement {
  return h(
    'section',
    { class: 'overview-chart', 'aria-labelledby': id },
    h('h2', { id }, title),
    chart ? h('div', { class: 'chart-and-table' }, h('div', { class: 'chart' }, chart), table) : h('p', { class: 'hint' }, empty),
  );
}

/** The month after YYYY-MM, for `before:`. */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function labelChart(id: string, title: string, rows: readonly LabelCounts[], keyTitle: string, filter: (key: string) => string, empty: string): HTMLElement {
  return chartSection(id, title, rows.length ? barChart(title, labelBars(rows, filter)) : null, labelTable(title, rows, keyTitle), empty);
}

/** Renders the overview. */
export function renderOverview(o: Overview): HTMLElement {
  const legend = h('ul', { class: 'legend', 'aria-label': 'Colours' }, ...LABELS.map((l: Label) => h('li', { class: `legend-${l}` }, LABEL_NAMES[l])));
  const sources = o.sources.map((s) => ({
    name: s.source,
    parts: [{ value: s.claims, className: 'bar-source', href: claimsHref(`"${s.source.replace(/"/g, '')}"`), label: `${s.source}: ${s.claims} claims` }],
  }));
  const agreement = o.agreement.filter((a) => a.alpha.value !== null);
  return h(
    'section',
    { class: 'overview', 'aria-labelledby': 'overview-title' },
    h('h1', { id: 'overview-title' }, 'Overview'),
    legend,
    h(
      'p',
      { class: 'overview-callout' },
      h(
        'a',
        { href: claimsHref('label:disputed no:source') },
        `${o.disputedWithoutSource} disputed claim${o.disputedWithoutSource === 1 ? '' : 's'} without a source`,
      ),
    ),
    labelChart('ov-outlet', 'Claims per outlet', o.byOutlet, 'Outlet', (k) => (k === 'No outlet' ? '' : filterWord('outlet', k)), 'No claims yet.'),
    labelChart('ov-annotator', 'Claims per annotator', o.byAnnotator, 'Annotator', (k) => filterWord('by', k), 'No claims yet.'),
    labelChart(
      'ov-month',
      'Claims by month of publication',
      o.byMonth,
      'Month',
      (k) => `${filterWord('after', k)} ${filterWord('before', nextMonth(k))}`,
      'No claimed article has a publication date.',
    ),
    chartSection(
      'ov-sources',
      'Most cited sources',
      sources.length ? barChart('Most cited sources', sources) : null,
      h(
        'table',
        { class: 'figures-table' },
        h('caption', {}, 'Most cited sources'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, 'Claims'))),
        h('tbody', {}, ...o.sources.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.source), h('td', {}, String(s.claims))))),
      ),
      'No claim names a source yet.',
    ),
    chartSection(
      'ov-agreement',
      'Agreement per article (Krippendorff’s α)',
      agreement.length
        ? barChart(
            'Agreement per article',
            agreement.map((a) => ({
              name: a.title,
              parts: [
                {
                  value: Math.max(0, a.alpha.value!),
                  className: 'bar-agreement',
                  href: articleHref(a.articleId),
                  label: `${a.title}: α ${formatFigure(a.alpha)}`,
                },
              ],
            })),
          )
        : null,
      h(
        'table',
        { class: 'figures-table' },
        h('caption', {}, 'Agreement per article'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Article'),
            h('th', { scope: 'col' }, 'Annotators'),
            h('th', { scope: 'col' }, 'α'),
            h('th', { scope: 'col' }, 'αu'),
          ),
        ),
        h(
          'tbody',
          {},
          ...o.agreement.map((a) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, h('a', { href: articleHref(a.articleId) }, a.title)),
              h('td', {}, String(a.annotators.length)),
              h('td', {}, formatFigure(a.alpha)),
              h('td', {}, formatFigure(a.alphaU)),
            ),
          ),
        ),
      ),
      'No article has claims from more than one annotator.',
    ),
  );
}
