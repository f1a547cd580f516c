import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';
import { article, exportFileOf } from './inputs';
const cases = [[1_000_000, 2000], [5_000_000, 20000]] as const;
for (const [size, n] of cases) writeFileSync(`/tmp/bench-${size}-${n}.json`, await exportFileOf(article(size, size), n, 3, `Generated ${size} / ${n}`));
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
await page.goto('http://localhost:4179/');
await page.getByLabel('Your name, shown on the claims you make').fill('Bench');
await page.getByRole('button', { name: 'Start' }).click();
await page.waitForSelector('body[data-ready]');
for (const [size, n] of cases) {
  const t0 = Date.now();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import annotations' }).click();
  await (await chooser).setFiles(`/tmp/bench-${size}-${n}.json`);
  await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 120000 });
  console.log('import', size, n, Date.now() - t0, 'ms');
  const t1 = Date.now();
  await page.getByRole('link', { name: `Generated ${size} / ${n}` }).click();
  await page.waitForSelector('mark.claim');
  console.log('open', size, n, Date.now() - t1, 'ms');
  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
}
await browser.close();
