/**
 * Page-side expressions about the claims the app draws: the painted ones are ranges in the
 * page's claim highlights (CSS Custom Highlights, src/editor/highlights.ts), the selected one a
 * `<mark>`. Strings, evaluated in the page.
 */

/** How many claims are drawn in the article now (a selected claim across lines counts once per line). */
export const DRAWN_CLAIMS = `([...CSS.highlights].filter(([name]) => /^claim-(sourced|disputed|opinion)/.test(name)).reduce((n, [, h]) => n + h.size, 0)
  + document.querySelectorAll('.article-text mark.claim').length)`;

/** The painted claims' ranges (StaticRanges) that lie in the article, in no order. */
export const PAINTED_RANGES = `[...CSS.highlights].filter(([name]) => /^claim-(sourced|disputed|opinion)/.test(name))
  .flatMap(([, h]) => [...h]).filter((r) => document.querySelector('.article-text')?.contains(r.startContainer))`;
