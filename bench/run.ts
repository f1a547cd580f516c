/**
 * npm run bench: builds the app, serves dist/, and measures in Chromium what a person waits for,
 * on generated inputs (bench/inputs.ts, seeded): articles of 50 KB, 1 MB and 5 MB with 100,
 * 2,000 and 20,000 claims, and export files of 10,000 and 100,000 claims. Every figure is taken
 * in the page (performance.now(), event timestamps, long-task observers); each is the median,
 * p95 and spread of repeated runs, beside its peer where there is one and its budget.
 *
 * Everything runs twice: at full speed and with the page's CPU slowed 4× (`--cpu 4` runs only
 * that), each pass after a fixed calibration workload, so every figure is also printed as a
 * multiple of it. Prints the tables (with every chunk of the built app) and writes
 * bench/results/latest.json. `--smoke` runs tiny inputs so CI can check the bench still works; it
 * asserts nothing about time. `--only=library|paint|dense|files|search|sync|million` measures one part alone (the
 * 100,000-claim first sync only then), written to bench/results/<part>.json.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';
import type { Claim } from '../src/core/model';
import {
  calibrate,
  exportTimed,
  fileChosenTimed,
  inputFile,
  printTables,
  scrollFrames,
  stats,
  throttle,
  WATCH_LONG_TASKS,
  type Chunk,
  type Figure,
  type Pass,
} from './figures';
import { fileFigures } from './files';
import { article, claimsOn, edited, exportFileOf, libraryFileOf, seeded } from './inputs';
import { pageScript } from './page-script';
import { millionFigures } from './million';
import { searchFigures } from './search';
import { syncFigures } from './sync';

const smoke = process.argv.includes('--smoke');
/** `--cpu 4` (or `--cpu=4`): every in-page figure at that CPU slow-down only; by default at 1 and at 4. */
const cpuArg = process.argv.find((a, i) => a.startsWith('--cpu=') || process.argv[i - 1] === '--cpu');
const RATES = cpuArg ? [Number(cpuArg.replace('--cpu=', ''))] : [1, 4];
if (RATES.some((r) => !(r >= 1))) throw new Error(`--cpu needs a slow-down of 1 or more, e.g. --cpu 4; got ${cpuArg}`);
/** `--only=sync` or `--only=files`: measure that part alone. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const PORT = 4179;
const BASE = `http://localhost:${PORT}/`;
/** Runs of each figure at full speed, and at a slowed CPU (where every run takes several times as long). */
const RUNS = smoke ? 2 : 7;
const SLOW_RUNS = smoke ? 2 : 3;
/** The whole run's deadline: a wait that never ends (a changed page the bench no longer reads) fails the run instead of hanging CI. */
const DEADLINE_MS = (smoke ? 5 : 40) * 60_000;

/** Articles opened and labelled: size in UTF-16 units and claims. The last is "the largest". */
const CASES = smoke
  ? ([[50_000, 100]] as const)
  : ([
      [50_000, 100],
      [1_000_000, 2_000],
      [5_000_000, 20_000],
    ] as const);
/** The dense article: size and claims, several overlapping on every line (measured at 1×). */
const DENSE = smoke ? ([50_000, 1_000] as const) : ([5_000_000, 100_000] as const);
/** Import files: articles × claims each. */
const IMPORTS = smoke
  ? ([[2, 500]] as const)
  : ([
      [10, 1_000],
      [100, 1_000],
    ] as const);
const REANCHOR = smoke ? { size: 50_000, claims: 100, edits: 20 } : { size: 1_000_000, claims: 2_000, edits: 400 };
const AGREEMENT = smoke ? 500 : 5_000;
/** The flat-versus-sections decoration figure: lines in the document and claims drawn on it. */
const DECORATION = smoke ? { lines: 1_000, claims: 200 } : { lines: 30_000, claims: 20_000 };
/** dom-anchor-text-quote is slow on a long text: it runs until this many ms, and its rate is extrapolated. */
const DOM_ANCHOR_BUDGET = smoke ? 2_000 : 30_000;

/**
 * Every file of the built app with its size and gzipped size, and when it is loaded: on every
 * visit (what index.html names), as a worker, or when first used (dynamic imports).
 */
