/**
 * The bench's library-scale figures: a library of 500 articles of 50 KB with 100,000 claims,
 * imported through the app; then the search index built in its worker, queries typed into the
 * Search field to painted results, the Claims view opened and scrolled; and start-up of a
 * library of 2,000 articles.
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { fileChosenTimed, scrollFrames, stats, inputFile, type Figure } from './figures';
import { libraryFileOf } from './inputs';

interface Context {
  browser: Browser;
  base: string;
  smoke: boolean;
  /** The CPU slow-down of this pass. */
  rate: number;
  freshPage(browser: Browser): Promise<Page>;
  step(message: string): void;
  dir: string;
}

/** What is typed: common words, two words, prefixes as typed, filters, a phrase, Arabic, no match. */
export const QUERIES = [
  'security',
  'Russia',
  'kazakhstan',
  'treaty organization',
  'collective security',
  'peacekeeping',
  'Tadj',
  'milit',
  'Afgh',
  'label:disputed russia',
  'label:opinion treaty',
  'no:source label:sourced armenia',
  '"security treaty"',
  'السلام',
  'مُعَاهَدَة',
  'belarus kyrgyzstan',
  'forces',
  'zzzqqq',
  'president',
  'intervention',
];

/** Waits for the library index to be built after a (re)load; its own figure of reading and indexing, ms. */
export async function indexBuilt(page: Page, timeout = 600_000): Promise<number> {
  const handle = await page.waitForFunction(() => performance.getEntriesByName('claimtrail:index-ready')[0], null, { timeout, polling: 250 });
  return page.evaluate((mark) => ((mark as PerformanceMark).detail as { ms: number }).ms, handle);
}

/** Types `query` into Search at once (one input event); ms from that event to the painted results. */
export async function queryTimed(page: Page, query: string): Promise<number> {
  const before = await page.evaluate(() => performance.getEntriesByName('claimtrail:search').length);
  await page.getByRole('searchbox', { name: 'Search' }).fill(query);
  await page.waitForFunction((n) => performance.getEntriesByName('claimtrail:search').length > n, before);
  return page.evaluate(() => performance.getEntriesByName('claimtrail:search').at(-1)!.duration);
}

/** Opens the Claims view; ms from the address changed to the rows painted. */
export async function claimsOpenTimed(page: Page, base: string): Promise<number> {
  await page.goto(`${base}#/`);
  await page.waitForSelector('.library-item');
  return page.evaluate<number>(`new Promise((resolve) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      const count = document.querySelector('.claims-count');
      if (!count || !/claims?$/.test(count.textContent) || !document.querySelector('.claims-table tr[data-index]')) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    });
    observer.observe(document.getElementById('main'), { childList: true, subtree: true, characterData: true });
    location.hash = '#/claims';
  })`);
}

export async function searchFigures({ browser, base, smoke, rate, freshPage, step, dir }: Context): Promise<Record<string, Figure>> {
  const figures: Record<string, Figure> = {};
  const [articles, each] = smoke ? [10, 50] : [500, 200];
  const total = articles * each;
  const name = `${articles} articles of 50 KB, ${total.toLocaleString('en')} claims`;
  const path = join(dir, `library-${total}.json`);
  await inputFile(path, () => libraryFileOf(articles, 50_000, each, 9001));
  const page = await freshPage(browser);
  await fileChosenTimed(page, path, { button: 'Import annotations', accept: 'json', done: /Imported|not imported/, ok: 'Imported' });
  step(`library of ${name} imported`);

  const builds: number[] = [];
  for (let i = 0; i < (smoke || rate > 1 ? 1 : 3); i++) {
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    builds.push(await indexBuilt(page));
  }
  figures[`search index build (read from IndexedDB and index, in its worker), ${name}, ms`] = stats(builds);
  step('index build measured');

  const queries: number[] = [];
  const rounds = smoke ? 1 : rate > 1 ? 2 : 3;
  for (let round = 0; round < rounds; round++) for (const query of QUERIES) queries.push(await queryTimed(page, query));
  figures[`search query to painted results, ${name}, ms`] = stats(queries, {
    budget: rate >= 4 ? 200 : 100,
    budgetOn: 'p95',
    note: `${QUERIES.length} queries × ${rounds}`,
  });
  step('queries measured');

  const opens: number[] = [];
  for (let i = 0; i < (smoke ? 2 : rate > 1 ? 3 : 5); i++) opens.push(await claimsOpenTimed(page, base));
  figures[`Claims view open to painted rows, ${total.toLocaleString('en')} claims, ms`] = stats(opens, rate >= 4 ? {} : { budget: 500 });
  // Big jumps: 400 frames from top to bottom of 100,000 rows.
  const frames = await scrollFrames(page, '.claims-scroller', 'Math.max(2000, el.scrollHeight / 400)', 3000);
  figures[`Claims view scrolled top to bottom: longest frame, ms`] = stats([Math.max(...frames)], {
    budget: rate >= 4 ? 100 : 50,
    note: `${frames.length} frames, ${frames.filter((f) => f > 50).length} over 50 ms`,
  });
  step('Claims view measured');
  await page.context().close();

  const many = smoke ? 50 : 2000;
  const small = join(dir, `library-${many}-articles.json`);
  await inputFile(small, () => libraryFileOf(many, 2000, 3, 77));
  const libraryPage = await freshPage(browser);
  await fileChosenTimed(libraryPage, small, { button: 'Import annotations', accept: 'json', done: /Imported|not imported/, ok: 'Imported' });
  const startup: number[] = [];
  for (let i = 0; i < (smoke ? 2 : rate > 1 ? 3 : 7); i++) {
    await libraryPage.reload();
    await libraryPage.waitForSelector('body[data-ready]');
    startup.push(await libraryPage.evaluate<number>("performance.getEntriesByName('claimtrail:ready')[0].startTime"));
  }
  figures[`start-up to usable library with ${many.toLocaleString('en')} articles, ms`] = stats(startup, rate >= 4 ? {} : { budget: 500 });
  step('start-up with many articles measured');
  await libraryPage.context().close();
  return figures;
}
