import { expect, test } from '@playwright/test';
import type { JsonFile } from '../src/testing/json';
import {
  addCorpus,
  annotateElsewhere,
  CORPUS_FILES,
  downloadJson,
  exportFile,
  highlights,
  importFiles,
  markClaim,
  openArticle,
  panelClaims,
  seriousViolations,
  startApp,
  validateExport,
} from './helpers';

const ARTICLE = /After their intervention in Kazakhstan/;

test("another annotator's import is a separate, read-only layer that can be shown, hidden and filtered", async ({ page, browser }) => {
  const path = await annotateElsewhere(
    browser,
    'Ana',
    CORPUS_FILES[4],
    ARTICLE,
    [
      ['quotes the Russian daily Izvestia', 'Sourced'],
      ['A geopolitical project that would upset regional balances.', 'Opinion'],
    ],
    test.info().outputPath('ana.json'),
  );

  // Bea marks the same article, then imports Ana's file.
  await startApp(page, 'Bea');
  await addCorpus(page, [CORPUS_FILES[4]]);
  await openArticle(page, ARTICLE);
  await markClaim(page, 'quotes the Russian daily Izvestia', 'Disputed');
  await importFiles(page, path);
  await expect(page.locator('#notices').getByRole('status')).toContainText('2 claims added');
  await expect(page.locator('.claim-entry')).toHaveCount(3);

  // Both layers are listed and drawn; the same words carry both annotators' claims.
  const layers = page.getByRole('group', { name: 'Layers shown' });
  await expect(layers.getByRole('checkbox', { name: 'Bea (you) — 1 claim' })).toBeChecked();
  await expect(layers.getByRole('checkbox', { name: 'Ana — 2 claims' })).toBeChecked();
  expect((await highlights(page)).map((h) => h.label).sort()).toEqual(['disputed', 'opinion', 'sourced']);
  const markerColours = await page
    .locator('mark.claim[data-claim-id]')
    .evaluateAll((marks) => new Set(marks.map((m) => getComputedStyle(m).getPropertyValue('--layer'))).size);
  expect(markerColours).toBe(2);

  // Hide Ana's layer: gone from the text and the panel; show it again.
  await layers.getByRole('checkbox', { name: 'Ana — 2 claims' }).uncheck();
  expect(await highlights(page)).toEqual([{ label: 'disputed', text: 'quotes the Russian daily Izvestia' }]);
  expect(await panelClaims(page)).toEqual([{ label: 'Disputed', quote: 'quotes the Russian daily Izvestia' }]);
  await expect(page.getByRole('heading', { name: 'Claims (1 of 3)' })).toBeVisible();
  await layers.getByRole('checkbox', { name: 'Ana — 2 claims' }).check();
  await expect(page.locator('.claim-entry')).toHaveCount(3);

  // Filter the panel by annotator and by label.
  await page.getByLabel('Annotator', { exact: true }).selectOption({ label: 'Ana' });
  expect((await panelClaims(page)).map((c) => c.label)).toEqual(['Opinion', 'Sourced']);
  await page.getByLabel('Label', { exact: true }).first().selectOption({ label: 'Opinion' });
  expect(await panelClaims(page)).toEqual([{ label: 'Opinion', quote: 'A geopolitical project that would upset regional balances.' }]);
  await page.getByLabel('Annotator', { exact: true }).selectOption({ label: 'All annotators' });
  await page.getByLabel('Label', { exact: true }).first().selectOption({ label: 'All labels' });

  // Ana's claims are read-only for Bea: selecting one opens no editor.
  await page.locator('.claim-entry', { hasText: 'Ana (read-only)' }).first().getByRole('button').first().click();
  await expect(page.locator('.claim-entry.is-selected')).toContainText('Ana (read-only)');
  await expect(page.locator('.claim-entry.is-selected').getByRole('button', { name: 'Delete claim' })).toHaveCount(0);

  // "I agree" copies it into Bea's own layer, where she can edit it; Ctrl+Z takes the copy back.
  await page.locator('.claim-entry.is-selected').getByRole('button', { name: 'I agree: copy to my claims' }).click();
  await expect(layers.getByRole('checkbox', { name: 'Bea (you) — 2 claims' })).toBeVisible();
  await expect(page.locator('.claim-entry.is-selected')).toContainText('Bea ·');
  await expect(page.locator('.claim-entry.is-selected').getByRole('button', { name: 'Delete claim' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(layers.getByRole('checkbox', { name: 'Bea (you) — 1 claim' })).toBeVisible();

  // Bea comments on Ana's claim: shown under it, kept after a reload, and exported with it.
  const anas = page.locator('.claim-entry', { hasText: 'Ana (read-only)' }).filter({ hasText: 'Izvestia' });
  await anas.getByRole('button').first().click();
  await anas.getByLabel('Comment on this claim').fill('Which issue of Izvestia? <b>Date</b> please.');
  await anas.getByRole('button', { name: 'Add comment' }).click();
  await expect(anas.getByRole('list', { name: 'Comments' })).toHaveText('Bea: Which issue of Izvestia? <b>Date</b> please.');
  await page.reload();
  await expect(page.locator('.claim-entry', { hasText: 'Ana (read-only)' }).filter({ hasText: 'Izvestia' }).getByRole('list', { name: 'Comments' })).toHaveText(
    'Bea: Which issue of Izvestia? <b>Date</b> please.',
  );
  const exported = await downloadJson(await exportFile(page));
  expect(validateExport(exported)).toEqual([]);
  const commented = exported.articles[0].claims.find((c: JsonFile) => c.annotator.name === 'Ana' && c.exact.includes('Izvestia'));
  expect(commented.comments).toEqual([
    { id: expect.any(String), by: { id: expect.any(String), name: 'Bea' }, at: expect.any(String), text: 'Which issue of Izvestia? <b>Date</b> please.' },
  ]);
  await page.screenshot({ path: test.info().outputPath('layers.png') });
  expect(await seriousViolations(page)).toEqual([]);
});
