import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { addCorpus, CORPUS_FILES, downloadJson, highlights, importFiles, markClaim, openArticle, readCorpus, startApp } from './helpers';

const ARABIC = /The CSTO is a Tool of Russia/; // 002: English with an Arabic paragraph
const KAZAKHSTAN = /After their intervention in Kazakhstan/; // 004
const ARABIC_WORDS = readCorpus(CORPUS_FILES[2])
  .split('\n')
  .find((l) => /[\u0600-\u06ff]/.test(l))!
  .trim()
  .split(' ')
  .slice(0, 4)
  .join(' ');

/** Downloads the claims in `format` through "Export as…", from the library (all articles) or an article. */
async function exportAs(page: Page, format: string, scope?: 'This article' | 'All articles') {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as…' }).click();
  await page.getByLabel('Format').selectOption({ label: format });
  if (scope) await page.getByLabel('Claims of').selectOption({ label: scope });
  await page.getByRole('dialog').getByRole('button', { name: 'Export', exact: true }).click();
  return download;
}

test('every format exports from the UI; W3C and Hypothesis files import into a fresh profile onto the right words', async ({ page, browser }) => {
  await startApp(page);
  await addCorpus(page, [CORPUS_FILES[2], CORPUS_FILES[4]]);
  await openArticle(page, ARABIC);
  await markClaim(page, 'was created by Russia immediately after the collapse of the USSR in 1992', 'Disputed');
  await page.locator('.claim-entry.is-selected').getByLabel('Note').fill('Founded as a treaty in 1992, as an organisation in 2002.');
  await page.locator('.claim-entry.is-selected').getByRole('button', { name: 'Save note' }).click();
  await page.getByRole('link', { name: '← Library' }).click();
  await openArticle(page, KAZAKHSTAN);
  await markClaim(page, 'quotes the Russian daily Izvestia', 'Sourced');
  const expected = [{ label: 'sourced', text: 'quotes the Russian daily Izvestia' }];
  expect(await highlights(page)).toEqual(expected);

  // From the article: this article only, as CSV.
  const csv = await exportAs(page, 'CSV (spreadsheet)', 'This article');
  expect(csv.suggestedFilename()).toMatch(/^claimtrail-\d{8}-\d{6}\.csv$/);
  const csvText = Buffer.concat(await (await csv.createReadStream()).toArray()).toString('utf8');
  expect(csvText.startsWith('\uFEFFarticle title,url,label,start,end,exact,note,sources,annotator,created,pages\r\n')).toBe(true);
  expect(csvText.trimEnd().split('\r\n')).toHaveLength(2);

  // From the library: all articles, in every format.
  await page.getByRole('link', { name: '← Library' }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const w3c = await exportAs(page, 'W3C Web Annotation (JSON-LD)');
  expect(w3c.suggestedFilename()).toMatch(/^claimtrail-w3c-\d{8}-\d{6}\.jsonld$/);
  const collection = await downloadJson(w3c);
  expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 2 });
  const hypothesis = await exportAs(page, 'Hypothesis (JSON)');
  expect((await downloadJson(hypothesis)).annotations.map((a: { tags: string[] }) => a.tags[0]).sort()).toEqual(['disputed', 'sourced']);
  const brat = await exportAs(page, 'brat standoff (zip)');
  expect(brat.suggestedFilename()).toMatch(/\.zip$/);
  const zip = unzipSync(new Uint8Array(Buffer.concat(await (await brat.createReadStream()).toArray())));
  const anns = Object.keys(zip)
    .filter((n) => n.endsWith('.ann'))
    .map((n) => strFromU8(zip[n]!))
    .join('');
  expect(anns).toMatch(/^T1\tSourced \d+ \d+\tquotes the Russian daily Izvestia$/m);
  expect(anns).toMatch(/^#1\tAnnotatorNotes T1\tFounded as a treaty in 1992, as an organisation in 2002\.$/m);
  const w3cPath = test.info().outputPath('claims.jsonld');
  const hypothesisPath = test.info().outputPath('claims-hypothesis.json');
  await w3c.saveAs(w3cPath);
  await hypothesis.saveAs(hypothesisPath);

  // Fresh profiles with the same two articles: each import lands on the same words.
  for (const [path, format] of [
    [w3cPath, 'W3C Web Annotation'],
    [hypothesisPath, 'Hypothesis'],
  ] as const) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await startApp(other, 'Bea');
    await addCorpus(other, [CORPUS_FILES[2], CORPUS_FILES[4]]);
    await importFiles(other, path);
    await expect(other.getByRole('status')).toContainText(
      `(${format}): 2 claims added, 0 updated, 0 already present; 0 new articles.2 of 2 annotations placed as claims (2 exact).`,
    );
    await openArticle(other, ARABIC);
    expect(await highlights(other)).toEqual([{ label: 'disputed', text: 'was created by Russia immediately after the collapse of the USSR in 1992' }]);
    await expect(other.locator('.claim-entry')).toContainText('Ana (read-only)');
    await expect(other.locator('.claim-note')).toHaveText('Founded as a treaty in 1992, as an organisation in 2002.');
    await other.getByRole('link', { name: '← Library' }).click();
    await openArticle(other, KAZAKHSTAN);
    expect(await highlights(other)).toEqual(expected);
    await context.close();
  }
});

