/**
 * A dense article (thousands of claims, several on every line, overlapping) draws only the claims
 * near the viewport, and keeps every behaviour of a sparse one: scrolled anywhere, its claims are
 * there; a claim chosen in the panel far away is drawn, selected and shown; a click on a highlight
 * selects its entry; new claims are drawn as they are made.
 */
import { expect, test } from '@playwright/test';
import { article, exportFileOf } from '../bench/inputs';
import { importFiles, openArticle, selectWithMouse, startApp, tempFile } from './helpers';

const CLAIMS = 8_000;

test('a dense article draws the claims near the viewport, and every claim is there where you look', async ({ page }) => {
  test.setTimeout(90_000);
  const text = article(300_000, 31);
  const json = await exportFileOf(text, CLAIMS, 32, 'A dense report');
  const claims = JSON.parse(json).articles[0].claims as { id: string; start: number; exact: string }[];
  const last = claims.reduce((a, b) => (b.start > a.start ? b : a));
  await startApp(page);
  await importFiles(page, tempFile('dense.json', json));
  await expect(page.locator('#notices').getByRole('status')).toContainText('Imported');
  await openArticle(page, 'A dense report');
  await expect(page.locator('.claim-entry').first()).toBeVisible();

  const drawnIds = () =>
    page
      .locator('.article-text')
      .evaluate((root) => new Set([...root.querySelectorAll('mark[data-claim-id]')].map((m) => m.getAttribute('data-claim-id'))).size);
  await expect.poll(drawnIds).toBeGreaterThan(0);
  expect(await drawnIds()).toBeLessThan(CLAIMS / 4);
  const lastMark = page.locator(`.article-text mark[data-claim-id="${last.id}"]`);
  await expect(lastMark).toHaveCount(0);

  // Scrolled to the end, the last claims are drawn; a click on the last one selects its entry.
  // (A long text is drawn in steps after it opens: its end may still be coming.)
  await expect(async () => {
    await page.evaluate(() => scrollTo(0, document.scrollingElement!.scrollHeight));
    await expect(lastMark.first()).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const innermost = page.locator(`.article-text mark[data-claim-id="${last.id}"]:not(:has(mark))`).last();
  await innermost.click({ position: { x: 2, y: 4 } });
  const lastEntry = page.locator(`.claim-entry[data-claim-id="${last.id}"]`);
  await expect(lastEntry).toHaveClass(/is-selected/);

  // Back at the top, that claim chosen in the panel is drawn, selected and shown again.
  await page.evaluate(() => scrollTo(0, 0));
  await expect(lastMark).toHaveCount(0);
  await lastEntry.locator('.claim-select').click();
  await expect(page.locator(`.article-text mark.is-selected[data-claim-id="${last.id}"]`).first()).toBeInViewport();
  await page.evaluate(() => scrollTo(0, 0));

  // A click on a highlight in the middle of the screen selects its entry (once the claims there
  // are drawn: the window follows the scroll a frame later).
  const found = await page.waitForFunction(() => {
    const marks = [...document.querySelectorAll('.article-text mark.claim:not(:has(mark)):not(.is-selected)')];
    const mark = marks.find((m) => m.getBoundingClientRect().top > innerHeight / 3 && m.getBoundingClientRect().bottom < innerHeight);
    const box = mark?.getClientRects()[0];
    return mark && box ? { id: mark.getAttribute('data-claim-id'), x: box.left + Math.min(3, box.width / 2), y: box.top + box.height / 2 } : null;
  });
  const target = (await found.jsonValue())!;
  await page.mouse.click(target.x, target.y);
  await expect(page.locator(`.claim-entry[data-claim-id="${target.id}"]`)).toHaveClass(/is-selected/);
  await expect(page.locator(`.article-text mark.is-selected[data-claim-id="${target.id}"]`).first()).toBeVisible();

  // A new claim is drawn at once, and stays drawn after scrolling away and back.
  const words = text.slice(0, text.indexOf(' ', text.indexOf(' ', text.indexOf(' ') + 1) + 1));
  await page.evaluate(() => scrollTo(0, 0));
  await selectWithMouse(page, words);
  await page.getByRole('toolbar', { name: 'Label the selected claim' }).getByRole('button', { name: 'Opinion', exact: true }).click();
  const made = page.locator('.article-text mark.claim-opinion[title^="Opinion claim by Ana"]');
  await expect(made.first()).toBeVisible();
  await page.evaluate(() => scrollTo(0, document.scrollingElement!.scrollHeight));
  await expect(made).toHaveCount(0);
  await page.evaluate(() => scrollTo(0, 0));
  await expect(made.first()).toBeVisible();
});
