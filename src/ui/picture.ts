/**
 * The provenance picture: articles as nodes on a circle; "republishes", "excerpts",
 * "translates" and "cites" relations as arrows; shared claim threads as dashed lines. Each node
 * links to its article. The same edges are listed in text under the picture.
 */
import type { Article, ArticleRelation, Claim, ClaimThread } from '../core/model';
import { ellipsis, h } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 860;
const HEIGHT = 620;
const RADIUS = 230;

function svg(tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** Article pairs that share claim threads, with how many threads each pair shares. */
function sharedThreads(threads: readonly ClaimThread[], claims: ReadonlyMap<string, Claim>): Map<string, { a: string; b: string; count: number }> {
  const pairs = new Map<string, { a: string; b: string; count: number }>();
  for (const thread of threads) {
    const articles = [...new Set(thread.claimIds.map((id) => claims.get(id)?.articleId).filter((a): a is string => !!a))].sort();
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        const key = `${articles[i]}|${articles[j]}`;
        const pair = pairs.get(key) ?? { a: articles[i]!, b: articles[j]!, count: 0 };
        pair.count++;
        pairs.set(key, pair);
      }
    }
  }
  return pairs;
}

/** The picture of the whole library. */
export function provenancePicture(
  articles: readonly Article[],
  relations: readonly ArticleRelation[],
  threads: readonly ClaimThread[],
  claims: ReadonlyMap<string, Claim>,
): HTMLElement {
  const at = new Map(
    articles.map((a, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, articles.length) - Math.PI / 2;
      return [a.id, { x: WIDTH / 2 + RADIUS * Math.cos(angle), y: HEIGHT / 2 + RADIUS * Math.sin(angle) }];
    }),
  );
  const title = (id: string) => ellipsis(articles.find((a) => a.id === id)?.title ?? 'an article no longer here', 60);
  const shared = [...sharedThreads(threads, claims).values()];
  const edges: SVGElement[] = [];
  const described: HTMLElement[] = [];
  for (const { a, b, count } of shared) {
    const [p, q] = [at.get(a), at.get(b)];
    if (!p || !q) continue;
    edges.push(svg('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: 'edge-thread', 'data-edge': 'thread' }));
    edges.push(svg('text', { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 - 4, class: 'edge-label' }, `${count} shared claim${count === 1 ? '' : 's'}`));
    described.push(h('li', {}, `“${title(a)}” and “${title(b)}” share ${count} claim thread${count === 1 ? '' : 's'}.`));
  }
  for (const r of relations) {
    const [p, q] = [at.get(r.from), at.get(r.to)];
    if (!p || !q) continue;
    // Stop the arrow short of the target node so its head shows.
    const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    const end = { x: q.x - ((q.x - p.x) / length) * 16, y: q.y - ((q.y - p.y) / length) * 16 };
    edges.push(
      svg('line', { x1: p.x, y1: p.y, x2: end.x, y2: end.y, class: `edge-relation edge-${r.kind}`, 'marker-end': 'url(#arrow)', 'data-edge': r.kind }),
    );
    edges.push(svg('text', { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 + 14, class: 'edge-label' }, r.kind));
    described.push(h('li', {}, `“${title(r.from)}” ${r.kind} “${title(r.to)}”.`));
  }
  const nodes = articles.map((a) => {
    const p = at.get(a.id)!;
    const below = p.y >= HEIGHT / 2;
    return svg(
      'a',
      { href: `#/article/${encodeURIComponent(a.id)}`, class: 'node', 'data-article-id': a.id, 'aria-label': `Open ${a.title}` },
      svg('title', {}, [a.title, a.outlet, a.published].filter(Boolean).join(' · ')),
      svg('circle', { cx: p.x, cy: p.y, r: 11 }),
      svg('text', { x: p.x, y: below ? p.y + 28 : p.y - 18, 'text-anchor': 'middle' }, ellipsis(a.title, 34)),
    );
  });
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': 'picture-title', class: 'provenance-svg' },
    svg('title', { id: 'picture-title' }, 'Articles and how they relate'),
    svg(
      'defs',
      {},
      svg(
        'marker',
        { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' },
        svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }),
      ),
    ),
    ...edges,
    ...nodes,
  );
  return h(
    'section',
    { class: 'provenance-picture', 'aria-labelledby': 'provenance-picture-title' },
    h('a', { href: '#/', class: 'back' }, '← Library'),
    h('h1', { id: 'provenance-picture-title' }, 'Provenance picture'),
    h(
      'p',
      { class: 'legend' },
      'Arrows: one article republishes, excerpts, translates or cites another. Dashed lines: articles that share claim threads. Select an article to open it.',
    ),
    h('figure', {}, picture, h('figcaption', {}, described.length ? h('ul', { class: 'edge-list' }, ...described) : 'No relations or shared claims yet.')),
  );
}
