/**
 * Real files in: PDFs keep their pages, Word files open, web pages become their article with the
 * whole page a click away, bad files are refused by name, and every original downloads as it was.
 */
import { readFileSync, truncateSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { corruptPdf, docx, encryptedPdf, REPORT_TEXT, reportPdf, scannedPdf } from '../src/testing/documents';
import { addFiles, downloadJson, exportFile, markClaim, openArticle, sharedPage, startApp, tempFile } from './helpers';

/** The article's text as the page shows it, one paragraph per line. */
async function shownText(page: Page): Promise<string> {
  return page.locator('.article-text').evaluate((root) => [...root.querySelectorAll('p')].map((p) => p.textContent).join('\n'));
}

/** Clicks "Download original" and returns the bytes that arrive. */
async function downloadOriginal(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download original' }).click();
  return readFileSync(await (await download).path());
}

test('a PDF becomes its text page by page: no running header or page numbers, columns in order, hyphens rejoined; a claim knows its page', async ({ page }) => {
  await startApp(page);
  const pdf = await reportPdf();
  await addFiles(page, [tempFile('report.pdf', pdf)]);
  await expect(page.locator('#notices').getByRole('status')).toContainText('Added 1 article');
  await openArticle(page, 'Peacekeepers in Almaty');
  expect(await shownText(page)).toBe(REPORT_TEXT);
  await expect(page.locator('.byline')).toContainText('Field Desk');
  await expect(page.locator('.source-note')).toHaveText('From report.pdf · 3 pages');
  // Page boundaries are marked on the lines that start a page, and add nothing to the text.
  await expect(page.locator('.article-text p.page-start')).toHaveCount(3);
  await expect(page.locator('.article-text p[data-page="2"]')).toHaveText(/^On the second page/);

  await markClaim(page, 'Peacekeepers left Almaty on 13 January', 'Disputed');
  await expect(page.locator('.claim-entry .claim-meta').first()).toContainText('· p. 2');
  const file = await downloadJson(await exportFile(page));
  const article = file.articles[0];
  expect(article.text).toBe(REPORT_TEXT);
  expect(article.pages).toEqual([0, REPORT_TEXT.indexOf('On the second'), REPORT_TEXT.length]);
  expect(article.claims.map((c: { exact: string; pages: number[] }) => [c.exact, c.pages])).toEqual([['Peacekeepers left Almaty on 13 January', [2]]]);
  expect(article.original).toMatchObject({ name: 'report.pdf', type: 'application/pdf', size: pdf.length });
  expect(Buffer.from(await downloadOriginal(page)).equals(Buffer.from(pdf))).toBe(true);
});

test('a Word file opens as its paragraphs', async ({ page }) => {
  await startApp(page);
  await addFiles(page, [tempFile('statement.docx', docx(['Statement of the ministry', 'Troops will stay “as long as needed”.', 'Signed, the spokesman.']))]);
  await openArticle(page, 'Statement of the ministry');
  expect(await shownText(page)).toBe('Statement of the ministry\nTroops will stay “as long as needed”.\nSigned, the spokesman.');
  await expect(page.getByRole('button', { name: 'Download original' })).toBeVisible();
});

test('a scanned, an encrypted, a damaged and a too-large file are each refused by name, and nothing is added', async ({ page }) => {
  await startApp(page);
  const before = await page.locator('.library-item').count();
  const huge = tempFile('huge.pdf', '');
  truncateSync(huge, 200 * 1024 * 1024);
  await addFiles(page, [
    tempFile('scan.pdf', await scannedPdf()),
    tempFile('locked.pdf', await encryptedPdf()),
    tempFile('broken.pdf', corruptPdf()),
    tempFile('broken.docx', 'not a zip at all'),
    huge,
  ]);
  const alert = page.locator('#notices').getByRole('alert');
  await expect(alert).toContainText('5 of 5 files could not be added');
  await expect(alert).toContainText('scan.pdf: the PDF has no text layer (1 page, probably scanned)');
  await expect(alert).toContainText('locked.pdf: the PDF is encrypted with a password');
  await expect(alert).toContainText('broken.pdf: not a readable PDF');
  await expect(alert).toContainText('broken.docx: not a readable Word document');
  await expect(alert).toContainText('huge.pdf: 200 MB is larger than the 100 MB claimtrail reads');
  await expect(page.locator('.library-item')).toHaveCount(before);
});

test('a saved page leaves out its furniture, says how much, and adds the whole page as the version it excerpts', async ({ page }) => {
  await startApp(page);
  await addFiles(page, [sharedPage('bbc-1')]);
  const title = "Obama admits US gun laws are his 'biggest frustration'";
  await openArticle(page, title);
  const note = page.locator('.source-note');
  await expect(note).toContainText(/From source\.html · [\d,]+ words of page furniture left out/);
  const extracted = await shownText(page);
  expect(Buffer.from(await downloadOriginal(page)).equals(readFileSync(sharedPage('bbc-1')))).toBe(true);

  await note.getByRole('button', { name: 'Use the whole page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (whole page)`);
  const whole = await shownText(page);
  expect(whole).toContain('Skip to content');
  expect(whole.length).toBeGreaterThan(extracted.length);
  await expect(page.locator('.provenance-slot')).toContainText(`This article is excerpted by “${title}”`);
  // The article itself is as it was.
  await page.getByRole('link', { name: '← Library' }).click();
  await openArticle(page, new RegExp(`^${title.replace(/[()']/g, '.')}$`));
  expect(await shownText(page)).toBe(extracted);
});

/** `count` sentences of made-up words, different for each `part` (parts share no run of four words). */
function prose(part: string, count: number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ner', 'tu', 'vas', 'ri', 'don', 'pe', 'sul', 'ga', 'fo'];
  let seed = [...part].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const word = () => {
    let w = '';
    for (let k = 0; k < 2 + (seed % 2); k++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      w += syllables[seed % syllables.length];
    }
    return w;
  };
  return Array.from({ length: count }, (_, i) => `${part[0]!.toUpperCase()}${part.slice(1)} ${i + 1}: ${Array.from({ length: 16 }, word).join(' ')}.`);
}

/** A page whose article is in the markup a script would have shown, or nowhere but its JSON-LD. */
function page(head: string, body: string, attrs = 'lang="en"'): string {
  return `<!doctype html><html ${attrs}><head><meta charset="utf-8">${head.includes('<title>') ? '' : '<title>The Outlet</title>'}${head}</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>${body}<footer>© The Outlet · Privacy · Terms</footer></body></html>`;
}

test('web pages beyond Readability: the body in JSON-LD, text in noscript, a story split into several articles, a right-to-left page, an .mhtml file', async ({
  page: tab,
}) => {
  await startApp(tab);
  const ldBody = prose('the wire copy', 6);
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'The Outlet' },
      {
        '@type': ['NewsArticle'],
        headline: 'Convoy reaches the border',
        articleBody: ldBody.join('\n'),
        author: [{ '@type': 'Person', name: 'Ana Field' }, { name: 'Bo Desk' }],
        datePublished: '2022-01-12T09:00:00Z',
        publisher: { '@type': 'Organization', name: 'The Outlet' },
      },
    ],
  });
  const noscriptBody = prose('the static edition', 5);
  const [partOne, partTwo] = [prose('the first part', 4), prose('the second part', 4)];
  const arabic = Array.from({ length: 8 }, (_, i) => `وصلت قوات حفظ السلام إلى المدينة في اليوم ${i + 1} وقال المتحدث إن المهمة ستنتهي قريباً.`);
  const teasers = Array.from(
    { length: 8 },
    (_, i) => `<div class="card"><h3><a href="/s${i}">${prose(`teaser ${i}`, 1)[0]}</a></h3><p>${prose(`teaser text ${i}`, 1)[0]}</p></div>`,
  );
  const multi = page(
    '<meta property="og:title" content="A story in two parts">',
    `<div class="page"><div class="top"><article><h1>A story in two parts</h1>${partOne.map((p) => `<p>${p}</p>`).join('')}</article></div>
     <div class="grid">${teasers.join('')}</div>
     <div class="bottom"><div class="wrap"><article>${partTwo.map((p) => `<p>${p}</p>`).join('')}</article></div></div></div>`,
  );
  const mhtml = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://example.org/two-parts',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; type="text/html"; boundary="----B--"',
    '',
    '------B--',
    'Content-Type: text/html',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    // Quoted-printable, as Chromium writes it: "=" escaped, long lines broken with soft line breaks.
    multi.replace(/=/g, '=3D').replace(/.{70}/g, '$&=\r\n'),
    '------B----',
    '',
  ].join('\r\n');
  await addFiles(tab, [
    tempFile('json-ld.html', page(`<script type="application/ld+json">${jsonLd}</script>`, '<div id="app"><p>Loading…</p></div>')),
    tempFile(
      'noscript.html',
      page(
        '<meta property="og:title" content="The static edition">',
        `<div id="app"></div><noscript>${noscriptBody.map((p) => `<p>${p}</p>`).join('')}</noscript>`,
      ),
    ),
    tempFile('saved.mhtml', mhtml),
    tempFile(
      'arabic.html',
      page('<title>بيان المهمة</title>', `<article><h1>بيان المهمة</h1>${arabic.map((p) => `<p>${p}</p>`).join('')}</article>`, 'lang="ar" dir="rtl"'),
    ),
  ]);
  await expect(tab.locator('#notices').getByRole('status')).toContainText('Added 4 articles');

  await openArticle(tab, 'Convoy reaches the border');
  expect(await shownText(tab)).toBe(['Convoy reaches the border', ...ldBody].join('\n'));
  await expect(tab.locator('.byline')).toContainText('Ana Field, Bo Desk · The Outlet');
  await expect(tab.locator('.byline time')).toHaveAttribute('datetime', '2022-01-12T09:00:00Z');

  await tab.getByRole('link', { name: '← Library' }).click();
  await openArticle(tab, 'The static edition');
  expect(await shownText(tab)).toBe(['The static edition', ...noscriptBody].join('\n'));

  await tab.getByRole('link', { name: '← Library' }).click();
  await openArticle(tab, 'A story in two parts');
  expect(await shownText(tab)).toBe(['A story in two parts', ...partOne, ...partTwo].join('\n'));
  await expect(tab.getByRole('link', { name: 'original' })).toHaveAttribute('href', 'https://example.org/two-parts');

  await tab.getByRole('link', { name: '← Library' }).click();
  await openArticle(tab, 'بيان المهمة');
  await expect(tab.locator('.editor-wrap')).toHaveAttribute('dir', 'rtl');
  await expect(tab.locator('.editor-wrap')).toHaveAttribute('lang', 'ar');
  expect(await shownText(tab)).toBe(['بيان المهمة', ...arabic].join('\n'));
});
