/**
 * What the bench runs inside the page, bundled by esbuild and injected: our re-anchoring and
 * agreement (the app's core), and the peers, so every figure is taken in the same browser.
 */
import { createTextAnnotator } from '@recogito/text-annotator';
import { toTextPosition } from 'dom-anchor-text-quote';
import { agreementReport } from '../src/core/agreement-report';
import { anchorAll, type Selectors } from '../src/core/anchor';
import type { ArticleBundle } from '../src/core/format/export';
import { matchQuote } from './peers/hypothesis';

/** Milliseconds for `work`, in the page. */
function timed(work: () => unknown): number {
  const t0 = performance.now();
  work();
  return performance.now() - t0;
}

const api = {
  /** Our re-anchoring of every claim; returns the time and how many found a place. */
  ours(claims: Selectors[], text: string) {
    let placed = 0;
    const ms = timed(() => (placed = anchorAll(claims, text).filter((r) => r.status !== 'orphan').length));
    return { ms, placed };
  },
  /** The Hypothesis-style peer, one claim at a time, with its old start as the hint. */
  hypothesis(claims: Selectors[], text: string) {
    let placed = 0;
    const ms = timed(() => {
      for (const c of claims) if (matchQuote(text, c.exact, { prefix: c.prefix, suffix: c.suffix, hint: c.start })) placed++;
    });
    return { ms, placed };
  },
  /**
   * dom-anchor-text-quote on a DOM holding the text. Its fuzzy search (diff-match-patch) throws
   * "Pattern too long" for a quote over 32 characters that is not there exactly: counted as failed.
   */
  domAnchor(claims: Selectors[], text: string) {
    const root = document.createElement('div');
    root.textContent = text;
    let placed = 0;
    let failed = 0;
    const ms = timed(() => {
      for (const c of claims) {
        try {
          if (toTextPosition(root, { exact: c.exact, prefix: c.prefix, suffix: c.suffix }, { hint: c.start })) placed++;
        } catch {
          failed++;
        }
      }
    });
    return { ms, placed, failed };
  },
  /**
   * The rendering peer: @recogito/text-annotator showing the same claims on the same text (one
   * pre-wrapped text node, so its character offsets are ours), from creation to the frame after
   * the highlights are painted.
   */
  recogito(claims: Selectors[], text: string): Promise<{ ms: number; placed: number }> {
    document.body.replaceChildren();
    const container = document.createElement('div');
    container.style.whiteSpace = 'pre-wrap';
    container.textContent = text;
    document.body.append(container);
    const t0 = performance.now();
    const annotator = createTextAnnotator(container, { renderer: 'CSS_HIGHLIGHTS' });
    annotator.setAnnotations(claims.map((c, i) => ({
      id: `c${i}`,
      bodies: [],
      target: { annotation: `c${i}`, selector: [{ quote: c.exact, start: c.start, end: c.end }] },
    })) as never, true);
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => {
      const ms = performance.now() - t0;
      resolve({ ms, placed: annotator.getAnnotations().length });
      annotator.destroy();
    }, 0)));
  },
  /** The full agreement report of the bundles, as the comparison view computes it. */
  agreement(bundles: ArticleBundle[]) {
    return { ms: timed(() => agreementReport(bundles)) };
  },
};

(globalThis as unknown as { benchCore: typeof api }).benchCore = api;
