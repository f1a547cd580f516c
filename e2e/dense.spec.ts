/**
 * A dense article (thousands of claims, several on every line, overlapping) draws only the claims
 * near the viewport, and keeps every behaviour of a sparse one: scrolled anywhere, its claims are
 * there; a claim chosen in the panel far away is drawn, selected and shown; a click on a highlight
 * selects its entry; new claims are drawn as they are made.
 */
import { expect, test } from '@playwright/test';
import { article, exportFileOf } from '../bench/inputs';
import { clickClaim, drawnClaims, importFiles, openArticle, selectWithMouse, startApp, tempFile } from './helpers';

const CLAIMS = 8_000;

test('a dense article draws the claims near the viewport, and every claim is there where you look', async ({ page }) => {
  test.setTimeout(90_000);
  const text = article(300_000, 31);
  const json = await exportFileOf(text, CLAIMS, 32, 'A dense report');
  const claims = JSON.parse(json).articles[0].claims as { id: string; start: number; end: number; exact: string }[];
  // Claims are told apart in the page by their text: the last one with words of its own, and the
  // innermost claim at its first character, so a click there is a click on it.
  const alone = (c: (typeof claims)[number]) =>
    text.indexOf(c.exact) === text.lastIndexOf(c.exact) &&
    !claims.some((o) => o !== c && o.start <= c.start && o.end > c.start && o.end - o.start <= c.end - c.start);
  const last = [...claims].sort((a, b) => b.start - a.start).find(alone)!;
  await startApp(page);
  await importFiles(page, tempFile('dense.json', json));
  await expect(page.locator('#notices').getByRole('status')).toContainText('Imported');
  await openArticle(page, 'A dense report');
  await expect(page.locator('.claim-entry').first()).toBeVisible();

  const drawn = async () => (await drawnClaims(page)).length;
  await expect.poll(drawn).toBeGreaterThan(0);
  expect(await drawn()).toBeLessThan(CLAIMS / 4);
  const lastDrawn = async () => (await drawnClaims(page)).find((d) => d.text === last.exact);
  expect(await lastDrawn()).toBeUndefined();

  // Scrolled to the end, the last claims are drawn; a click on the last one selects its entry.
  // (A long text is drawn in steps after it opens: its end may still be coming.)
  await expect(async () => {
    await page.evaluate(() => scrollTo(0, document.scrollingElement!.scrollHeight));
    await expect.poll(async () => (await lastDrawn())?.box?.y ?? -1, { timeout: 1_000 }).toBeGreaterThan(0);
  }).toPass();
  await clickClaim(page, last.exact, { at: { x: 2, y: 4 } });
  const lastEntry = page.locator(`.claim-entry[data-claim-id="${last.id}"]`);
  await expect(lastEntry).toHaveClass(/is-selected/);

  // Back at the top, that claim chosen in the panel is drawn, selected and shown again.
  await page.evaluate(() => scrollTo(0, 0));
  await expect(page.locator(`.article-text mark[data-claim-id="${last.id}"]`)).toHaveCount(0);
  await lastEntry.locator('.claim-select').click();
  await expect(page.locator(`.article-text mark.is-selected[data-claim-id="${last.id}"]`).first()).toBeInViewport();
  await page.evaluate(() => scrollTo(0, 0));

  // A click on a highlight in the middle of the screen selects its entry (once the claims there
  // are drawn: the window follows the scroll a frame later).
  const middle = async () =>
    (await drawnClaims(page))
      .filter((d) => !d.selected && d.box && d.box.y > 300 && d.box.y < 600)
      .map((d) => claims.find((c) => c.exact === d.text))
      .find((c) => c && alone(c));
  await expect.poll(async () => (await middle()) !== undefined).toBe(true);
  const target = (await middle())!;
  await clickClaim(page, target.exact, { at: { x: 2, y: 4 } });
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
