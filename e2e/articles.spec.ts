import { expect, test } from '@playwright/test';
import {
  addCorpus,
  addFiles,
  CORPUS_FILES,
  corpusPath,
  downloadJson,
  exportFile,
  markClaim,
  openArticle,
  readCorpus,
  selectWithMouse,
  sharedPage,
  startApp,
  tempFile,
} from './helpers';

const CORPUS_TITLES = [
  'The Phaserl',
  'The CSTO arrives in Iraq and Syria',
  'The CSTO is a Tool of Russia to Maintain its Influence',
  'The first battalion of “peacekeeping forces” was sent to Kazakhstan.. What do you know about the Collective Security Treaty Organization?',
  'After their intervention in Kazakhstan, other projects for the “blue helmets” of the CSTO',
];

test('first start asks the name once and shows the demo article', async ({ page }) => {
  await startApp(page, 'Ana');
  await expect(page.getByRole('link', { name: 'Riverside council votes to reopen the old ferry' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Annotator: Ana' })).toBeVisible();
  await page.reload();
  await expect(page.locator('body[data-ready]')).toBeAttached();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Riverside council/ })).toHaveCount(1);
});

test('the five corpus articles are added through the file chooser, once', async ({ page }) => {
  await startApp(page);
  await addCorpus(page, CORPUS_FILES);
  await expect(page.locator('#notices').getByRole('status')).toContainText('Added 5 articles.');
  for (const title of CORPUS_TITLES) await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
  await expect(page.locator('.library-item')).toHaveCount(6);
  // Each article lists its claim counts per label.
  await expect(page.locator('.library-item').filter({ hasText: 'The CSTO is a Tool' }).locator('.count')).toHaveText(['0 Sourced', '0 Disputed', '0 Opinion']);

  await addFiles(page, [corpusPath(CORPUS_FILES[1])]);
  await expect(page.locator('#notices').getByRole('status')).toContainText(
    `${CORPUS_FILES[1]} is already in the library as “The CSTO arrives in Iraq and Syria”.`,
  );
  await expect(page.locator('.library-item')).toHaveCount(6);
});

test('text files lose their BOM and CR line ends; markdown is shown as text; titles come from the first line', async ({ page }) => {
  await startApp(page);
  const txt = tempFile('windows.txt', Buffer.from('\uFEFF\r\nFirst line title\r\nSecond line\rThird line\r\n', 'utf8'));
  const md = tempFile('notes.md', '\n## A *markdown* heading ##\n\nSome **bold** claim.\n');
  await addFiles(page, [txt, md]);
  await expect(page.locator('#notices').getByRole('status')).toContainText('Added 2 articles.');
  await openArticle(page, 'First line title');
  await expect(page.locator('.article-text p')).toHaveText(['', 'First line title', 'Second line', 'Third line', '']);
  await page.getByRole('link', { name: '← Library' }).click();
  await openArticle(page, 'A *markdown* heading');
  await expect(page.locator('.article-text p').nth(3)).toHaveText('Some **bold** claim.');
});

