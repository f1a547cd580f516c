/**
 * npm run bench: builds the app, serves dist/, and measures in Chromium what a person waits for.
 * Figures are taken in the page with performance.now() and the Event Timing API; each is the
 * median and p95 of repeated runs. Prints a table and writes bench/results/latest.json.
 * `--smoke` runs each measurement a few times only, so CI can check the bench still works.
 */
import { execSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';
import { agreementReport } from '../src/core/agreement-report';
import { anchorAll, countStatuses, type Anchoring } from '../src/core/anchor';
import type { Claim } from '../src/core/model';
import { CORPUS_FILES, corpusPath } from '../src/testing/corpus';
import { article, claimsOn, edited } from './inputs';

const smoke = process.argv.includes('--smoke');
const RUNS = smoke ? 3 : 25;
const PORT = 4179;
const BASE = `http://localhost:${PORT}/`;

function stats(values: number[]): { median: number; p95: number; runs: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), runs: values.length };
}

/** Bytes and gzipped bytes of the built app: what every visit loads, and the import worker loaded on import. */
function bundleSizes(): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const name of readdirSync('dist/assets')) {
    if (!/\.(js|css)$/.test(name)) continue;
    const part = name.startsWith('check-worker') ? 'import worker JS' : name.endsWith('.css') ? 'app CSS' : 'app JS';
    const bytes = readFileSync(`dist/assets/${name}`);
    sizes[`${part} bytes`] = (sizes[`${part} bytes`] ?? 0) + bytes.length;
    sizes[`${part} gzip bytes`] = (sizes[`${part} gzip bytes`] ?? 0) + gzipSync(bytes).length;
  }
  return sizes;
}

/** Two annotators with `perAnnotator` claims each on one 1 MB article, from a fixed seed. */
function syntheticClaims(perAnnotator: number): Claim[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const claims: Claim[] = [];
  for (const who of ['a', 'b']) {
    for (let i = 0; i < perAnnotator; i++) {
      const start = Math.floor(random() * 1_000_000);
      claims.push({
        id: `${who}${i}`, articleId: 'bench', label: (['sourced', 'disputed', 'opinion'] as const)[Math.floor(random() * 3)]!,
        start, end: start + 20 + Math.floor(random() * 200), exact: '', prefix: '', suffix: '', sources: [],
        annotator: { id: who, name: who }, created: '', modified: '',
      });
    }
  }
  return claims;
}

/** Milliseconds for the full agreement report (as `claimtrail agree` computes it), in Node. */
function agreementTimes(runs: number): number[] {
  const bundle = { article: { id: 'bench', title: 'bench', textSha256: '', length: 1_000_300, added: '' }, text: '', claims: syntheticClaims(5000) };
  return Array.from({ length: runs }, () => {
    const t0 = performance.now();
    agreementReport([bundle]);
    return performance.now() - t0;
  });
}

/** Milliseconds to re-anchor 1,000 claims onto a 1 MB article with 200 scattered edits, in Node; and how they anchored. */
function reanchorTimes(runs: number): { times: number[]; statuses: ReturnType<typeof countStatuses> } {
  const original = article(1_000_000, 7);
  const claims = claimsOn(original, 1000, 8);
  const changed = edited(original, 200, 9);
  let results: Anchoring[] = [];
  const times = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    results = anchorAll(claims, changed);
    return performance.now() - t0;
  });
  return { times, statuses: countStatuses(results) };
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

async function armed(page: Page, type: 'keydown' | 'click'): Promise<void> {
  await page.evaluate(ARM_INTERACTION.replace('__TYPE__', JSON.stringify(type)));
}

async function interaction(page: Page): Promise<number> {
  return page.evaluate('window.__interaction') as Promise<number>;
}

