import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { importFiles, openArticle, panelClaims, startApp } from './helpers';

/** An export of one article of `lines` lines with a claim on each line's "Line N:". */
function longArticleFile(lines: number): string {
  const text = Array.from({ length: lines }, (_, i) => `Line ${i}: the council said the border crossing would stay open.`).join('\n');
  let at = 0;
  const claims = Array.from({ length: lines }, (_, i) => {
    const start = at;
    at += `Line ${i}: the council said the border crossing would stay open.\n`.length;
    const exact = `Line ${i}:`;
    return {
      id: `claim-${i}`,
      label: 'sourced',
      start,
      end: start + exact.length,
      exact,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + exact.length, start + exact.length + 32),
      sources: [],
      annotator: { id: 'bulk', name: 'Bulk annotator' },
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    };
  });
  const path = join(mkdtempSync(join(tmpdir(), 'claimtrail-')), 'long.json');
  writeFileSync(
    path,
    JSON.stringify({
      format: 'claimtrail',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      generator: 'e2e',
      annotator: { id: 'bulk', name: 'Bulk annotator' },
      articles: [{ id: 'long-article', title: 'Long article', textSha256: createHash('sha256').update(text).digest('hex'), text, claims }],
    }),
  );
  return path;
}

test('a long claim list is built in pages: a claim chosen far down is listed at once, and earlier and later claims follow as asked', async ({ page }) => {
  await startApp(page);
  await importFiles(page, longArticleFile(600));
  await expect(page.locator('#notices').getByRole('status')).toContainText('600 claims added');
  await openArticle(page, 'Long article');

  const quotes = async () => (await panelClaims(page)).map((c) => c.quote);
  await expect(page.getByRole('heading', { name: 'Claims (600)' })).toBeVisible();
  expect(await quotes()).toEqual(Array.from({ length: 200 }, (_, i) => `Line ${i}:`));
  await expect(page.getByRole('button', { name: 'Show 200 more of 400 claims' })).toBeAttached();

  // Selecting a claim rebuilds only its entry and the one selected before: the others are the same elements.
  await page
    .locator('.claim-entry')
    .nth(5)
    .evaluate((entry) => entry.setAttribute('data-kept', 'yes'));
  await page.locator('mark.claim', { hasText: 'Line 2:' }).click();
  await expect(page.locator('.claim-entry.is-selected q')).toHaveText('Line 2:');
  await page.locator('mark.claim', { hasText: 'Line 3:' }).click();
  await expect(page.locator('.claim-entry.is-selected q')).toHaveText('Line 3:');
  await expect(page.locator('.claim-entry[data-kept]')).toHaveCount(1);

  // Choosing a claim far down the text lists it straight away, with a few before it.
  await page.locator('mark.claim', { hasText: 'Line 500:' }).click();
  const selected = page.locator('.claim-entry.is-selected');
  await expect(selected.locator('q')).toHaveText('Line 500:');
  await expect(selected).toBeInViewport();
  expect(await quotes()).toEqual(Array.from({ length: 50 }, (_, i) => `Line ${490 + i}:`));

  // Scrolling the panel to its top brings back one page of earlier claims, in text order; the
  // entries on screen stay where they were, so no second page follows by itself.
  await page.locator('.claim-panel').evaluate((panel) => panel.scrollTo(0, 0));
  await expect.poll(async () => (await quotes())[0]).toBe('Line 290:');
  await page.waitForTimeout(500);
  expect(await quotes()).toEqual(Array.from({ length: 250 }, (_, i) => `Line ${290 + i}:`));
  await expect(selected.locator('q')).toHaveText('Line 500:');
  // The button does the same from the keyboard, a page per press, down to the first claim.
  const earlier = page.getByRole('button', { name: /earlier of/ });
  await expect(earlier).toHaveText('Show 200 earlier of 290 claims');
  await earlier.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await quotes())[0]).toBe('Line 90:');
  await expect(earlier).toHaveText('Show 90 earlier of 90 claims');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await quotes())[0]).toBe('Line 0:');
  await expect(earlier).toBeHidden();

  // Scrolling the panel to its end builds the rest.
  await page.locator('.claim-panel').evaluate((panel) => panel.scrollTo(0, panel.scrollHeight));
  await expect.poll(async () => (await quotes()).at(-1), { timeout: 10_000 }).toBe('Line 599:');
});