test('HTML is read as text with its metadata, and never executed', async ({ page }) => {
  await startApp(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss().catch((e: unknown) => console.error(e));
  });
  const html = tempFile(
    'page.html',
    `<!doctype html><html><head>
    <title>Fallback title</title>
    <meta property="og:title" content="Meta &amp; title">
    <meta name="author" content="Jane Reporter">
    <meta property="og:site_name" content="The Daily Test">
    <meta property="article:published_time" content="2022-01-11T08:00:00Z">
    <link rel="canonical" href="https://example.org/news/1">
    <script>window.ran = true; alert('script ran')</script>
  </head><body onload="window.ran = true">
    <nav>Home</nav><h1>Headline here</h1>
    <p>First <b>paragraph</b> with   spaces.<script>window.ran = true</script></p>
    <div>Second<br>line <img src="x" onerror="window.ran = true; alert(1)"></div>
    <ul><li>Item one</li><li>Item two</li></ul>
    <style>p { color: red }</style>
  </body></html>`,
  );
  await addFiles(page, [html]);
  await openArticle(page, 'Meta & title');
  await expect(page.locator('.article-text p')).toHaveText([
    'Meta & title',
    'Headline here',
    'First paragraph with spaces.',
    'Second',
    'line',
    'Item one',
    'Item two',
  ]);
  await expect(page.locator('.byline')).toContainText('Jane Reporter · The Daily Test');
  await expect(page.getByRole('link', { name: 'original' })).toHaveAttribute('href', 'https://example.org/news/1');
  expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test('paste text, then edit the details; a javascript: URL is refused', async ({ page }) => {
  await startApp(page);
  await page.getByRole('button', { name: 'Paste text' }).click();
  await page.getByLabel('Article text').fill('\nPasted headline\n\nPasted body <script>alert(1)</script>.');
  await page.getByRole('button', { name: 'Add article', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pasted headline');
  await expect(page.locator('.article-text p').nth(3)).toHaveText('Pasted body <script>alert(1)</script>.');

  await page.getByRole('button', { name: 'Edit details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Article details' });
  await dialog.getByLabel('Title').fill('Edited <i>title</i>');
  await dialog.getByLabel('Author').fill('R. Author');
  await dialog.getByLabel('Outlet').fill('Outlet Weekly');
  await dialog.getByLabel('Published (YYYY-MM-DD)').fill('2022-01-06');
  await dialog.getByLabel('URL').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeVisible();
  expect(await dialog.getByLabel('URL').evaluate((i: HTMLInputElement) => i.validationMessage)).toMatch(/http/);
  await dialog.getByLabel('URL').fill('https://example.org/story');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edited <i>title</i>');
  await page.getByRole('link', { name: '← Library' }).click();
  const item = page.locator('.library-item').filter({ hasText: 'Edited <i>title</i>' });
  await expect(item.locator('.byline')).toContainText('R. Author · Outlet Weekly');
  await expect(item.locator('time')).toHaveAttribute('datetime', '2022-01-06');
});

test('several files dropped at once are added', async ({ page }) => {
  await startApp(page);
  await page.locator('[data-drop-zone]').evaluate((zone) => {
    const data = new DataTransfer();
    data.items.add(new File(['Dropped one\nBody one'], 'one.txt', { type: 'text/plain' }));
    data.items.add(new File(['# Dropped two\nBody two'], 'two.md', { type: 'text/markdown' }));
    data.items.add(new File(['\u0000\u00ff'], 'image.png', { type: 'image/png' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('link', { name: 'Dropped one' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dropped two' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('image.png: not a file claimtrail reads (text, markdown, web page, PDF or Word .docx)');
});

test('blank lines take little room, and selected text is exactly the stored text across paragraphs', async ({ page }) => {
  await startApp(page);
  await addCorpus(page, [CORPUS_FILES[1]]);
  await openArticle(page, 'The CSTO arrives in Iraq and Syria');
  // 001 has lines made of a single no-break space: kept as paragraphs, drawn small.
  const blank = page.locator('.article-text p.blank').first();
  await expect(blank).toHaveText('\u00a0');
  const [blankHeight, textHeight] = await Promise.all([
    blank.evaluate((p) => p.getBoundingClientRect().height),
    page
      .locator('.article-text p:not(.blank)')
      .first()
      .evaluate((p) => p.getBoundingClientRect().height),
  ]);
  expect(blankHeight).toBeLessThan(textHeight / 2);

  // Select with the mouse, extend over the next paragraphs with the keyboard, then copy.
  await selectWithMouse(page, 'may be the beginning');
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowDown');
  const result = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('copy', (e) => resolve(e.clipboardData!.getData('text/plain')), { once: true });
        document.execCommand('copy');
      }),
  );
  expect(result).toMatch(/^may be the beginning[^]*\n/);
  expect(readCorpus(CORPUS_FILES[1])).toContain(result);
});

test('a saved news page becomes its article: the headline, then the body, without the page’s menus; a claim on it exports', async ({ page }) => {
  await startApp(page);
  await addFiles(page, [sharedPage('bbc-1')]);
  await expect(page.locator('#notices').getByRole('status')).toContainText('Added 1 article');
  const title = "Obama admits US gun laws are his 'biggest frustration'";
  await openArticle(page, title);
  const paragraphs = page.locator('.article-text p');
  await expect(paragraphs.first()).toHaveText(title);
  await expect(paragraphs.nth(1)).toHaveText(/^President Barack Obama has admitted that his failure to pass "common sense gun safety laws"/);
  await expect(page.locator('.article-text')).not.toContainText('Skip to content');
  await expect(page.locator('.article-text')).not.toContainText('BBC navigation');
  await expect(page.locator('.byline')).toContainText('BBC News');
  await markClaim(page, 'the greatest frustration of his presidency', 'Sourced');
  const file = await downloadJson(await exportFile(page));
  const article = file.articles[0];
  expect(article.title).toBe(title);
  expect(article.text).not.toContain('Accessibility Help');
  expect(article.claims.map((c: { exact: string }) => c.exact)).toEqual(['the greatest frustration of his presidency']);
});
