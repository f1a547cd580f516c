import type { Page } from '@playwright/test';

/** One measured figure of the bench, and how repeated runs become one. */
export interface Figure {
  median: number;
  p95: number;
  runs: number;
  peer?: { name: string; median: number };
  budget?: number;
  /** Which figure the budget is for: the median unless said. */
  budgetOn?: 'p95';
  note?: string;
}

/** Median and p95 of repeated runs, with the peer, budget and note given. */
export function stats(values: number[], extra: Omit<Figure, 'median' | 'p95' | 'runs'> = {}): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), runs: values.length, ...extra };
}

/** Whether a figure is within its budget. */
export function budgetMet(f: Figure): boolean {
  return f.budget === undefined || (f.budgetOn === 'p95' ? f.p95 : f.median) <= f.budget;
}

/** A page script that starts watching long tasks; `window.__longest()` then stops and gives the longest, in ms. */
export const WATCH_LONG_TASKS = `(() => {
  let longest = 0;
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
  observer.observe({ type: 'longtask' });
  window.__longest = () => { observer.disconnect(); return longest; };
})()`;

/** How a file goes in through a button of the app, and what the notices say when it has. */
export interface FileChoice {
  /** The button that opens the file chooser. */
  button: string;
  /** Part of the `accept` of the file input it opens (`.pdf`, `json`). */
  accept: string;
  /** What the notices say once the file is in, or has failed. */
  done: RegExp;
  /** What they say only when it went in. */
  ok: string;
}

/**
 * Gives the app a file through a button; milliseconds in the page from the file's arrival to the
 * notice that it is in, and the longest task meanwhile. Throws with the notice when it failed.
 */
export async function fileChosenTimed(page: Page, path: string, { button, accept, done, ok }: FileChoice): Promise<{ ms: number; longest: number }> {
  await page.evaluate(WATCH_LONG_TASKS);
  await page.evaluate(
    ([accepted, pattern]) => {
      document.querySelector('#notices [role=status]')!.textContent = '';
      const finished = new RegExp(pattern);
      (window as never as { __chosen: Promise<unknown> }).__chosen = new Promise((resolve) => {
        const input = [...document.querySelectorAll('input[type=file]')].find((i) => (i as HTMLInputElement).accept.includes(accepted))!;
        input.addEventListener(
          'change',
          () => {
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              const text = document.querySelector('#notices [role=status]')!.textContent + document.querySelector('#notices [role=alert]')!.textContent;
              if (!finished.test(text)) return;
              observer.disconnect();
              resolve({ ms: performance.now() - t0, text });
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          },
          { once: true },
        );
      });
    },
    [accept, done.source] as const,
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).first().click();
  await (await chooser).setFiles(path);
  const { ms, text } = await page.evaluate<{ ms: number; text: string }>('window.__chosen');
  if (!text.includes(ok)) throw new Error(`${button} failed: ${text}`);
  return { ms, longest: await page.evaluate<number>('window.__longest()') };
}

/**
 * Scrolls `scroller` (a selector; the page when null) from top to bottom, by `step` pixels a
 * frame (a script expression, which may read the element as `el`), for at most `cap` frames;
 * the frame durations.
 */
export function scrollFrames(page: Page, scroller: string | null, step: string, cap: number): Promise<number[]> {
  return page.evaluate<number[]>(`new Promise((resolve) => {
    const el = ${scroller === null ? 'document.scrollingElement' : `document.querySelector(${JSON.stringify(scroller)})`};
    const height = () => (el === document.scrollingElement ? innerHeight : el.clientHeight);
    el.scrollTop = 0;
    const frames = [];
    let last = 0;
    const next = (t) => {
      if (last) frames.push(t - last);
      last = t;
      if (el.scrollTop + height() >= el.scrollHeight - 2 || frames.length > ${cap}) return resolve(frames);
      el.scrollTop += ${step};
      requestAnimationFrame(next);
    };
    requestAnimationFrame(next);
  })`);
}
