import { expect, test, type Page } from '@playwright/test';
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
  selectWithMouse,
  seriousViolations,
  startApp,
  validateExport,
} from './helpers';

const ORIGINAL = /^The CSTO arrives in Iraq and Syria$/; // 001, as its first line names it
const REPOST = 'The Phaserl'; // 000 begins with the reposting site's name
const KAZAKHSTAN = /After their intervention in Kazakhstan/; // 004

/** The entry of the selected claim in the panel. */
const selected = (page: Page) => page.locator('.claim-entry.is-selected');

test('000 and 001 are found as versions, linked, and claims carried from one to the other; an orphan is placed by hand', async ({ page }) => {
  await startApp(page);
  await addCorpus(page, [CORPUS_FILES[0], CORPUS_FILES[1], CORPUS_FILES[2]]);

  // The library finds the repost and only it; linking asks which is which.
  const suggestions = page.getByRole('list', { name: 'Likely versions of one text' });
  await expect(suggestions.getByRole('listitem')).toHaveCount(1);
  await expect(suggestions).toContainText(
    /“The Phaserl” and “The CSTO arrives in Iraq and Syria” look like versions of one text \(9\d% of the shorter text shared\)/,
  );
  await suggestions.getByRole('button', { name: 'Link as versions…' }).click();
  await expect(page.getByLabel('This article…')).toHaveValue(
    (await page.getByLabel('This article…').locator('option', { hasText: REPOST }).getAttribute('value')) as string,
  );
  await page.getByLabel('…relates to the other as').selectOption('republishes');
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(page.getByText('1 link between articles.')).toBeVisible();
  await expect(page.getByText('No unlinked versions of one text found.')).toBeVisible();

  // Claims on the original: one repeated word for word in the repost, one retyped there, one cut from it.
  await openArticle(page, ORIGINAL);
  await markClaim(page, 'It is therefore not negotiable.', 'Sourced');
  await markClaim(page, 'will reveal the response of Washington and its allies', 'Disputed');
  await markClaim(page, 'the CSTO has the capacity to deploy up to 50,000 men in less than two weeks', 'Opinion');
  await expect(page.locator('.provenance')).toContainText('This article is republished by “The Phaserl”');

  // Carry them onto the repost and read the report.
  await page.getByRole('link', { name: '← Library' }).click();
  await openArticle(page, REPOST);
  const provenance = page.locator('.provenance');
  await expect(provenance).toContainText('This article republishes “The CSTO arrives in Iraq and Syria”');
  await provenance.getByRole('button', { name: 'Carry claims over from it' }).click();
  await expect(provenance.locator('.carry-summary')).toContainText(
    /Carried 3 claims from “The CSTO arrives in Iraq and Syria”: 0 exact, 1 moved, 1 fuzzy, 1 not found \(\d+ ms\)\./,
  );
  expect(await highlights(page)).toEqual([
    { label: 'sourced', text: 'It is therefore not negotiable.' },
    { label: 'disputed', text: 'will reveal the response of Washinton and its allies' },
  ]);

  // Review the fuzzy one: it shows what it was, and can be confirmed.
  await provenance.getByRole('button', { name: '“will reveal the response of Washinton and its allies”' }).click();
  await expect(selected(page).locator('.anchor-note')).toContainText(
    /Carried over: fuzzy, score 0\.9\d · was will reveal the response of Washington and its allies/,
  );
  await selected(page).getByRole('button', { name: 'Place is right' }).click();
  await expect(selected(page).locator('.anchor-note')).toContainText('Carried over: placed, checked by a person');

  // The orphan is kept, with its quote, and placed by selecting new words.
  const orphans = page.getByRole('region', { name: 'Not found in this text (1)' });
  await expect(orphans).toContainText('the CSTO has the capacity to deploy up to 50,000 men in less than two weeks');
  await selectWithMouse(page, 'the possibility of fighting the caliphate immediately');
  await orphans.getByRole('button', { name: 'Attach to selected words' }).click();
  await expect(orphans).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Claims (3)' })).toBeVisible();
  expect(await highlights(page)).toContainEqual({ label: 'opinion', text: 'the possibility of fighting the caliphate immediately' });

  // Carrying again adds nothing twice; all of it survives a reload.
  await provenance.getByRole('button', { name: 'Carry claims over from it' }).click();
  await expect(page.locator('#notices').getByRole('status')).toContainText('Every claim of that article was carried over already.');
  await page.reload();
  await expect(page.locator('mark.claim')).toHaveCount(3);
  await expect(page.locator('.orphans-section')).toBeHidden();

  // The export holds the relation and how each claim anchored, and meets the published schema.
  const file = await downloadJson(await exportFile(page));
  expect(validateExport(file)).toEqual([]);
  expect(file.relations).toEqual([expect.objectContaining({ kind: 'republishes' })]);
  const carried = file.articles.find((a: { title: string }) => a.title === REPOST).claims;
  expect(carried.map((c: { anchor: { status: string; confirmed?: boolean } }) => [c.anchor.status, c.anchor.confirmed ?? false]).sort()).toEqual([
    ['fuzzy', true],
    ['fuzzy', true],
    ['moved', false],
  ]);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a claim followed through three articles: suggested matches, the thread view and the provenance picture', async ({ page }) => {
  await startApp(page);
  await addCorpus(page, [CORPUS_FILES[0], CORPUS_FILES[1], CORPUS_FILES[4]]);

  // Marking the members sentence in 001 suggests the same sentence in the repost.
  await openArticle(page, ORIGINAL);
  await markClaim(
    page,
    'the CSTO is a classic military alliance between six ex-members of the Soviet Union - Belarus, Russia, Armenia, Tadjikistan, Kazakhstan, and Kirghizistan',
    'Sourced',
  );
  const links = selected(page).locator('.claim-links');
  const repostMatch = links.getByRole('listitem').filter({ hasText: REPOST });
  await expect(repostMatch).toContainText(/\d+% similar/);
  await repostMatch.getByRole('button', { name: 'Same claim' }).click();
  await expect(page.locator('#notices').getByRole('status')).toContainText('Linked as the same claim (thread of 2).');
  await expect(links).toContainText('In a claim thread with 1 other appearance');

  // In 004 the statement is reworded; its claim finds the thread's claims and joins them.
  await page.getByRole('link', { name: '← Library' }).click();
  await openArticle(page, KAZAKHSTAN);
  await markClaim(page, 'the politico-military organization that brings together Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan', 'Disputed');
  const original = selected(page).locator('.claim-links').getByRole('listitem').filter({ hasText: 'The CSTO arrives in Iraq and Syria' });
  await expect(original).toContainText(/\d+% similar, already a claim/);
  await original.getByRole('button', { name: 'Same claim' }).click();
  await expect(page.locator('#notices').getByRole('status')).toContainText('Linked as the same claim (thread of 3).');

  // The thread view lists every appearance with its article, label and annotator.
  await selected(page).getByRole('link', { name: 'open the thread' }).click();
  await expect(page.getByRole('heading', { name: /^Claim thread: “the CSTO is a classic military alliance/ })).toBeVisible();
  await expect(page.getByText('3 appearances in 3 articles; judged differently (Sourced, Disputed).')).toBeVisible();
  const rows = page.locator('.thread-table tbody tr');
  await expect(rows).toHaveCount(3);
  expect((await rows.locator('td:first-child').allTextContents()).sort()).toEqual([
    'After their intervention in Kazakhstan, other projects for the “blue helmets” of the CSTO',
    'The CSTO arrives in Iraq and Syria',
    'The Phaserl',
  ]);
  await expect(rows.filter({ hasText: 'brings together Armenia' })).toContainText('Ana: Disputed');
  expect(await seriousViolations(page)).toEqual([]);

  // The title starts as the first claim's words; it can be renamed, and the name is kept.
  await page.getByRole('button', { name: 'Rename thread' }).click();
  const title = page.getByRole('dialog').getByLabel('Title');
  await title.fill('  ');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  expect(await title.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe('Give the thread a title.');
  await title.fill('CSTO described as a military alliance');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Claim thread: “CSTO described as a military alliance”' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Claim thread: “CSTO described as a military alliance”' })).toBeVisible();
  await expect(rows).toHaveCount(3);

  // The picture draws the three articles and the shared threads; a node opens its article.
  await page.getByRole('link', { name: 'See the provenance picture' }).click();
  const picture = page.getByRole('img', { name: 'Articles and how they relate' });
  await expect(picture.locator('.node')).toHaveCount(4); // the three, and the demo article
  await expect(picture.locator('[data-edge="thread"]')).toHaveCount(3);
  await expect(page.locator('figcaption')).toContainText('share 1 claim thread');
  await picture.locator('.node', { hasText: 'After their intervention' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('After their intervention in Kazakhstan');
});