test('a W3C file from another tool: unlabelled annotations wait to be labelled, and what cannot be placed is said', async ({ page }) => {
  await startApp(page);
  await addCorpus(page, [CORPUS_FILES[2]]);
  const text = readCorpus(CORPUS_FILES[2]);
  const path = test.info().outputPath('other-tool.jsonld');
  const quote = (exact: string) => ({ type: 'TextQuoteSelector', exact });
  writeFileSync(
    path,
    JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          type: 'Annotation',
          id: 'https://tool.example/1',
          bodyValue: 'worth checking',
          target: { source: 'https://somewhere.example/csto', selector: quote(ARABIC_WORDS) },
        },
        {
          type: 'Annotation',
          id: 'https://tool.example/2',
          body: { type: 'TextualBody', purpose: 'tagging', value: 'Opinion' },
          target: { source: 'https://elsewhere.example/x', selector: quote('nothing') },
        },
      ],
    }),
  );
  expect(text).toContain(ARABIC_WORDS);
  await importFiles(page, path);
  // The first has no tag: the import asks what to do with it, and it is left waiting for a label.
  const labels = page.getByRole('dialog', { name: 'Labels for other-tool.jsonld (W3C Web Annotation)' });
  await expect(labels.getByLabel('All other annotations (1 with no tag)')).toHaveValue('');
  await labels.getByRole('button', { name: 'Import' }).click();
  // It names a URL the library does not know: without a match it cannot be placed.
  await expect(page.getByRole('alert')).toContainText('other-tool.jsonld was not imported; nothing from it was stored:');
  await expect(page.getByRole('alert')).toContainText('no annotation could be placed');
  await expect(page.getByRole('alert')).toContainText(
    'https://tool.example/1: its document is not in the library: add https://somewhere.example/csto first [other-document]',
  );

  // Give the article that URL, and import again: the unlabelled one waits to be labelled.
  await page.getByRole('button', { name: /^Edit details of The CSTO is a Tool/ }).click();
  await page.getByLabel('URL').fill('https://somewhere.example/csto');
  await page.getByRole('button', { name: 'Save details' }).click();
  await importFiles(page, path);
  await labels.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('#notices').getByRole('status')).toContainText(
    '0 of 2 annotations placed as claims. 1 waits for a label. 1 not placed: 1 on another document.',
  );
  await openArticle(page, ARABIC);
  const waiting = page.getByRole('region', { name: 'Unlabelled (1)' });
  await expect(waiting).toContainText('worth checking');
  await waiting.getByRole('button', { name: 'Opinion' }).click();
  await expect(waiting).toBeHidden();
  expect(await highlights(page)).toEqual([{ label: 'opinion', text: ARABIC_WORDS }]);
  await page.reload();
  expect(await highlights(page)).toEqual([{ label: 'opinion', text: ARABIC_WORDS }]);
});
