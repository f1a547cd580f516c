import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { JsonFile } from '../src/testing/json';
import { annotateElsewhere, CORPUS_FILES, downloadJson, importFiles, openArticle, seriousViolations, startApp, validateExport } from './helpers';

const ARTICLE = /After their intervention in Kazakhstan/;

test('compare two annotators: figures matching the CLI, disagreements that jump to the text, settled by keyboard, adjudicated layer exported and re-imported', async ({
  page,
  browser,
}) => {
  // Two profiles, three imports, an export and a re-import: past 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  const anaFile = await annotateElsewhere(
    browser,
    'Ana',
    CORPUS_FILES[4],
    ARTICLE,
    [
      ['quotes the Russian daily Izvestia', 'Sourced'],
      ['A geopolitical project that would upset regional balances.', 'Opinion'],
      ['Emomali Rakhmon', 'Sourced', 1],
    ],
    test.info().outputPath('ana.json'),
  );

  const beaFile = await annotateElsewhere(
    browser,
    'Bea',
    CORPUS_FILES[4],
    ARTICLE,
    [
      ['the Russian daily Izvestia', 'Sourced'],
      ['A geopolitical project that would upset regional balances.', 'Disputed'],
      ['relays the site Sputnik Tajikistan', 'Sourced'],
    ],
    test.info().outputPath('bea.json'),
  );

  // Cy, the reviewer, imports both files into a third profile.
  await startApp(page, 'Cy');
  await importFiles(page, [anaFile, beaFile]);
  await expect(page.locator('#notices').getByRole('status')).toContainText('ana.json: 3 claims added');
  await expect(page.locator('#notices').getByRole('status')).toContainText('bea.json: 3 claims added');
  await openArticle(page, ARTICLE);
  const layers = page.getByRole('group', { name: 'Layers shown' });
  await expect(layers.getByRole('checkbox', { name: 'Ana — 3 claims' })).toBeChecked();
  await expect(layers.getByRole('checkbox', { name: 'Bea — 3 claims' })).toBeChecked();
  await page.getByRole('button', { name: 'Compare annotators' }).click();
  const compare = page.getByRole('region', { name: 'Comparison of annotators' });
  await expect(compare).toContainText('Claims are paired one to one: identical spans first, then overlapping spans');

  // The same figures as `claimtrail agree` on the two files.
  const cli = JSON.parse(execFileSync('node', ['bin/claimtrail.mjs', 'agree', '--json', anaFile, beaFile], { encoding: 'utf8' }));
  const pair = cli.articles[0].pairs[0];
  const fmt = (f: { value: number | null }) => (f.value === null ? 'n/a' : f.value.toFixed(3));
  const row = compare.locator('.figures tbody tr').first();
  await expect(row.locator('th')).toHaveText(`${pair.first.name} × ${pair.second.name}`);
  await expect(row.locator('td')).toHaveText([
    `${fmt(pair.exact.precision)} / ${fmt(pair.exact.recall)} / ${fmt(pair.exact.f1)}`,
    `${fmt(pair.overlap.precision)} / ${fmt(pair.overlap.recall)} / ${fmt(pair.overlap.f1)}`,
    fmt(pair.observed),
    fmt(pair.kappa),
  ]);
  await expect(compare.locator('[data-figure="alpha"]')).toHaveText(fmt(cli.articles[0].alpha));
  await expect(compare.locator('[data-figure="alpha-u"]')).toHaveText(fmt(cli.articles[0].alphaU));
  expect(cli.articles[0].alphaU.value).toBeGreaterThan(0);
  expect(fmt(pair.observed)).toBe('0.500');

  // Izvestia agrees, the geopolitical sentence differs, and each made one claim the other did not.
  await expect(compare.getByRole('heading', { name: 'Disagreements: 3 of 4' })).toBeVisible();
  await expect(compare.locator('.disagreement .kind')).toHaveText(['label differs', /only (Ana|Bea)/, /only (Ana|Bea)/]);
  await expect(compare.locator('table.confusion')).toBeVisible();

  // A disagreement jumps to its words in the text.
  await compare.locator('.disagreement').first().getByRole('button').first().click();
  await expect(page.locator('mark.claim.is-selected').first()).toHaveText('A geopolitical project that would upset regional balances.');
  await expect(page.locator('mark.claim.is-selected').first()).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('compare.png'), fullPage: true });
  expect(await seriousViolations(page, '.claim-panel')).toEqual([]);

  // Settle every disagreement with the keyboard alone.
  await expect(compare.getByRole('status')).toHaveText('0 of 3 disagreements settled');
  const firstName = await compare.locator('#compare-first option:checked').textContent();
  const items = compare.locator('.disagreement');
  await items.first().focus();
  await page.keyboard.press('1');
  await expect(items.first()).toContainText('Settled: relabelled as Sourced, by Cy.');
  await page.keyboard.press('j');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('r');
  await expect(items.nth(1)).toContainText('Settled: rejected both');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('c');
  await expect(items.nth(2).getByLabel('Comment')).toBeFocused();
  await page.keyboard.type('Named in the text');
  await page.keyboard.press('Shift+Tab');
  await items.nth(2).focus();
  const only = await items.nth(2).locator('.kind').textContent();
  await page.keyboard.press(only === `only ${firstName}` ? 'a' : 'b');
  await expect(items.nth(2)).toContainText('— “Named in the text”');
  await expect(compare.getByRole('status')).toHaveText('3 of 3 disagreements settled');

  // The adjudicated layer: valid, with a review on every claim, and importable.
  const download = page.waitForEvent('download');
  await compare.getByRole('button', { name: 'Export adjudicated layer' }).click();
  const adjudicated = await downloadJson(await download);
  expect(validateExport(adjudicated)).toEqual([]);
  expect(adjudicated.annotator.name).toBe('review by Cy');
  const reviewed = adjudicated.articles[0].claims;
  expect(reviewed.map((c: JsonFile) => c.review.status).sort()).toEqual(['accepted', 'accepted', 'rejected', 'relabelled']);
  expect(reviewed.find((c: JsonFile) => c.review.status === 'relabelled')).toMatchObject({
    label: 'sourced',
    exact: 'A geopolitical project that would upset regional balances.',
  });
  expect(reviewed.every((c: JsonFile) => c.annotator.name === 'review by Cy' && c.review.by.name === 'Cy')).toBe(true);
  const adjudicatedFile = test.info().outputPath('adjudicated.json');
  writeFileSync(adjudicatedFile, JSON.stringify(adjudicated));
  const fresh = await (await browser.newContext()).newPage();
  await startApp(fresh, 'Dee');
  await importFiles(fresh, adjudicatedFile);
  await expect(fresh.getByRole('status')).toContainText('4 claims added');
  await openArticle(fresh, ARTICLE);
  await expect(fresh.locator('.claim-meta', { hasText: 'review by Cy (read-only)' })).toHaveCount(4);
  await fresh.context().close();

  // Decisions are stored: after a reload they are all still there, and one can be changed.
  await page.reload();
  await page.getByRole('button', { name: 'Compare annotators' }).click();
  await expect(compare.getByRole('status')).toHaveText('3 of 3 disagreements settled');
  await compare.locator('.disagreement').nth(1).getByRole('combobox', { name: 'Set another label' }).selectOption('Opinion');
  await expect(compare.locator('.disagreement').nth(1)).toContainText('Settled: relabelled as Opinion');

  // Over the whole library, the same overall figures as the CLI.
  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  const overall = page.locator('.library-agreement .figures').first();
  await expect(overall.locator('caption')).toHaveText('All 1 article with claims');
  await expect(page.getByRole('list', { name: 'Review progress' })).toContainText(
    'After their intervention in Kazakhstan, other projects for the “blue helmets” of the CSTO: 3 of 3 disagreements settled',
  );
  await expect(overall.locator('tbody tr td').nth(3)).toHaveText(fmt(cli.overall.pairs[0].kappa));
});