test('a claim attributed to words of the text, exported as claimtrail and as ClaimReview', async ({ page }) => {
  await startApp(page);
  await addCorpus(page, [CORPUS_FILES[4]]);
  await openArticle(page, KAZAKHSTAN);
  await markClaim(page, 'A geopolitical project that would upset regional balances.', 'Disputed');
  await selected(page).getByLabel('Note').fill('Other analysts disagree.');
  await selected(page).getByRole('button', { name: 'Save note' }).click();
  await selectWithMouse(page, 'the Russian daily Izvestia');
  await selected(page).getByRole('button', { name: 'Attribute to selected words' }).click();
  await expect(selected(page).getByRole('list', { name: 'Sources' })).toContainText(
    'the Russian daily Izvestia · attributed in the text to “the Russian daily Izvestia”',
  );

  // Following the attribution selects those words in the text.
  await selected(page).getByRole('button', { name: '“the Russian daily Izvestia”' }).click();
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('the Russian daily Izvestia');

  const file = await downloadJson(await exportFile(page));
  expect(validateExport(file)).toEqual([]);
  const article = file.articles[0];
  const { attribution } = article.claims[0].sources[0];
  expect(
    Array.from(article.text as string)
      .slice(attribution.start, attribution.end)
      .join(''),
  ).toBe('the Russian daily Izvestia');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as…' }).click();
  await page.getByLabel('Format').selectOption({ label: 'schema.org ClaimReview (JSON-LD)' });
  await page.getByRole('button', { name: 'Export', exact: true }).last().click();
  // ClaimReview names the page that publishes the review: asked once, offered again next time.
  await page.getByLabel('Address of the page that publishes these fact checks').fill('https://desk.example/checks/csto');
  await page.getByRole('button', { name: 'Export', exact: true }).last().click();
  const reviews = await downloadJson(await download);
  expect((await download).suggestedFilename()).toMatch(/^claimtrail-claimreview-\d{8}-\d{6}\.jsonld$/);
  expect(reviews).toEqual([
    expect.objectContaining({
      '@type': 'ClaimReview',
      url: 'https://desk.example/checks/csto',
      claimReviewed: 'A geopolitical project that would upset regional balances.',
      reviewBody: 'Other analysts disagree.',
      reviewRating: expect.objectContaining({ alternateName: 'Disputed' }),
      itemReviewed: expect.objectContaining({ author: { '@type': 'Organization', name: 'the Russian daily Izvestia' } }),
    }),
  ]);
});

