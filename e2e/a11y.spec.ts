import { expect, test } from '@playwright/test';
import { addCorpus, CORPUS_FILES, markClaim, openArticle, seriousViolations, startApp } from './helpers';

test('no serious or critical axe violations on the library, the article with claims, and the claim panel', async ({ page }) => {
  await startApp(page);
  await addCorpus(page, CORPUS_FILES);
  expect(await seriousViolations(page)).toEqual([]);

  await openArticle(page, /After their intervention in Kazakhstan/);
  await markClaim(page, 'quotes the Russian daily Izvestia', 'Sourced');
  await markClaim(page, '“security belt”', 'Disputed');
  await markClaim(page, 'A geopolitical project that would upset regional balances.', 'Opinion');
  // The selected claim's editor is open in the panel.
  await expect(page.locator('.claim-editor')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await seriousViolations(page, '.claim-panel')).toEqual([]);

  // With the label toolbar showing over a selection.
  await page.locator('.article-text').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+End');
  await expect(page.getByRole('toolbar', { name: 'Label the selected claim' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
