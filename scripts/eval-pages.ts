/**
 * npm run eval:pages [DIR]: runs the app's article extraction (src/files/html.ts, with
 * Readability) in Chromium on every DIR/NAME/source.html and scores it against
 * DIR/NAME/expected.html with the article-extraction benchmark's metric (core/extraction-score),
 * printing precision, recall and F1 per page and overall, and how many of title, byline, outlet
 * and date match DIR/NAME/expected-metadata.json. DIR defaults to ../shared/pages (or CLAIMTRAIL_PAGES).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { pageScript } from '../bench/page-script';
import { overallScore, pageScore, type PageScore } from '../src/core/extraction-score';
import type { ExtractedPage } from '../src/files/html';
import { chromiumLaunchOptions } from '../e2e/browser';
import { PAGES_DIR } from '../src/testing/corpus';

interface Expected {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

type EvalWindow = { evalPages: { extractHtml(html: string): Promise<ExtractedPage>; htmlText(html: string): string } };

const same = (a: string | undefined, b: string | null | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
const sameTime = (a: string | undefined, b: string | null | undefined) => !!a && !!b && Date.parse(a) === Date.parse(b);
const pct = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const dir = process.argv[2] ?? PAGES_DIR;
  const names = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'source.html')))
    .sort();
  if (!names.length) throw new Error(`no */source.html under ${dir}`);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>claimtrail eval:pages</title>');
  await page.addScriptTag({ content: await pageScript('scripts/eval-page.ts') });
  const scores: PageScore[] = [];
  /** Per field: how many pages match, of those whose expected metadata has it. */
  const fields = { title: { ok: 0, of: 0 }, byline: { ok: 0, of: 0 }, outlet: { ok: 0, of: 0 }, date: { ok: 0, of: 0 } };
  const count = (field: keyof typeof fields, expected: string | null | undefined, ok: boolean) => {
    if (!expected) return;
    fields[field].of++;
    if (ok) fields[field].ok++;
  };
  console.log('| page | precision | recall | F1 | title |\n|---|---:|---:|---:|---|');
  for (const name of names) {
    const source = readFileSync(join(dir, name, 'source.html'), 'utf8');
    const expectedHtml = readFileSync(join(dir, name, 'expected.html'), 'utf8');
    const metaPath = join(dir, name, 'expected-metadata.json');
    const expected = (existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : {}) as Expected;
    const [got, want] = await page.evaluate(
      async ([s, e]) => {
        const api = (window as never as EvalWindow).evalPages;
        return [await api.extractHtml(s), api.htmlText(e)] as const;
      },
      [source, expectedHtml] as const,
    );
    const score = pageScore(got.text, want);
    scores.push(score);
    const f1 = score.precision + score.recall ? (2 * score.precision * score.recall) / (score.precision + score.recall) : 0;
    const titleOk = same(got.meta.title, expected.title);
    count('title', expected.title, titleOk);
    count('byline', expected.byline, same(got.meta.author, expected.byline));
    count('outlet', expected.siteName, same(got.meta.outlet, expected.siteName));
    count('date', expected.publishedTime, sameTime(got.meta.published, expected.publishedTime));
    console.log(`| ${name} | ${pct(score.precision)} | ${pct(score.recall)} | ${pct(f1)} | ${titleOk ? 'matches' : `“${got.meta.title ?? ''}”`} |`);
  }
  const all = overallScore(scores);
  console.log(`| **all ${names.length} pages** | ${pct(all.precision)} | ${pct(all.recall)} | ${pct(all.f1)} | |`);
  console.log(
    `\nMetadata matching expected-metadata.json: ${Object.entries(fields)
      .map(([field, { ok, of }]) => `${field} ${ok} of ${of}`)
      .join(', ')}.`,
  );
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