/** Progress on stderr, so a slow or stuck step shows where it is. */
function step(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execSync('npx vite build', { stdio: 'ignore' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  try {
    await waitForServer();
    step('server up');
    const browser = await chromium.launch(chromiumLaunchOptions());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(BASE);
    await page.getByLabel('Your name, shown on the claims you make').fill('Bench');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('body[data-ready]');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add articles' }).first().click();
    await (await chooser).setFiles(CORPUS_FILES.map(corpusPath));
    await page.getByRole('status').filter({ hasText: 'Added 5 articles.' }).waitFor();

    step('corpus added');
    // 1. Start-up: navigation to a usable library with the five corpus articles (and the demo).
    const startup: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.reload();
      await page.waitForSelector('body[data-ready]');
      startup.push(await page.evaluate("performance.getEntriesByName('claimtrail:ready')[0].startTime") as number);
    }

    step('start-up measured');
    // 2. Label: key press, then toolbar click, to the painted highlight, on the longest corpus article.
    await page.getByRole('link', { name: 'The CSTO arrives in Iraq and Syria', exact: true }).click();
    await page.waitForSelector('.article-text');
    const byKey: number[] = [];
    const byClick: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const useClick = i % 2 === 1;
      // Select the first words of the i-th line with text, as a person's drag would.
      await page.evaluate(`(() => {
        const paragraphs = [...document.querySelectorAll('.article-text p:not(.blank)')];
        const p = paragraphs[${i} % paragraphs.length];
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const node = walker.nextNode();
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, Math.min(node.data.length, 24));
        p.scrollIntoView({ block: 'center' });
        document.querySelector('.article-text').focus();
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      })()`);
      await page.getByRole('toolbar').waitFor();
      const marks = await page.locator('mark.claim').count();
      await armed(page, useClick ? 'click' : 'keydown');
      if (useClick) await page.getByRole('toolbar').getByRole('button', { name: 'Sourced', exact: true }).click();
      else await page.keyboard.press('2');
      (useClick ? byClick : byKey).push(await interaction(page));
      if ((await page.locator('mark.claim').count()) <= marks) throw new Error('no highlight was painted');
    }

    step('labelling measured');
    // 3. Opening that article, with its claims, until highlights are painted.
    const open: number[] = [];
    const id = decodeURIComponent(new URL(page.url()).hash.replace('#/article/', ''));
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${BASE}#/`);
      await page.waitForSelector('.library-item');
      open.push(await page.evaluate(`new Promise((resolve) => {
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector('.article-text mark.claim')) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        });
        observer.observe(document.getElementById('main'), { childList: true, subtree: true });
        location.hash = ${JSON.stringify(`#/article/${encodeURIComponent(id)}`)};
      })`) as number);
    }
    const claims = await page.locator('.claim-entry').count();
    const browserVersion = browser.version();
    await browser.close();

    const sizes = bundleSizes();
    const reanchor = reanchorTimes(smoke ? 2 : 10);
    const results = {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, browser: `Chromium ${browserVersion}` },
      smoke,
      figures: {
        'start-up to usable library (6 articles), ms': stats(startup),
        [`open article 001 with ${claims} claims to painted highlights, ms`]: stats(open),
        'label by key (2) to painted highlight, ms': stats(byKey),
        'label by toolbar click to painted highlight, ms': stats(byClick),
        'agreement report, 2 annotators × 5,000 claims, one article (Node), ms': stats(agreementTimes(RUNS)),
        're-anchor 1,000 claims onto a 1 MB article with 200 scattered edits (Node), ms': stats(reanchor.times),
      },
      reanchored: reanchor.statuses,
      bundle: sizes,
    };
    console.log(`claimtrail bench — ${results.date} — ${results.machine.cpu} (${results.machine.cores} cores), ${results.machine.browser}${smoke ? ' — SMOKE, figures not meaningful' : ''}`);
    console.log('| figure | median | p95 | runs |\n|---|---:|---:|---:|');
    for (const [name, s] of Object.entries(results.figures)) console.log(`| ${name} | ${s.median} | ${s.p95} | ${s.runs} |`);
    for (const [name, value] of Object.entries(results.bundle)) console.log(`| ${name} | ${value} | | |`);
    console.log(`re-anchored: ${Object.entries(results.reanchored).map(([s, n]) => `${n} ${s}`).join(', ')}`);
    writeFileSync(`bench/results/${smoke ? 'smoke' : 'latest'}.json`, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    process.kill(-server.pid!);
  }
}

await main();
