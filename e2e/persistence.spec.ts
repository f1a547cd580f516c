import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';
import { reportPdf } from '../src/testing/documents';
import { addCorpus, addFiles, CORPUS_FILES, highlights, importFiles, markClaim, openArticle, startApp, tempFile } from './helpers';

test('claims survive closing and restarting the browser', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'claimtrail-profile-'));
  try {
    let context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL });
    let page = context.pages()[0] ?? (await context.newPage());
    await startApp(page, 'Restarter');
    await addCorpus(page, CORPUS_FILES);
    await openArticle(page, /After their intervention in Kazakhstan/);
    await markClaim(page, 'quotes the Russian daily Izvestia', 'Sourced');
    await markClaim(page, 'A geopolitical project that would upset regional balances.', 'Opinion');
    const drawn = await highlights(page);
    await context.close();

    context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect(page.locator('body[data-ready]')).toBeAttached();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.locator('.library-item')).toHaveCount(6);
    await expect(page.locator('.library-item').filter({ hasText: 'After their intervention' }).locator('.count')).toHaveText([
      '1 Sourced',
      '0 Disputed',
      '1 Opinion',
    ]);
    await openArticle(page, /After their intervention in Kazakhstan/);
    expect(await highlights(page)).toEqual(drawn);
    await expect(page.locator('.claim-meta').first()).toContainText('Restarter');
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('after one visit the whole app works with no network: it opens, reads a PDF, and shows every view', async ({ page, context }) => {
  await startApp(page, 'Offline');
  // The service worker has kept every file of the app once it controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('body[data-ready]')).toBeAttached();
  // Adding a PDF needs pdf.js and its worker, loaded only now, from the machine.
  await addFiles(page, [tempFile('report.pdf', await reportPdf())]);
  await expect(page.locator('#notices').getByRole('status')).toContainText('Added 1 article');
  await openArticle(page, 'Peacekeepers in Almaty');
  await markClaim(page, 'Peacekeepers left Almaty on 13 January', 'Disputed');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Claims' }).click();
  await expect(page.getByRole('grid', { name: 'Claims' }).getByRole('row').filter({ hasText: 'Peacekeepers left Almaty' })).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.locator('main')).toContainText('Disputed');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a second tab stays in step without a reload', async ({ page, context }) => {
  await startApp(page);
  await addCorpus(page, [CORPUS_FILES[4]]);
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.locator('body[data-ready]')).toBeAttached();
  await openArticle(page, /After their intervention/);
  await openArticle(other, /After their intervention/);

  await markClaim(page, 'quotes the Russian daily Izvestia', 'Disputed');
  await expect(other.locator('mark.claim-disputed')).toHaveText('quotes the Russian daily Izvestia');
  await page.locator('.claim-entry').getByLabel('Label').selectOption('Opinion');
  await expect(other.locator('mark.claim-opinion')).toHaveText('quotes the Russian daily Izvestia');
  await page.locator('.claim-entry').getByRole('button', { name: 'Delete claim' }).click();
  await expect(other.locator('mark.claim')).toHaveCount(0);

  // The library in another tab follows claim counts and new articles.
  await other.getByRole('link', { name: '← Library' }).click();
  await page.locator('.article-text').focus();
  await page.keyboard.press('Control+z');
  await expect(other.locator('.library-item').filter({ hasText: 'After their intervention' }).locator('.count')).toHaveText([
    '0 Sourced',
    '0 Disputed',
    '1 Opinion',
  ]);
  // Agreement figures asked for in the other tab survive its library being redrawn.
  await other.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(other.locator('.library-agreement caption')).toHaveText('All 1 article with claims');
  await page.getByRole('link', { name: '← Library' }).click();
  await addCorpus(page, [CORPUS_FILES[2]]);
  await expect(other.getByRole('link', { name: 'The CSTO is a Tool of Russia to Maintain its Influence' })).toBeVisible();
  await expect(other.locator('.library-agreement caption')).toHaveText('All 1 article with claims');
});

test("an old tab never blocks a newer version's upgrade, and says so", async ({ page, context }) => {
  await startApp(page);
  const newer = await context.newPage();
  await newer.goto('/favicon.svg');
  const outcome = await newer.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('claimtrail', 1000);
        request.onblocked = () => resolve('blocked');
        request.onsuccess = () => {
          request.result.close();
          resolve('upgraded');
        };
        request.onerror = () => resolve(`error: ${request.error?.message}`);
      }),
  );
  expect(outcome).toBe('upgraded');
  await expect(page.getByRole('alert')).toContainText('claimtrail was updated in another tab');
});

test('a storage failure, adding or importing, shows a clear message and keeps what was stored', async ({ page, baseURL }) => {
  // A small quota for this origin, set before the app first opens its database (Chromium
  // binds the quota then): the app and a short article fit, a 500 KB article does not.
  await page.goto('/favicon.svg');
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 200_000 });
  await startApp(page);
  await addCorpus(page, [CORPUS_FILES[4]]);
  const big = `Large article\n${'Words that will not fit. '.repeat(20_000)}`;
  await page.getByRole('button', { name: 'Paste text' }).click();
  await page.getByLabel('Article text').fill(big);
  await page.getByRole('button', { name: 'Add article', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText("Could not add the article: this browser's storage for claimtrail is full. Nothing was changed");
  await page.goto('/');
  await expect(page.locator('.library-item')).toHaveCount(2);
  await expect(page.getByRole('link', { name: /After their intervention/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Large article' })).toHaveCount(0);

  // An import that does not fit fails in the import worker as a whole, says why, and stores nothing.
  const text = `Imported large article\n${'Words that will not fit either. '.repeat(20_000)}`;
  const claim = {
    id: 'big-claim',
    label: 'opinion',
    start: 0,
    end: 8,
    exact: 'Imported',
    prefix: '',
    suffix: text.slice(8, 40),
    sources: [],
    annotator: { id: 'other', name: 'Other' },
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
  const path = join(mkdtempSync(join(tmpdir(), 'claimtrail-')), 'big.json');
  writeFileSync(
    path,
    JSON.stringify({
      format: 'claimtrail',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      generator: 'e2e',
      annotator: claim.annotator,
      articles: [{ id: 'big', title: 'Imported large article', textSha256: createHash('sha256').update(text).digest('hex'), text, claims: [claim] }],
    }),
  );
  await importFiles(page, path);
  await expect(page.getByRole('alert')).toContainText('big.json was not imported:');
  await expect(page.getByRole('alert')).toContainText("Could not import the file: this browser's storage for claimtrail is full. Nothing was changed");
  await page.goto('/');
  await expect(page.locator('.library-item')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Imported large article' })).toHaveCount(0);
});
