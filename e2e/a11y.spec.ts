import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addCorpus, CORPUS_FILES, markClaim, openArticle, startApp } from './helpers';

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

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
