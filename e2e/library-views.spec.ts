import { expect, test, type Page } from '@playwright/test';
import { libraryFileOf } from '../bench/inputs';
import { addCorpus, CORPUS_FILES, markClaim, openArticle, seriousViolations, startApp, tempFile, importFiles } from './helpers';

/** The text selected on the page now. */
const selected = (page: Page) => page.evaluate(() => getSelection()?.toString() ?? '');

async function search(page: Page, words: string): Promise<void> {
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.insertText(words);
  await expect(page.getByRole('region', { name: 'Search results' })).toBeVisible();
}

const results = (page: Page) => page.getByRole('region', { name: 'Search results' });

test('search finds words in every script and spelling, and opens them selected', async ({ page }) => {
  await startApp(page);
  await addCorpus(page, CORPUS_FILES);

  // Arabic without its diacritics finds the word with them, and selects it as written.
  await search(page, 'النبوءة');
  await expect(results(page).locator('mark').first()).toHaveText('النَّبُوءَةُ');
  await results(page).locator('a.search-hit').first().click();
  await expect(page.locator('.article-text')).toBeVisible();
  await expect.poll(() => selected(page)).toBe('النَّبُوءَةُ');

  // Case and accents do not matter; the words selected are the words matched.
  await search(page, 'REGIMES ');
  await expect(results(page).locator('mark').first()).toHaveText('régimes');
  await results(page).locator('a.search-hit').first().click();
  await expect.poll(() => selected(page)).toBe('régimes');

  await search(page, 'tadjikistan ');
  await expect(results(page).locator('mark').first()).toHaveText('Tadjikistan');

  // A spelling found only in two of the five articles (the repost pair), as a prefix while typing.
  await search(page, 'tadjik');
  await expect(results(page).locator('.search-group')).toHaveCount(2);
  await expect(results(page).locator('mark').first()).toHaveText('Tadjikistan');

  // Quoted phrases: the whole phrase is marked.
  await page.getByRole('searchbox', { name: 'Search' }).fill('"security belt"');
  await expect(results(page).locator('mark').first()).toHaveText('security belt');

  // Escape closes the results; arrows walk them.
  await page.getByRole('searchbox', { name: 'Search' }).fill('kazakhstan');
  await expect(results(page).locator('mark').first()).toHaveText(/kazakhstan/i);
  await page.keyboard.press('ArrowDown');
  await expect(results(page).locator('a').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(results(page)).toBeHidden();

  // Claims are searched by label, notes and annotator; filters alone list claims.
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await openArticle(page, /After their intervention in Kazakhstan/);
  await markClaim(page, 'quotes the Russian daily Izvestia', 'Disputed');
  await markClaim(page, 'A geopolitical project that would upset regional balances.', 'Opinion');
  await page.getByRole('searchbox', { name: 'Search' }).fill('label:disputed');
  await expect(results(page).locator('a.search-claim')).toHaveCount(1);
  await expect(results(page).locator('a.search-claim')).toContainText('quotes the Russian daily Izvestia');
  await page.getByRole('searchbox', { name: 'Search' }).fill('label:opinion by:ana geopolitical');
  await expect(results(page).locator('a.search-claim mark')).toHaveText('geopolitical');
  await page.getByRole('searchbox', { name: 'Search' }).fill('label:disputed has:source');
  await expect(results(page)).toContainText('Nothing found.');
  await page.getByRole('searchbox', { name: 'Search' }).fill('label:maybe');
  await expect(results(page)).toContainText('label: takes sourced, disputed, opinion');

  // A pasted article is searchable at once: the index follows every change.
  await page.goto('/#/');
  await page.getByRole('button', { name: 'Paste text' }).click();
  await page.getByLabel('Article text').fill('Un café à Douchanbé\n\nLe café est fermé depuis lundi.');
  await page.getByRole('button', { name: 'Add article', exact: true }).click();
  await expect(page.locator('.article-text')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill('cafe douchanbe ');
  await expect(results(page).locator('.search-group')).toHaveCount(1);
  await expect(results(page).locator('mark').first()).toHaveText('café');
  expect(await seriousViolations(page, '.search-box')).toEqual([]);
});

test('the Claims view lists, filters, sorts, opens, relabels and exports every claim', async ({ page }) => {
  await startApp(page);
  await importFiles(page, tempFile('generated.json', await libraryFileOf(30, 4000, 40, 7)));
  await expect(page.locator('#notices').getByRole('status')).toContainText('1200 claims added');
  await addCorpus(page, [CORPUS_FILES[4]]);
  // 31 articles: only those in view are drawn, so sort the one wanted to the top.
  await page.getByLabel('Sort by').selectOption('title');
  await openArticle(page, /After their intervention in Kazakhstan/);
  await markClaim(page, 'quotes the Russian daily Izvestia', 'Disputed');
  await markClaim(page, 'A geopolitical project that would upset regional balances.', 'Opinion');

  await page.getByRole('link', { name: 'Claims', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Claims' });
  await expect(page.locator('.claims-count')).toHaveText('1,202 claims');
  // Only the rows in view are drawn.
  expect(await grid.locator('tbody tr[data-index]').count()).toBeLessThan(80);

  const filter = page.getByRole('searchbox', { name: 'Filter claims' });
  await filter.fill('by:ana');
  await expect(page.locator('.claims-count')).toHaveText('2 claims');
  await filter.fill('by:ana label:opinion "regional balances"');
  await expect(grid.locator('tbody tr[data-index]')).toHaveCount(1);
  await expect(grid.locator('tbody tr[data-index] .col-exact')).toHaveText('A geopolitical project that would upset regional balances.');

  // Sorting by a column, both ways.
  await filter.fill('');
  await expect(page.locator('.claims-count')).toHaveText('1,202 claims');
  await grid.getByRole('button', { name: 'Annotator' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Annotator' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.locator('tbody tr[data-index]').first().locator('.col-annotator')).toHaveText('Ana');
  await grid.getByRole('button', { name: 'Annotator' }).click();
  await expect(grid.locator('tbody tr[data-index]').first().locator('.col-annotator')).toHaveText('Bench');

  // Scrolling draws later rows; End reaches the last one.
  await grid.focus();
  await page.keyboard.press('End');
  await expect(grid.locator('tr.active')).toHaveAttribute('aria-rowindex', '1203');

  // Relabel your own claims with 1/2/3; others' claims are left alone.
  await filter.fill('by:ana');
  await expect(grid.locator('tbody tr[data-index]')).toHaveCount(2);
  await grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('1');
  await expect(page.locator('#notices').getByRole('status')).toContainText('Relabelled 1 claim Sourced');
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Claims' }).locator('tbody tr[data-index] .col-label').first()).toHaveText('Sourced');

  // Space selects; the selection exports in any format.
  await page.getByRole('searchbox', { name: 'Filter claims' }).fill('by:ana');
  await expect(grid.locator('tbody tr[data-index]')).toHaveCount(2);
  await grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Export 1 selected…' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export 1 selected…' }).click();
  await page.getByLabel('Format').selectOption('csv');
  await page.getByRole('button', { name: 'Export', exact: true }).last().click();
  const csv = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(csv, 'utf8').trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);

  // Enter opens the claim in its article with its words selected.
  await grid.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.article-text')).toBeVisible();
  expect(['quotes the Russian daily Izvestia', 'A geopolitical project that would upset regional balances.']).toContain(await selected(page));
  await page.goBack();
  await expect(page.getByRole('grid', { name: 'Claims' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the review queue walks through another annotator’s claims and its decisions survive a reload', async ({ page }) => {
  await startApp(page);
  await importFiles(page, tempFile('generated.json', await libraryFileOf(2, 3000, 5, 11)));
  await expect(page.locator('#notices').getByRole('status')).toContainText('10 claims added');
  await page.getByRole('link', { name: 'To review' }).click();
  const progress = page.locator('.queue-progress');
  await expect(progress).toHaveText('0 of 10 reviewed');
  await expect(page.locator('.queue-position')).toContainText('Claim 1 of 10');

  const quote = () => page.locator('.queue-quote mark').textContent();
  const first = await quote();
  await page.keyboard.press('a');
  await expect(progress).toHaveText('1 of 10 reviewed');
  await expect(page.locator('.queue-position')).toContainText('Claim 2 of 10');
  await page.keyboard.press('s');
  await expect(page.locator('.queue-position')).toContainText('Claim 3 of 10');
  const third = await page.locator('.queue-quote mark').getAttribute('class');
  const other = ['sourced', 'disputed', 'opinion'].findIndex((l) => !third?.includes(l));
  await page.keyboard.press(String(other + 1));
  await expect(progress).toHaveText('2 of 10 reviewed');
  await page.keyboard.press('c');
  await page.getByRole('textbox', { name: 'Comment' }).fill('Check the original release.');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(progress).toHaveText('3 of 10 reviewed');

  // J and K move through the queue, reviewed or not.
  await expect(page.locator('.queue-position')).toContainText('Claim 5 of 10');
  await page.keyboard.press('k');
  await expect(page.locator('.queue-state')).toHaveText('You commented');
  await page.keyboard.press('k');
  await expect(page.locator('.queue-state')).toHaveText('You labelled these words differently');

  await page.reload();
  await expect(page.locator('.queue-progress')).toHaveText('3 of 10 reviewed');
  // After a reload the queue starts at the first claim still to review: the skipped one.
  await expect(page.locator('.queue-position')).toContainText('Claim 2 of 10');
  await page.keyboard.press('k');
  await expect(page.locator('.queue-quote mark')).toHaveText(first!);
  await expect(page.locator('.queue-state')).toHaveText('You agreed');

  // The agreement is a claim in your layer, as "I agree" makes: the Claims view lists it as yours.
  await page.getByRole('link', { name: 'Claims', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Filter claims' }).fill('by:ana');
  await expect(page.getByRole('grid', { name: 'Claims' }).locator('tbody tr[data-index]')).toHaveCount(2);
  await page.getByRole('link', { name: 'To review' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the overview draws the library and its bars open the matching claims', async ({ page }) => {
  await startApp(page);
  await importFiles(page, tempFile('generated.json', await libraryFileOf(3, 3000, 20, 5)));
  await expect(page.locator('#notices').getByRole('status')).toContainText('60 claims added');
  await addCorpus(page, [CORPUS_FILES[4]]);
  await page.getByLabel('Sort by').selectOption('title');
  await openArticle(page, /After their intervention in Kazakhstan/);
  await markClaim(page, 'quotes the Russian daily Izvestia', 'Disputed');
  await page.getByRole('link', { name: 'Overview' }).click();

  const annotators = page.getByRole('region', { name: 'Claims per annotator' });
  await expect(annotators.getByRole('table')).toContainText('Ana');
  await expect(page.getByRole('link', { name: /disputed claims? without a source/ })).toBeVisible();
  // The bar of Ana's disputed claims, reached by keyboard like any link, opens them in the Claims view.
  const bar = annotators.getByRole('link', { name: 'Ana: 1 disputed' });
  await bar.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('searchbox', { name: 'Filter claims' })).toHaveValue('by:Ana label:disputed');
  await expect(page.getByRole('grid', { name: 'Claims' }).locator('tbody tr[data-index]')).toHaveCount(1);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the library sorts, filters and leads from one article to the next in that order', async ({ page }) => {
  await startApp(page);
  await addCorpus(page, CORPUS_FILES);
  // Informational notices sit above the page, never over it, and leave on their own.
  const notice = page.locator('#notices .notice-status');
  const [noticeBox, mainBox] = await Promise.all([notice.boundingBox(), page.locator('#main').boundingBox()]);
  expect(noticeBox!.y + noticeBox!.height).toBeLessThanOrEqual(mainBox!.y + 1);
  await expect(notice).toBeEmpty({ timeout: 10_000 });
  await page.getByLabel('Sort by').selectOption('title');
  const titles = await page.locator('.library-item h2').allTextContents();
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true })));
  await page.locator('.library-item h2 a').first().click();
  await expect(page.locator('.article-text')).toBeVisible();
  await page.getByRole('link', { name: 'Next article →' }).click();
  await expect(page.locator('.article-neighbours')).toContainText(`2 of ${titles.length}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(titles[1]!.slice(0, 20));
  await page.getByRole('link', { name: '← Previous article' }).click();
  await expect(page.locator('.article-neighbours')).toContainText(`1 of ${titles.length}`);

  await page.goto('/#/');
  await page.getByLabel('With claims labelled').selectOption('disputed');
  await expect(page.locator('.library-count')).toHaveText(`0 of ${titles.length} articles`);
  await page.getByLabel('With claims labelled').selectOption('');
  expect(await seriousViolations(page)).toEqual([]);
});
