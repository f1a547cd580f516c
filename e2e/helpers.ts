/** Shared steps for the end-to-end specs: start the app, add corpus files, select text, read claims. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, type Browser, type Download, type Page } from '@playwright/test';
import { corpusPath } from '../src/testing/corpus';
import type { JsonFile } from '../src/testing/json';

export { CORPUS_FILES, corpusPath, readCorpus, sharedPage } from '../src/testing/corpus';

/** Writes `content` to a new temporary file named `name`, for a file chooser; returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'claimtrail-')), name);
  writeFileSync(path, content);
  return path;
}

/** Opens the app in a fresh profile and answers the first-start name question. */
export async function startApp(page: Page, name = 'Ana'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Your name, shown on the claims you make').fill(name);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('body[data-ready]')).toBeAttached();
}

/** Adds files through the "Add articles" file chooser. */
export async function addFiles(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add articles' }).first().click();
  await (await chooser).setFiles(paths);
}

/** Imports annotation files (claimtrail, W3C, Hypothesis, brat zips) through the "Import annotations" file chooser. */
export async function importFiles(page: Page, paths: string | string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import annotations' }).click();
  await (await chooser).setFiles(paths);
}

/** Adds corpus files by name through the file chooser and waits until the library lists them all. */
export async function addCorpus(page: Page, files: readonly string[]): Promise<void> {
  await addFiles(page, files.map(corpusPath));
  await expect(page.locator('#notices').getByRole('status')).toContainText(/Added \d+ article/);
}

/** Opens an article from the library by (part of) its title. */
export async function openArticle(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.locator('.article-text')).toBeVisible();
}

/**
 * Selects the `nth` occurrence of `exact` in the article text by dragging the mouse from its
 * first character to its last (left-to-right text).
 */
export async function selectWithMouse(page: Page, exact: string, nth = 0): Promise<void> {
  const points = await page.evaluate(
    ([target, occurrence]) => {
      const paragraphs = [...document.querySelectorAll('.article-text p')];
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      paragraphs.forEach((p, i) => {
        if (i) text += '\n';
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n as Text, start: text.length });
          text += (n as Text).data;
        }
      });
      let at = -1;
      for (let k = 0; k <= occurrence; k++) at = text.indexOf(target, at + 1);
      if (at < 0) throw new Error(`"${target}" is not in the article text`);
      const ownerOf = (offset: number) => nodes.filter((n) => n.start <= offset).pop()!;
      // Bring the words into view first, as a person scrolls to what they want to select.
      ownerOf(at).node.parentElement!.scrollIntoView({ block: 'center' });
      const rectOf = (offset: number) => {
        const owner = ownerOf(offset);
        const range = document.createRange();
        range.setStart(owner.node, offset - owner.start);
        range.setEnd(owner.node, offset - owner.start + 1);
        return range.getClientRects()[0]!;
      };
      const first = rectOf(at);
      const last = rectOf(at + target.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    [exact, nth] as const,
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

/** Selects text by DOM offsets inside one paragraph (for right-to-left text, where mouse x is not reading order). */
export async function selectInParagraph(page: Page, paragraphText: string, start: number, end: number): Promise<void> {
  await page.locator('.article-text').evaluate(
    (root, [needle, a, b]) => {
      const p = [...root.querySelectorAll('p')].find((el) => el.textContent.includes(needle))!;
      const node = p.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, a);
      range.setEnd(node, b);
      (root as HTMLElement).focus();
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [paragraphText, start, end] as const,
  );
}

/** Selects `exact` with the mouse and labels it with the toolbar button. */
export async function markClaim(page: Page, exact: string, label: 'Sourced' | 'Disputed' | 'Opinion', nth = 0): Promise<void> {
  const before = await page.locator('.claim-entry').count();
  await selectWithMouse(page, exact, nth);
  await page.getByRole('toolbar', { name: 'Label the selected claim' }).getByRole('button', { name: label, exact: true }).click();
  await expect(page.locator('.claim-entry')).toHaveCount(before + 1);
}

/** The claims the panel lists, in order: label and quote. */
export async function panelClaims(page: Page): Promise<{ label: string; quote: string }[]> {
  return page.locator('.claim-entry').evaluateAll((entries) =>
    entries.map((e) => ({
      label: e.querySelector('.label-tag')!.textContent,
      quote: e.querySelector('q')!.textContent,
    })),
  );
}

/** The highlights drawn in the text, one per claim: its label and the text it covers, sorted by text. */
export async function highlights(page: Page): Promise<{ label: string; text: string }[]> {
  return page.locator('.article-text').evaluate((root) => {
    const claims = new Map<string, { label: string; text: string; paragraph: Element | null }>();
    for (const mark of root.querySelectorAll('mark[data-claim-id]')) {
      const id = mark.getAttribute('data-claim-id')!;
      const paragraph = mark.closest('p');
      const claim = claims.get(id);
      // A claim across lines is drawn as several marks: join them as the text joins its lines.
      if (claim) {
        claim.text += (claim.paragraph === paragraph ? '' : '\n') + mark.textContent;
        claim.paragraph = paragraph;
      } else {
        const label = [...mark.classList].find((c) => /^claim-(sourced|disputed|opinion)$/.test(c))!.slice(6);
        claims.set(id, { label, text: mark.textContent, paragraph });
      }
    }
    return [...claims.values()].map(({ label, text }) => ({ label, text })).sort((a, b) => a.text.localeCompare(b.text));
  });
}

/** The JSON of a finished download. */
export async function downloadJson(download: Download): Promise<JsonFile> {
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

/** Clicks Export and returns the download. */
export async function exportFile(page: Page): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  return download;
}

/** axe-core's serious and critical violations on the page (or inside `include`), as readable lines. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSchema = ajv.compile(JSON.parse(readFileSync(new URL('../schemas/claimtrail-v1.schema.json', import.meta.url), 'utf8')));

/** The errors of a file against the published JSON Schema (an empty list when it is valid). */
export function validateExport(file: unknown): string[] {
  return validateSchema(file) ? [] : (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** A claim to mark: the words (and which occurrence), and the label. */
export type Mark = [words: string, label: 'Sourced' | 'Disputed' | 'Opinion', nth?: number];

/**
 * Another person annotating in their own browser profile: adds the corpus file, marks the
 * claims on `article`, exports, and returns the export saved at `path`.
 */
export async function annotateElsewhere(browser: Browser, name: string, corpusFile: string, article: RegExp, marks: Mark[], path: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await startApp(page, name);
  await addCorpus(page, [corpusFile]);
  await openArticle(page, article);
  for (const [words, label, nth] of marks) await markClaim(page, words, label, nth);
  await (await exportFile(page)).saveAs(path);
  await context.close();
  return path;
}
