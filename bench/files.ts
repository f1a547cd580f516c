/**
 * The bench's file figures: how long the app's web page extraction takes per saved page (the
 * shared pages, in Chromium), and a 300-page PDF added through the app, from the file chosen to
 * the article stored, with the longest task the page ran meanwhile (the page must stay responsive);
 * the same for a 100 MB plain text, the largest file claimtrail reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { ExtractedPage } from '../src/files/html';
import { PAGES_DIR } from '../src/testing/corpus';
import { longPdf } from '../src/testing/documents';
import { fileChosenTimed, stats, throttle, inputFile, type Figure } from './figures';
import { article } from './inputs';
import { pageScript } from './page-script';

interface Context {
  browser: Browser;
  smoke: boolean;
  /** The CPU slow-down of this pass. */
  rate: number;
  freshPage(browser: Browser): Promise<Page>;
  step(message: string): void;
  /** A scratch folder for generated files. */
  dir: string;
}

type EvalWindow = { evalPages: { extractHtml(html: string): Promise<ExtractedPage> } };

/** Median milliseconds of extracting each shared page (after one warm-up), then the median over pages. */
async function extractionFigure({ browser, smoke, rate, step }: Context): Promise<Figure> {
  const names = readdirSync(PAGES_DIR).filter((name) => existsSync(join(PAGES_DIR, name, 'source.html')));
  const page = await browser.newPage();
  await throttle(page, rate);
  await page.setContent('<!doctype html><title>claimtrail bench: extraction</title>');
  await page.addScriptTag({ content: await pageScript('scripts/eval-page.ts') });
  const perPage: number[] = [];
  for (const name of smoke ? names.slice(0, 2) : names) {
    const html = readFileSync(join(PAGES_DIR, name, 'source.html'), 'utf8');
    const times = await page.evaluate(
      async ([source, runs]) => {
        const api = (window as never as EvalWindow).evalPages;
        const out: number[] = [];
        for (let i = 0; i <= runs; i++) {
          const t0 = performance.now();
          await api.extractHtml(source);
          if (i) out.push(performance.now() - t0);
        }
        return out;
      },
      [html, smoke ? 1 : 5] as const,
    );
    perPage.push(stats(times).median);
  }
  await page.close();
  step(`extraction: ${perPage.length} pages`);
  return stats(perPage, { note: `median of ${perPage.length} saved news pages, each the median of its runs` });
}

/** Extraction per web page, and a long PDF to text with the page responsive. */
export async function fileFigures(context: Context): Promise<Record<string, Figure>> {
  const { browser, smoke, rate, freshPage, step, dir } = context;
  const figures: Record<string, Figure> = { 'web page → article, ms per page': await extractionFigure(context) };
  const pages = smoke ? 10 : 300;
  const path = join(dir, `long-${pages}.pdf`);
  await inputFile(path, () => longPdf(pages));
  const runs: { ms: number; longest: number }[] = [];
  for (let i = 0; i < (smoke ? 1 : 3); i++) {
    const page = await freshPage(browser);
    runs.push(await fileChosenTimed(page, path, { button: 'Add articles', accept: '.pdf', done: /Added|could not be added/, ok: 'Added' }));
    await page.context().close();
  }
  step(`PDF: ${pages} pages, ${runs.length} runs`);
  figures[`${pages}-page PDF added, ms`] = stats(
    runs.map((r) => r.ms),
    { note: 'file chosen → article stored' },
  );
  figures[`${pages}-page PDF added: longest task, ms`] = stats(
    runs.map((r) => r.longest),
    { ...(rate >= 4 ? {} : { budget: 50 }), note: 'while the PDF is read; 0 means no task of 50 ms or more' },
  );
  // A 100 MB plain text (the largest file added): read, normalised, hashed and stored in a worker.
  const megabytes = smoke ? 5 : 100;
  const big = join(dir, `long-${megabytes}mb.txt`);
  const chunk = article(1_000_000, 31);
  const parts = Math.floor((megabytes * 1e6) / (Buffer.byteLength(chunk) + 16));
  await inputFile(big, () => Array.from({ length: parts }, (_, i) => `Part ${i + 1}\n\n${chunk}`).join('\n\n'));
  const texts: { ms: number; longest: number }[] = [];
  for (let i = 0; i < (smoke ? 1 : 3); i++) {
    const page = await freshPage(browser);
    texts.push(await fileChosenTimed(page, big, { button: 'Add articles', accept: '.txt', done: /Added|could not be added/, ok: 'Added' }));
    await page.context().close();
  }
  step(`${megabytes} MB text: ${texts.length} runs`);
  figures[`${megabytes} MB .txt added, ms`] = stats(
    texts.map((r) => r.ms),
    { note: 'file chosen → article stored' },
  );
  figures[`${megabytes} MB .txt added: longest task, ms`] = stats(
    texts.map((r) => r.longest),
    { ...(rate >= 4 ? {} : { budget: 50 }), note: 'while the text is read, normalised, hashed and stored' },
  );
  return figures;
}
