import { existsSync, writeFileSync } from 'node:fs';
import type { Browser, Download, Page } from '@playwright/test';

/** One measured figure of the bench, and how repeated runs become one. */
export interface Figure {
  median: number;
  p95: number;
  /** The fastest and slowest run: how steady the figure is. */
  min: number;
  max: number;
  runs: number;
  peer?: { name: string; median: number };
  budget?: number;
  /** Which figure the budget is for: the median unless said. */
  budgetOn?: 'p95';
  note?: string;
}

/** Median and p95 of repeated runs, with the peer, budget and note given. */
export function stats(values: number[], extra: Omit<Figure, 'median' | 'p95' | 'min' | 'max' | 'runs'> = {}): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (x: number) => +x.toFixed(1);
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]!), max: round(sorted.at(-1)!), runs: values.length, ...extra };
}

/**
 * Slows the page's main thread by `rate` (Chromium's CPU throttling, as Lighthouse's mobile
 * profile does with 4); 1 leaves it alone. It lasts across the page's navigations. Workers the
 * page starts are not throttled: Playwright reaches pages and frames only.
 */
export async function throttle(page: Page, rate: number): Promise<void> {
  if (rate === 1) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * The calibration workload: fixed work of the kinds the app does (building and searching
 * strings, sorting, JSON, maps), run in the page; milliseconds. Every figure is also given as a
 * multiple of it, so runs on different days, machines and CPU rates can be set side by side.
 */
const CALIBRATION = `(() => {
  const t0 = performance.now();
  const words = [];
  for (let i = 0; i < 60000; i++) words.push((i * 2654435761 >>> 0).toString(36));
  const text = words.join(' ');
  let found = 0;
  for (const m of text.matchAll(/[a-f]\\w{2}/g)) found += m[0].length;
  const sorted = [...words].sort();
  const counts = new Map();
  for (const w of sorted) counts.set(w.slice(0, 2), (counts.get(w.slice(0, 2)) ?? 0) + 1);
  const json = JSON.parse(JSON.stringify(words.map((w, i) => ({ w, i, up: w.toUpperCase() }))));
  if (!found || !json.length || !counts.size) throw new Error('calibration did nothing');
  return performance.now() - t0;
})()`;

/** The calibration workload's figure at `rate`: nine runs after a warm-up, in a blank page. */
export async function calibrate(browser: Browser, rate: number): Promise<Figure> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>claimtrail bench: calibration</title>');
  await throttle(page, rate);
  const runs: number[] = [];
  for (let i = 0; i <= 9; i++) {
    const ms = await page.evaluate<number>(CALIBRATION);
    if (i) runs.push(ms);
  }
  await page.close();
  return stats(runs, { note: 'fixed work: strings, a regular expression, a sort, JSON, a map' });
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
    // A minute at most: a run that stops drawing frames ends with what it measured (the note says how many).
    const start = performance.now();
    setTimeout(() => resolve(frames), 90000);
    const next = (t) => {
      if (last) frames.push(t - last);
      last = t;
      if (el.scrollTop + height() >= el.scrollHeight - 2 || frames.length > ${cap} || t - start > 60000) return resolve(frames);
      el.scrollTop += ${step};
      requestAnimationFrame(next);
    };
    requestAnimationFrame(next);
  })`);
}

/** One CPU rate's run of the bench: the calibration workload and every figure. */
export interface Pass {
  rate: number;
  calibration: Figure;
  figures: Record<string, Figure>;
}

/** One file of the built app: when it is loaded, its size and gzipped size. */
export interface Chunk {
  file: string;
  loaded: string;
  bytes: number;
  gzip: number;
}

/** The budget of the JS every visit loads, gzipped. */
export const INITIAL_JS_BUDGET = 150 * 1024;

/**
 * The bench's tables in Markdown: every figure with, for each CPU rate, its median, p95, spread
 * (fastest to slowest run) and median as a multiple of the calibration workload; its peer's
 * median and the ratio at each rate; its budget at each rate. Then every chunk of the app.
 */
export function printTables(passes: readonly Pass[], chunks: readonly Chunk[]): string {
  const names = [...new Set(passes.flatMap((p) => Object.keys(p.figures)))];
  const perRate = (each: (p: Pass, f: Figure) => string, name: string) => passes.map((p) => (p.figures[name] ? each(p, p.figures[name]) : '')).join(' / ');
  const head = passes.flatMap((p) => [`${p.rate}× median`, `${p.rate}× p95`, `${p.rate}× min–max`, `${p.rate}× ÷ calibration`]);
  const lines = [
    `| figure | ${head.join(' | ')} | runs | peer median (${passes.map((p) => `${p.rate}×`).join(' / ')}) | ratio to peer | budget |`,
    `|---|${head.map(() => '---:').join('|')}|---:|---|---:|---:|`,
    `| calibration workload, ms (${passes[0]?.calibration.note}) | ${passes.flatMap((p) => [p.calibration.median, p.calibration.p95, `${p.calibration.min}–${p.calibration.max}`, '1']).join(' | ')} | ${passes[0]?.calibration.runs} | | | |`,
  ];
  for (const name of names) {
    const first = passes.map((p) => p.figures[name]).find(Boolean)!;
    const cells = passes.flatMap((p) => {
      const f = p.figures[name];
      if (!f) return ['', '', '', ''];
      const multiple = /, ms$/.test(name) ? (f.median / p.calibration.median).toFixed(2) : '';
      return [String(f.median), String(f.p95), `${f.min}–${f.max}`, multiple];
    });
    const peer = first.peer ? `${first.peer.name} ${perRate((_, f) => (f.peer ? String(f.peer.median) : ''), name)}` : '';
    const ratio = first.peer ? perRate((_, f) => (f.peer ? `${(f.median / f.peer.median).toFixed(2)}×` : ''), name) : '';
    const budget = passes.some((p) => p.figures[name]?.budget !== undefined)
      ? perRate((_, f) => (f.budget === undefined ? '–' : `${budgetMet(f) ? '✓' : '✗'} ${f.budget}${f.budgetOn === 'p95' ? ' (p95)' : ''}`), name)
      : '';
    lines.push(`| ${name}${first.note ? ` (${first.note})` : ''} | ${cells.join(' | ')} | ${first.runs} | ${peer} | ${ratio} | ${budget} |`);
  }
  const initial = chunks.filter((c) => c.loaded === 'every visit' && c.file.endsWith('.js'));
  const gzip = initial.reduce((n, c) => n + c.gzip, 0);
  lines.push(
    '',
    '| chunk | loaded | bytes | gzip bytes |',
    '|---|---|---:|---:|',
    ...chunks.map((c) => `| ${c.file} | ${c.loaded} | ${c.bytes.toLocaleString('en')} | ${c.gzip.toLocaleString('en')} |`),
    `| **initial app JS** | every visit | ${initial.reduce((n, c) => n + c.bytes, 0).toLocaleString('en')} | ${gzip.toLocaleString('en')} (${gzip <= INITIAL_JS_BUDGET ? '✓' : '✗'} ${INITIAL_JS_BUDGET.toLocaleString('en')}) |`,
  );
  return lines.join('\n');
}

/** Writes a generated input file unless an earlier pass of this run already did: each is made once. */
export async function inputFile(path: string, make: () => string | Uint8Array | Promise<string | Uint8Array>): Promise<string> {
  if (!existsSync(path)) writeFileSync(path, await make());
  return path;
}

/** Clicks Export; milliseconds in the page from the click to the file handed to the browser (waiting at most `timeout`). */
export async function exportTimed(page: Page, timeout = 30_000): Promise<{ ms: number; longest: number; download: Download }> {
  await page.evaluate(WATCH_LONG_TASKS);
  await page.evaluate(`void (window.__exported = new Promise((resolve) => {
    let t0 = 0;
    document.addEventListener('click', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      HTMLAnchorElement.prototype.click = click;
      resolve(performance.now() - t0);
      return click.call(this);
    };
  }))`);
  const download = page.waitForEvent('download', { timeout });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  let file: Download;
  try {
    file = await download;
  } catch (error) {
    throw new Error(`no file was exported; the page says: ${await page.locator('#notices').innerText()}`, { cause: error });
  }
  return { ms: await page.evaluate<number>('window.__exported'), longest: await page.evaluate<number>('window.__longest()'), download: file };
}

/**
 * Samples the JS heap of every worker of the browser twice a second (through the browser's
 * DevTools session: Playwright gives no session on a worker), until `stop`, which returns the
 * highest seen in MB.
 */
export async function workerHeapPeak(browser: Browser): Promise<{ stop(): Promise<number> }> {
  const cdp = await browser.newBrowserCDPSession();
  const sessions = new Map<string, string>();
  let peak = 0;
  let id = 0;
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const used = (JSON.parse(event.message) as { result?: { usedSize?: number } }).result?.usedSize;
    if (used !== undefined) peak = Math.max(peak, used);
  });
  const sample = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    for (const { targetId } of targetInfos.filter((t) => t.type === 'worker')) {
      try {
        let sessionId = sessions.get(targetId);
        if (!sessionId) {
          sessionId = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })).sessionId;
          sessions.set(targetId, sessionId);
        }
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method: 'Runtime.getHeapUsage' }) });
      } catch {
        sessions.delete(targetId); // the worker ended between the listing and the request
      }
    }
  };
  const timer = setInterval(() => void sample().catch(() => undefined), 500);
  return {
    async stop() {
      clearInterval(timer);
      await cdp.detach().catch(() => undefined);
      return Math.round(peak / 2 ** 20);
    },
  };
}