test('an export made on another version of an article is carried onto the stored text when the user says so', async ({ page, browser }) => {
  const path = await annotateElsewhere(
    browser,
    'Bea',
    CORPUS_FILES[1],
    ORIGINAL,
    [
      ['It is therefore not negotiable.', 'Sourced'],
      ['the CSTO has the capacity to deploy up to 50,000 men in less than two weeks', 'Opinion'],
    ],
    test.info().outputPath('bea-001.json'),
  );

  await startApp(page);
  await addCorpus(page, [CORPUS_FILES[0]]);
  await importFiles(page, path);
  await expect(page.getByRole('heading', { name: 'A version of an article you have?' })).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('differs from “The Phaserl” in your library, but looks like a version of it');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('#notices').getByRole('status')).toContainText('2 claims carried onto “The Phaserl”: 0 exact, 1 moved, 0 fuzzy, 1 not found.');
  await expect(page.getByRole('link', { name: REPOST })).toBeVisible();
  await expect(page.getByRole('link', { name: ORIGINAL })).toHaveCount(0); // not added: carried onto 000
  await openArticle(page, REPOST);
  expect(await highlights(page)).toEqual([{ label: 'sourced', text: 'It is therefore not negotiable.' }]);
  await expect(page.getByRole('region', { name: 'Not found in this text (1)' })).toContainText('Bea');
});
