import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import {
  addCorpus,
  CORPUS_FILES,
  downloadJson,
  exportFile,
  highlights,
  importFiles,
  markClaim,
  openArticle,
  readCorpus,
  selectInParagraph,
  startApp,
  validateExport,
} from './helpers';
import type { JsonFile } from '../src/testing/json';

const EMOJI_TEXT = 'Emoji line 👍🏽 and 𝄞 music\nThe family 👩‍👩‍👧 said the bridge opened in 1998.\nEnd.';

function tempPath(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'claimtrail-')), name);
}

/** Marks claims on three articles, including Arabic and emoji text, and exports them. */
async function annotateAndExport(page: Page): Promise<{ path: string; file: JsonFile; drawn: Record<string, unknown> }> {
  await startApp(page, 'Ana');
  await addCorpus(page, [CORPUS_FILES[2], CORPUS_FILES[4]]);
  const drawn: Record<string, unknown> = {};

  await openArticle(page, /After their intervention/);
  await markClaim(page, 'quotes the Russian daily Izvestia', 'Sourced');
  await markClaim(page, 'A geopolitical project that would upset regional balances.', 'Opinion');
  drawn.izvestia = await highlights(page);

  await page.getByRole('link', { name: '← Library' }).click();
  await openArticle(page, /The CSTO is a Tool of Russia/);
  const arabic = readCorpus(CORPUS_FILES[2])
    .split('\n')
    .find((l) => /\p{Script=Arabic}/u.test(l))!;
  const firstArabic = arabic.search(/\p{Script=Arabic}/u);
  await selectInParagraph(page, arabic.slice(0, 20), firstArabic, firstArabic + 40);
  await page.keyboard.press('2');
  await expect(page.locator('.claim-entry')).toHaveCount(1);
  drawn.arabic = await highlights(page);
  expect((drawn.arabic as { text: string }[])[0]!.text).toMatch(/^\p{Script=Arabic}/u);

  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'Paste text' }).click();
  await page.getByLabel('Article text').fill(EMOJI_TEXT);
  await page.getByRole('button', { name: 'Add article', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Emoji line 👍🏽 and 𝄞 music');
  await markClaim(page, 'said the bridge opened in 1998', 'Disputed');
  await markClaim(page, '👍🏽 and 𝄞', 'Opinion');
  drawn.emoji = await highlights(page);

  const download = await exportFile(page);
  expect(download.suggestedFilename()).toMatch(/^claimtrail-\d{8}-\d{6}\.json$/);
  const path = tempPath(download.suggestedFilename());
  await download.saveAs(path);
  return { path, file: await downloadJson(download), drawn };
}

test('export is valid against the schema, in code points; a colleague imports it and sees the same claims', async ({ page, browser }) => {
  const { path, file, drawn } = await annotateAndExport(page);
  expect(validateExport(file)).toEqual([]);
  expect(file).toMatchObject({ format: 'claimtrail', version: 1, annotator: { name: 'Ana' } });
  expect(file.articles).toHaveLength(3);
  for (const article of file.articles) {
    expect(createHash('sha256').update(article.text, 'utf8').digest('hex')).toBe(article.textSha256);
    const points = Array.from(article.text as string);
    for (const claim of article.claims) {
      expect(points.slice(claim.start, claim.end).join('')).toBe(claim.exact);
      expect(claim.annotator.name).toBe('Ana');
    }
  }
  const emoji = file.articles.find((a: JsonFile) => a.text === EMOJI_TEXT);
  const bridge = emoji.claims.find((c: JsonFile) => c.exact === 'said the bridge opened in 1998');
  // UTF-16 would put it 5 later: three astral characters and a ZWJ sequence precede it.
  expect(bridge.start).toBe(Array.from(EMOJI_TEXT.slice(0, EMOJI_TEXT.indexOf('said'))).length);

  // A colleague, in a fresh profile.
  const colleague = await (await browser.newContext()).newPage();
  await startApp(colleague, 'Bea');
  await importFiles(colleague, [path]);
  await expect(colleague.getByRole('status')).toContainText('5 claims added, 0 updated, 0 already present; 3 new articles.');
  await openArticle(colleague, /After their intervention/);
  expect(await highlights(colleague)).toEqual(drawn.izvestia);
  await expect(colleague.locator('.claim-meta').first()).toContainText('Ana (read-only)');
  await colleague.getByRole('link', { name: '← Library' }).click();
  await openArticle(colleague, /The CSTO is a Tool of Russia/);
  expect(await highlights(colleague)).toEqual(drawn.arabic);
  await colleague.getByRole('link', { name: '← Library' }).click();
  await openArticle(colleague, 'Emoji line 👍🏽 and 𝄞 music');
  expect(await highlights(colleague)).toEqual(drawn.emoji);

  // The same file again changes nothing.
  await importFiles(colleague, [path]);
  await expect(colleague.getByRole('status')).toContainText('0 claims added, 0 updated, 5 already present; 0 new articles.');
  await expect(colleague.locator('.claim-entry')).toHaveCount(2);
  await colleague.context().close();
});

test('every bad file is named with its problem, and nothing from it is stored', async ({ page }) => {
  const { file } = await annotateAndExport(page);
  const libraryBefore = async () => {
    await page.goto('/');
    await expect(page.locator('.library-item')).toHaveCount(4);
    return page.locator('.library-item').evaluateAll((items) => items.map((i) => i.textContent));
  };
  const before = await libraryBefore();

  const variant = (name: string, change: (f: JsonFile) => unknown) => {
    const copy = structuredClone(file);
    const replaced = change(copy);
    const path = tempPath(name);
    writeFileSync(path, typeof replaced === 'string' ? replaced : JSON.stringify(copy));
    return path;
  };
  // Each bad file also carries a new article, so a partial write would show in the library.
  const withNewArticle = (f: JsonFile) => {
    const text = 'An article that must not be stored.';
    f.articles.push({ id: 'new', title: 'Must not appear', textSha256: createHash('sha256').update(text).digest('hex'), text, claims: [] });
  };
  const cases: [string, (f: JsonFile) => unknown, RegExp][] = [
    ['not-json.json', () => '{"format": "claimtrail", "version": 1,', /not JSON/],
    ['other-tool.json', () => JSON.stringify({ annotations: [] }), /Read as a Hypothesis file\.the file holds no annotations/],
    ['unknown.json', () => JSON.stringify({ items: [1, 2] }), /not a file claimtrail imports/],
    [
      'version-2.json',
      (f) => {
        withNewArticle(f);
        f.version = 2;
      },
      /unsupported claimtrail format version 2/,
    ],
    [
      'outside.json',
      (f) => {
        withNewArticle(f);
        f.articles[0].claims[0].end = 1_000_000;
      },
      /articles\[0\]\.claims\[0\]: offsets \d+\.\.1000000 are outside the text/,
    ],
    [
      'wrong-exact.json',
      (f) => {
        withNewArticle(f);
        f.articles[0].claims[0].exact = 'something else';
      },
      /"exact" is "something else" but the text at/,
    ],
    [
      'script-url.json',
      (f) => {
        withNewArticle(f);
        f.articles[0].claims[0].sources = [{ url: 'javascript:alert(1)' }];
      },
      /sources\[0\]\.url: only http and https addresses are accepted/,
    ],
    [
      // Read as a stream, the good articles before the bad one are already written when it is refused: all are undone.
      'bad-last.json',
      (f) => {
        withNewArticle(f);
        const text = 'A last article whose fingerprint is wrong.';
        f.articles.push({ id: 'last', title: 'Last', textSha256: createHash('sha256').update('other').digest('hex'), text, claims: [] });
      },
      /articles\[\d+\]: "textSha256" does not match/,
    ],
    [
      'tampered.json',
      (f) => {
        withNewArticle(f);
        f.articles[0].text += ' Tampered.';
      },
      /articles\[0\]: "textSha256" does not match/,
    ],
  ];
  await page.goto('/');
  await importFiles(
    page,
    cases.map(([name, change]) => variant(name, change)),
  );
  const alert = page.getByRole('alert');
  for (const [name, , problem] of cases) {
    await expect(alert).toContainText(`${name} was not imported; nothing from it was stored:`);
    await expect(alert).toContainText(problem);
  }
  expect(await libraryBefore()).toEqual(before);
});

test('a 75 MB import is read as a stream: all or nothing, with progress, the page responsive', async ({ page }) => {
  test.setTimeout(240_000);
  await startApp(page);
  // One 1 MB article with 180,000 claims: over 64 MB of JSON, so the file is streamed, not parsed whole.
  const line = 'The organisation said its forces would stay for a limited period, officials confirmed. ';
  const text = Array.from({ length: 12_000 }, (_, i) => (i % 10 === 9 ? '' : line)).join('\n');
  const claims = Array.from({ length: 180_000 }, (_, i) => {
    const start = (i * 97) % (text.length - 40);
    const end = start + 20 + (i % 17);
    return {
      id: `claim-${i}`,
      label: ['sourced', 'disputed', 'opinion'][i % 3],
      start,
      end,
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      note: `Note ${i}`,
      sources: [{ url: `https://example.org/source/${i}`, citation: `Source ${i}` }],
      annotator: { id: 'bulk', name: 'Bulk annotator' },
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    };
  });
  const file = {
    format: 'claimtrail',
    version: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    generator: 'e2e',
    annotator: { id: 'bulk', name: 'Bulk annotator' },
    articles: [{ id: 'bulk-article', title: 'Bulk article', textSha256: createHash('sha256').update(text).digest('hex'), text, claims }],
  };
  const json = JSON.stringify(file);
  expect(json.length).toBeGreaterThan(64 * 2 ** 20);
  const path = tempPath('bulk.json');
  writeFileSync(path, json);
  // The same file with a bad article after the big one: the big one is written before the bad one is read, and undone.
  const bad = tempPath('bulk-bad-last.json');
  const last = 'A short article after it.';
  writeFileSync(
    bad,
    JSON.stringify({ ...file, articles: [...file.articles, { id: 'last', title: 'Last', textSha256: '0'.repeat(64), text: last, claims: [] }] }),
  );
  await importFiles(page, [bad]);
  await expect(page.getByRole('alert')).toContainText('bulk-bad-last.json was not imported; nothing from it was stored:', { timeout: 150_000 });
  await expect(page.getByRole('alert')).toContainText('articles[1]: "textSha256" does not match');
  await expect(page.locator('.library-item').filter({ hasText: 'Bulk article' })).toHaveCount(0);

  await importFiles(page, [path]);
  const progress = page.getByRole('progressbar');
  await expect(progress).toBeVisible();
  // While the file is read and checked, the page still answers and paints.
  expect(await page.evaluate(() => new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true))))).toBe(true);
  await expect(page.locator('#notices').getByRole('status')).toContainText('180000 claims added', { timeout: 150_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.locator('.library-item').filter({ hasText: 'Bulk article' }).locator('.count')).toHaveText([
    '60000 Sourced',
    '60000 Disputed',
    '60000 Opinion',
  ]);
});