function bundleSizes(): Chunk[] {
  const eager = new Set([...readFileSync('dist/index.html', 'utf8').matchAll(/assets\/([^"]+)/g)].map((m) => m[1]));
  const chunks: Chunk[] = [];
  for (const name of readdirSync('dist/assets')) {
    if (!/\.(m?js|css)$/.test(name)) continue;
    const worker = /^([\w-]+-worker|pdf\.worker\.min)-[\w-]+\.m?js$/.test(name);
    const bytes = readFileSync(`dist/assets/${name}`);
    chunks.push({
      file: name,
      loaded: eager.has(name) ? 'every visit' : worker ? 'as a worker, when used' : 'when first used',
      bytes: bytes.length,
      gzip: gzipSync(bytes).length,
    });
  }
  const order = ['every visit', 'as a worker, when used', 'when first used'];
  return chunks.sort((a, b) => order.indexOf(a.loaded) - order.indexOf(b.loaded) || b.gzip - a.gzip);
}

/** Two annotators with `perAnnotator` claims each on one 1 MB article, from a fixed seed. */
function syntheticClaims(perAnnotator: number): Claim[] {
  const random = seeded(42);
  const claims: Claim[] = [];
  for (const who of ['a', 'b']) {
    for (let i = 0; i < perAnnotator; i++) {
      const start = Math.floor(random() * 1_000_000);
      claims.push({
        id: `${who}${i}`,
        articleId: 'bench',
        label: (['sourced', 'disputed', 'opinion'] as const)[Math.floor(random() * 3)]!,
        start,
        end: start + 20 + Math.floor(random() * 200),
        exact: '',
        prefix: '',
        suffix: '',
        sources: [],
        annotator: { id: who, name: who },
        created: '',
        modified: '',
      });
    }
  }
  return claims;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

/** Progress on stderr, so a slow or stuck step shows where it is. */
function step(message: string): void {
  process.stderr.write(`bench: ${Math.round(performance.now() / 1000)} s: ${message}\n`);
}

/** Watches long tasks from now on: `window.__longest()` is the longest since, in ms. */

/**
 * Milliseconds from a key press or click (its event timestamp) until the frame after it was
 * painted: measured in the page, for the next `event` of `type` only.
 */
const ARM_INTERACTION = `void (window.__interaction = new Promise((resolve) => {
  document.addEventListener(__TYPE__, (event) => {
    const t0 = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  }, { capture: true, once: true });
}))`;

/** An article size as the figures name it: 50 KB, 1 MB. */
const sizeName = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000} MB` : `${size / 1000} KB`);

/** A fresh profile with the app started and named, its CPU slowed by `rate`. */
async function freshPage(browser: Browser, rate: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await throttle(page, rate);
  await page.goto(BASE);
  await page.getByLabel('Your name, shown on the claims you make').fill('Bench');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('body[data-ready]');
  return page;
}

/** Imports a file through the button; milliseconds in the page from the file's arrival to the report, and the longest task. */
function importFile(page: Page, path: string): Promise<{ ms: number; longest: number }> {
  return fileChosenTimed(page, path, { button: 'Import annotations', accept: 'json', done: /Imported|not imported/, ok: 'Imported' });
}

/** Opens an article from the library; milliseconds to painted highlights and the next task, and the longest task. */
async function openTimed(page: Page, id: string): Promise<{ ms: number; longest: number }> {
  await page.goto(`${BASE}#/`);
  await page.waitForSelector('.library-item');
  await page.evaluate(WATCH_LONG_TASKS);
  const ms = await page.evaluate<number>(`new Promise((resolve) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.article-text mark.claim')) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    });
    observer.observe(document.getElementById('main'), { childList: true, subtree: true });
    location.hash = ${JSON.stringify(`#/article/${encodeURIComponent(id)}`)};
  })`);
  // Let the work that follows the first paint (the provenance box) run, then read the longest task.
  await page.waitForTimeout(smoke ? 200 : 1500);
  return { ms, longest: await page.evaluate<number>('window.__longest()') };
}

/** Labels the first words of the i-th line, by key `2` or a toolbar click; milliseconds to the painted highlight. */
async function labelTimed(page: Page, i: number, useClick: boolean): Promise<number> {
  const line = `[...document.querySelectorAll('.article-text p:not(.blank)')][(${i} * 37) % document.querySelectorAll('.article-text p:not(.blank)').length]`;
  await page.evaluate(`(() => {
    const p = ${line};
    const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, Math.min(node.data.length, 24));
    p.scrollIntoView({ block: 'center' });
    document.querySelector('.article-text').focus();
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  })()`);
  await page.getByRole('toolbar').waitFor();
  // Counted in the labelled line: a dense article draws only the claims near the viewport.
  const marks = () => page.evaluate<number>(`${line}.querySelectorAll('mark.claim').length`);
  const before = await marks();
  await page.evaluate(ARM_INTERACTION.replace('__TYPE__', JSON.stringify(useClick ? 'click' : 'keydown')));
  if (useClick) await page.getByRole('toolbar').getByRole('button', { name: 'Sourced', exact: true }).click();
  else await page.keyboard.press('2');
  const ms = await page.evaluate<number>('window.__interaction');
  if ((await marks()) <= before) throw new Error('no highlight was painted');
  return ms;
}

/** Clicks a claim's highlight in the i-th line; milliseconds from the click to the frame after it is drawn selected. */
async function selectTimed(page: Page, i: number): Promise<number> {
  const box = await page.evaluate<{ x: number; y: number; id: string }>(`(() => {
    const paragraphs = [...document.querySelectorAll('.article-text p:not(.blank)')].filter((p) => p.querySelector('mark.claim'));
    const mark = paragraphs[(${i} * 37) % paragraphs.length].querySelector('mark.claim:not(.is-selected)');
    mark.scrollIntoView({ block: 'center' });
    const rect = mark.getClientRects()[0];
    return { x: rect.left + Math.min(4, rect.width / 2), y: rect.top + rect.height / 2, id: mark.dataset.claimId };
  })()`);
  await page.evaluate(ARM_INTERACTION.replace('__TYPE__', JSON.stringify('click')));
  await page.mouse.click(box.x, box.y);
  const ms = await page.evaluate<number>('window.__interaction');
  await page.locator('.article-text mark.claim.is-selected').first().waitFor();
  return ms;
}

/** The id of the article whose title is given, from the library's links. */
async function articleId(page: Page, title: string): Promise<string> {
  await page.goto(`${BASE}#/`);
  const href = await page.getByRole('link', { name: title, exact: true }).getAttribute('href');
  return decodeURIComponent(href!.replace('#/article/', ''));
}

/** The dense article, at full speed: opened, a claim selected by clicking it, labelled, scrolled. */
async function denseFigures(browser: Browser, dir: string): Promise<Record<string, Figure>> {
  const figures: Record<string, Figure> = {};
  const page = await freshPage(browser, 1);
  const [size, count] = DENSE;
  const title = `Dense ${size / 1000} KB with ${count} claims`;
  const path = join(dir, `dense-${size}.json`);
  await inputFile(path, () => exportFileOf(article(size, size + 5), count, size + 6, title));
  await importFile(page, path);
  const id = await articleId(page, title);
  const label = `dense ${sizeName(size)} / ${count.toLocaleString('en')} claims`;
  const opened: { ms: number; longest: number }[] = [];
  for (let i = 0; i < 5; i++) opened.push(await openTimed(page, id));
  figures[`open ${label} to painted and responsive, ms`] = stats(
    opened.map((o) => o.ms),
    { budget: 1500 },
  );
  figures[`  longest task while opening ${label}, ms`] = stats(opened.map((o) => o.longest));
  const selects: number[] = [];
  for (let i = 0; i < 5; i++) selects.push(await selectTimed(page, i));
  figures[`select a claim by clicking it on ${label}, to painted, ms`] = stats(selects, { budget: 100 });
  const labels: number[] = [];
  for (let i = 0; i < 5; i++) labels.push(await labelTimed(page, i, false));
  figures[`label by key on ${label}, to painted highlight, ms`] = stats(labels, { budget: 100 });
  const frames = await scrollFrames(page, null, '1350', 600);
  figures[`scroll through ${label}: longest frame, ms`] = stats([Math.max(...frames)], {
    budget: 50,
    note: `${frames.length} frames, ${frames.filter((f) => f > 50).length} over 50 ms`,
  });
  step(`${label} measured`);
  await page.context().close();
  return figures;
}

/** A blank page of `browser` at CPU slow-down `rate` with the bench's page-side code (page-core.ts) loaded. */
async function corePage(browser: Browser, rate: number, title: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><title>${title}</title>`);
  await throttle(page, rate);
  await page.addScriptTag({ content: await pageScript('bench/page-core.ts') });
  return page;
}

/**
 * 5b. Painting beside the rendering peer: the same claims on the same text, already in the page,
 * each in a page of its own; the peer's figure goes beside our whole "open" too, when measured.
 */
async function paintFigures(browser: Browser, rate: number, figures: Record<string, Figure>): Promise<void> {
  const slow = rate >= 4;
  const runs = slow ? SLOW_RUNS : RUNS;
  const core = await corePage(browser, rate, 'claimtrail bench: the rendering peer');
  await core.addStyleTag({ content: readFileSync('node_modules/@recogito/text-annotator/dist/text-annotator.css', 'utf8') });
  // Ours paints in a page of its own, with the app's styles: run in the peer's page after it, it
  // took ten times as long (the peer leaves work behind that a 5 MB selection sets off).
  const painter = await corePage(browser, rate, 'claimtrail bench: painting');
  await painter.addStyleTag({ content: readFileSync('src/styles.css', 'utf8') });
  for (const [size, count] of CASES) {
    // The peer painting 5 MB at 4× takes over a minute: 5 MB is compared at 1×.
    if (slow && size >= 5_000_000) continue;
    const text = article(size, size);
    const claimsHere = claimsOn(text, count, size + 1);
    const paint = (fn: 'recogito' | 'ourPaint') =>
      (fn === 'ourPaint' ? painter : core).evaluate(
        ([f, c, t]) => (window as never as { benchCore: Record<typeof fn, (c: unknown, t: string) => Promise<{ ms: number }>> }).benchCore[f](c, t),
        [fn, claimsHere, text] as const,
      );
    const theirs: number[] = [];
    const ours: number[] = [];
    // The peer takes seconds on 5 MB (it measures every claim's boxes): measured once there.
    for (let i = 0; i < (size >= 5_000_000 ? 3 : runs); i++) {
      if (size < 5_000_000 || i === 0) theirs.push((await paint('recogito')).ms);
      ours.push((await paint('ourPaint')).ms);
    }
    const sized = sizeName(size);
    const peer = { name: '@recogito/text-annotator', median: stats(theirs).median };
    figures[`paint ${sized} / ${count.toLocaleString('en')} claims over text already in the page, ms`] = stats(ours, { peer });
    const name = Object.keys(figures).find((k) => k.startsWith(`open ${sized} /`));
    if (name) figures[name]!.peer = peer;
  }
  await painter.close();
  await core.close();
}

/**
 * Sections 1 to 8 at CPU slow-down `rate`: articles opened, labelled, scrolled, imported,
 * exported, re-anchored; the core's figures. Budgets are the issue's, at 1× and at 4×.
 */
async function libraryFigures(browser: Browser, dir: string, rate: number): Promise<Record<string, Figure>> {
  const figures: Record<string, Figure> = {};
  const slow = rate >= 4;
  const runs = slow ? SLOW_RUNS : RUNS;
  // 1–3, 8. Open each article with its claims; label and scroll on 1 MB and the largest; weigh the heap on the largest.
  const page = await freshPage(browser, rate);
  for (const [size, count] of CASES) {
    const title = `Generated ${size / 1000} KB with ${count} claims`;
    const path = join(dir, `article-${size}.json`);
    await inputFile(path, () => exportFileOf(article(size, size), count, size + 1, title));
    await importFile(page, path);
    const id = await articleId(page, title);
    const opened: { ms: number; longest: number }[] = [];
    for (let i = 0; i < runs; i++) opened.push(await openTimed(page, id));
    const label = `${sizeName(size)} / ${count.toLocaleString('en')} claims`;
    const openBudget = size === 1_000_000 ? (slow ? 500 : 300) : size === 5_000_000 ? (slow ? 2000 : 1500) : undefined;
    figures[`open ${label} to painted and responsive, ms`] = stats(
      opened.map((o) => o.ms),
      openBudget ? { budget: openBudget } : {},
    );
    figures[`  longest task while opening ${label}, ms`] = stats(
      opened.map((o) => o.longest),
      slow && size >= 1_000_000 ? { budget: 200 } : {},
    );
    step(`opened ${label}`);
    const largest = size === CASES.at(-1)![0];
    if (size < 1_000_000 && !largest) continue;
    const byKey: number[] = [];
    const byClick: number[] = [];
    await page.evaluate(WATCH_LONG_TASKS);
    for (let i = 0; i < runs * 2; i++) (i % 2 ? byClick : byKey).push(await labelTimed(page, i, i % 2 === 1));
    const labelLongest = await page.evaluate<number>('window.__longest()');
    const labelBudget = (size === 5_000_000 ? 100 : 50) * (slow ? 2 : 1);
    figures[`label by key on ${label}, to painted highlight, ms`] = stats(byKey, { budget: labelBudget });
    figures[`label by click on ${label}, to painted highlight, ms`] = stats(byClick, { budget: labelBudget });
    figures[`  longest task while labelling on ${label}, ms`] = stats([labelLongest], size === 1_000_000 && !slow ? { budget: 50 } : {});
    step(`labelling on ${label} measured`);
    // At 4× each frame takes longer: the first 400 frames (about 540,000 pixels) are enough to find the longest.
    const frames = await scrollFrames(page, null, '1350', slow ? 400 : 5000);
    figures[`scroll through ${label} after labelling: longest frame, ms`] = stats([Math.max(...frames)], {
      ...(slow ? { budget: 100 } : size === 1_000_000 ? { budget: 50 } : {}),
      note: `${frames.length} frames, ${frames.filter((f) => f > 50).length} over 50 ms`,
    });
    step(`scrolling through ${label} measured`);
    if (!largest) continue;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    figures[`JS heap with ${label} open, MB`] = stats([heap.usedSize / 2 ** 20]);
  }
  await page.context().close();

  // 4, 7. Import the export files (each into a fresh profile), export them, and start up with the largest stored.
  for (const [articles, each] of IMPORTS) {
    const total = articles * each;
    const path = join(dir, `import-${total}.json`);
    await inputFile(path, () => libraryFileOf(articles, 50_000, each, total));
    const imports: { ms: number; longest: number }[] = [];
    let last: Page | null = null;
    for (let i = 0; i < (total >= 100_000 ? Math.min(3, runs) : runs); i++) {
      await last?.context().close();
      last = await freshPage(browser, rate);
      imports.push(await importFile(last, path));
    }
    const name = total.toLocaleString('en');
    figures[`import ${name} claims (${articles} articles): parse, check, store, ms`] = stats(
      imports.map((i) => i.ms),
      total >= 100_000 && !slow ? { budget: 5000 } : {},
    );
    figures[`  longest task while importing ${name} claims, ms`] = stats(imports.map((i) => i.longest));
    const exports: { ms: number; longest: number }[] = [];
    for (let i = 0; i < Math.min(3, runs); i++) exports.push(await exportTimed(last!));
    figures[`export ${name} claims, ms`] = stats(
      exports.map((e) => e.ms),
      total >= 100_000 && !slow ? { budget: 1000 } : {},
    );
    figures[`  longest task while exporting ${name} claims, ms`] = stats(exports.map((e) => e.longest));
    step(`import and export of ${name} measured`);
    if (articles === IMPORTS.at(-1)![0]) {
      const startup: number[] = [];
      for (let i = 0; i < runs; i++) {
        await last!.reload();
        await last!.waitForSelector('body[data-ready]');
        startup.push(await last!.evaluate<number>("performance.getEntriesByName('claimtrail:ready')[0].startTime"));
      }
      figures[`start-up to usable library with ${articles} articles and ${name} claims stored, ms`] = stats(startup, slow ? {} : { budget: 500 });
      step('start-up measured');
      // Another file of as many claims into a library that already holds claims: every id is
      // looked up across the library (ids stay unique), which a fresh profile skips.
      const other = join(dir, `import-${total}-more.json`);
      await inputFile(other, () => libraryFileOf(articles, 50_000, each, total * 7 + 1));
      const more = await importFile(last!, other);
      figures[`import ${name} more claims into a library of ${name} (ids checked), ms`] = stats([more.ms], slow ? {} : { budget: 5000 });
      figures[`  longest task while importing into a full library, ms`] = stats([more.longest]);
      step('import into a full library measured');
    }
    await last!.context().close();
  }

  // 5, 6. Re-anchoring with its peers, and agreement, in a page of the same browser (a blank
  // one: the app's Content-Security-Policy rightly refuses injected scripts).
  const core = await corePage(browser, rate, 'claimtrail bench');
  const original = article(REANCHOR.size, 7);
  const claims = claimsOn(original, REANCHOR.claims, 8);
  const changed = edited(original, REANCHOR.edits, 9);
  const run = (fn: string) =>
    core.evaluate(
      ([f, c, t]) => (window as never as { benchCore: Record<string, (c: unknown, t: string) => { ms: number; placed: number }> }).benchCore[f]!(c, t),
      [fn, claims, changed] as const,
    );
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < Math.min(5, runs); i++) {
    ours.push((await run('ours')).ms);
    peer.push((await run('hypothesis')).ms);
  }
  const reanchorName = `re-anchor ${REANCHOR.claims.toLocaleString('en')} claims onto a ${REANCHOR.size / 1_000_000} MB article with ${REANCHOR.edits} edits, ms`;
  figures[reanchorName] = stats(ours, { ...(slow ? {} : { budget: 500 }), peer: { name: 'Hypothesis-style', median: stats(peer).median } });
  // dom-anchor-text-quote is a peer's peer, slow enough to cost half a minute: measured at 1× only.
  if (rate === 1) {
    const domAnchor = await core.evaluate(
      ([c, t, budget]) => {
        const api = (window as never as { benchCore: { domAnchor: (c: unknown, t: string) => { ms: number; failed: number } } }).benchCore;
        const t0 = performance.now();
        let done = 0;
        let failed = 0;
        while (done < c.length && performance.now() - t0 < budget) {
          done += 10;
          failed += api.domAnchor(c.slice(done - 10, done), t).failed;
        }
        return { ms: performance.now() - t0, done, failed };
      },
      [claims, changed, DOM_ANCHOR_BUDGET] as const,
    );
    const domAnchorMs = (domAnchor.ms / domAnchor.done) * claims.length;
    figures['  dom-anchor-text-quote on the same, ms'] = stats([domAnchorMs], {
      note: `${domAnchor.done < claims.length ? `extrapolated from ${domAnchor.done} claims in ${(domAnchor.ms / 1000).toFixed(0)} s; ` : ''}${domAnchor.failed} of ${domAnchor.done} threw "Pattern too long"; ours took ${(stats(ours).median / domAnchorMs).toFixed(3)}× its time`,
    });
  }
  step('re-anchoring measured');
  // Why the document has sections (a figure of ProseMirror, not of the machine): at 1× only.
  if (!slow) {
    // Why the document has sections: a decoration change on 30,000 lines, flat and in sections.
    const lines = article(DECORATION.lines * 120, 11)
      .split(/\n|(?<=\.) /)
      .slice(0, DECORATION.lines);
    for (const shape of ['flat', 'sections'] as const) {
      const sets: number[] = [];
      const views: number[] = [];
      for (let i = 0; i < (smoke ? 1 : 3); i++) {
        const r = await core.evaluate(
          ([l, s, c]) =>
            (
              window as never as { benchCore: { decorationChange: (l: string[], s: string, c: number) => { set: number; view: number } } }
            ).benchCore.decorationChange(l, s, c),
          [lines, shape, DECORATION.claims] as const,
        );
        sets.push(r.set);
        views.push(r.view);
      }
      const doc = `${lines.length.toLocaleString('en')} lines${shape === 'sections' ? ' in sections of 100' : ', flat'}, ${DECORATION.claims.toLocaleString('en')} claims`;
      figures[`decoration change on ${doc}: DecorationSet, ms`] = stats(sets);
      figures[`decoration change on ${doc}: view update, ms`] = stats(views);
    }
    step('decorations measured');
  }
  const agreementBundles = [
    { article: { id: 'bench', title: 'bench', textSha256: '', length: 1_000_300, added: '' }, text: '', claims: syntheticClaims(AGREEMENT) },
  ];
  const agreement: number[] = [];
  for (let i = 0; i < runs; i++) {
    agreement.push(
      (await core.evaluate((b) => (window as never as { benchCore: { agreement: (b: unknown) => { ms: number } } }).benchCore.agreement(b), agreementBundles))
        .ms,
    );
  }
  figures[`agreement report, 2 annotators × ${AGREEMENT.toLocaleString('en')} claims, ms`] = stats(agreement, slow ? {} : { budget: 200 });
  // Krippendorff's alpha alone, ours and the krippendorff package's, on the same units.
  const alphaRuns: { oursMs: number; peerMs: number; ours: number; theirs: number; units: number }[] = [];
  for (let i = 0; i < Math.min(5, runs); i++) {
    alphaRuns.push(
      await core.evaluate(
        (c) => (window as never as { benchCore: { alpha: (c: unknown) => (typeof alphaRuns)[number] } }).benchCore.alpha(c),
        agreementBundles[0]!.claims,
      ),
    );
  }
  const [{ ours: ourAlpha, theirs: theirAlpha, units }] = alphaRuns as [(typeof alphaRuns)[number]];
  if (Math.abs(ourAlpha - theirAlpha) > 1e-9)
    throw new Error(`Krippendorff's alpha differs from the krippendorff package's: ${ourAlpha} against ${theirAlpha}`);
  figures[`  Krippendorff's alpha (nominal) over ${units.toLocaleString('en')} units of those claims, ms`] = stats(
    alphaRuns.map((r) => r.oursMs),
    { peer: { name: 'krippendorff (npm)', median: stats(alphaRuns.map((r) => r.peerMs)).median }, note: `both give ${ourAlpha.toFixed(6)}` },
  );
  await core.close();
  return figures;
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!process.argv.includes('--no-build')) execSync('npx vite build', { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-'));
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  process.on('exit', () => {
    try {
      process.kill(-server.pid!);
    } catch {
      // Already gone.
    }
  });
  setTimeout(() => {
    step(`still running after ${DEADLINE_MS / 60_000} minutes: stopped`);
    process.exit(1);
  }, DEADLINE_MS).unref();
  try {
    await waitForServer();
    step('server up');
    const browser = await chromium.launch(chromiumLaunchOptions());
    /** Each CPU rate's figures, the calibration workload first. */
    const passes: Pass[] = [];
    for (const rate of RATES) {
      step(`CPU ${rate}×`);
      const figures: Record<string, Figure> = {};
      const calibration = await calibrate(browser, rate);
      const context = { browser, base: BASE, smoke, rate, freshPage: (b: Browser) => freshPage(b, rate), step, dir };

      // 1–8, unless only another part is asked for (--only=library, paint, dense, files, search or sync).
      if (!only || only === 'library') Object.assign(figures, await libraryFigures(browser, dir, rate));
      if (!only || only === 'paint') {
        await paintFigures(browser, rate, figures);
        step('rendering peer measured');
      }
      if (rate === 1 && (!only || only === 'dense')) Object.assign(figures, await denseFigures(browser, dir));

      // 9. Files: web page extraction, and a long PDF read with the page responsive.
      if (!only || only === 'files') Object.assign(figures, await fileFigures(context));

      // 10. A library at newsroom scale: the search index, queries, the Claims view, 2,000 articles.
      if (!only || only === 'search') Object.assign(figures, await searchFigures(context));

      // 11. Team sync, beside raw PouchDB replication.
      if (!only || only === 'sync') {
        // The 100,000-claim first sync takes minutes: only with --only=sync.
        const counts = smoke ? [500] : only === 'sync' ? [10_000, 100_000] : [10_000];
        Object.assign(figures, await syncFigures({ ...context, counts, label: (p, i) => labelTimed(p, i, false) }));
      }

      // 12. A million claims: only with --only=million (it takes minutes to build), at full speed.
      if (only === 'million' && rate === 1) Object.assign(figures, await millionFigures(context));
      passes.push({ rate, calibration, figures });
    }
    const browserVersion = browser.version();
    await browser.close();

    const results = {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, browser: `Chromium ${browserVersion}` },
      smoke,
      seconds: Math.round((Date.now() - started) / 1000),
      passes,
      bundle: bundleSizes(),
    };
    console.log(
      `claimtrail bench — ${results.date} — ${results.machine.cpu} (${results.machine.cores} cores), ${results.machine.browser} — ${results.seconds} s${smoke ? ' — SMOKE, figures not meaningful' : ''}`,
    );
    console.log(printTables(passes, results.bundle));
    writeFileSync(`bench/results/${smoke ? 'smoke' : (only ?? (cpuArg ? `cpu-${RATES[0]}` : 'latest'))}.json`, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    process.kill(-server.pid!);
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exit(1);
}
