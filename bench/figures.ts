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
