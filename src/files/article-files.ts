/**
 * Reading the files a person adds: plain text, markdown (shown as text), web pages (HTML and
 * MHTML: their article, see html.ts), PDFs (their pages, see pdf.ts) and Word files (.docx).
 * Readers of the larger kinds load only when such a file is added.
 */
import { mhtmlPage } from '../core/mhtml';
import type { ArticleFacts, ArticleMeta } from '../core/model';
import { extractHtml, type ExtractedPage } from './html';

/** A file's article text (not yet normalised), whatever details it carried, and its bytes. */
export interface LoadedText {
  raw: string;
  meta: Partial<ArticleMeta>;
  facts: ArticleFacts;
  bytes: Uint8Array<ArrayBuffer>;
}

/** The file types "Add articles" accepts, for the file chooser. */
export const ARTICLE_FILE_TYPES =
  '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.mhtml,.mht,.pdf,.docx,text/plain,text/markdown,text/html,multipart/related,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The largest file added: a bigger one is refused before it is read. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

type Kind = 'text' | 'html' | 'mhtml' | 'pdf' | 'docx';

/** What a file is, by its name's ending or its media type. */
function kindOf(fileName: string, type = ''): Kind | null {
  const name = fileName.toLowerCase();
  if (/\.(html?|xhtml)$/.test(name) || type === 'text/html') return 'html';
  if (/\.(mhtml|mht)$/.test(name) || type === 'multipart/related' || type === 'message/rfc822') return 'mhtml';
  if (/\.pdf$/.test(name) || type === 'application/pdf') return 'pdf';
  if (/\.docx$/.test(name) || type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (/\.(txt|text|md|markdown)$/.test(name) || type === 'text/plain' || type === 'text/markdown') return 'text';
  return null;
}

function utf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${name}: not UTF-8 text. Save it as UTF-8 and add it again.`);
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A web page's article, or an error naming the file when the page has no text. */
function pageArticle(page: ExtractedPage, name: string): Omit<LoadedText, 'bytes'> {
  if (!page.text.trim()) throw new Error(`${name}: the page has no text in its body.`);
  return { raw: page.text, meta: page.meta, facts: page.facts };
}

/** The page of an MHTML file, or an error naming the file. */
function mhtmlHtml(bytes: Uint8Array, name: string): { html: string; url?: string } {
  try {
    return mhtmlPage(new TextDecoder('latin1').decode(bytes));
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** The HTML of a saved page (an .html file or the page part of an .mhtml one), for extracting it again. */
export function savedPageHtml(bytes: Uint8Array, name: string, type?: string): string {
  return kindOf(name, type) === 'mhtml' ? mhtmlHtml(bytes, name).html : utf8(bytes, name);
}

async function readKind(kind: Kind, bytes: Uint8Array<ArrayBuffer>, name: string): Promise<Omit<LoadedText, 'bytes'>> {
  switch (kind) {
    case 'html':
      return pageArticle(await extractHtml(utf8(bytes, name)), name);
    case 'mhtml': {
      const { html, url } = mhtmlHtml(bytes, name);
      return pageArticle(await extractHtml(html, url), name);
    }
    case 'pdf': {
      const { readPdf } = await import('./pdf');
      const pdf = await readPdf(bytes, name);
      if (!pdf.text.trim()) {
        throw new Error(
          `${name}: the PDF has no text layer (${pdf.pageCount} page${pdf.pageCount === 1 ? '' : 's'}, probably scanned). Run text recognition (OCR) on it and add the result.`,
        );
      }
      return { raw: pdf.text, meta: { title: pdf.title, author: pdf.author }, facts: { pages: pdf.pages } };
    }
    case 'docx': {
      const { readDocx } = await import('./docx');
      const raw = await readDocx(bytes, name);
      if (!raw.trim()) throw new Error(`${name}: the document has no text.`);
      return { raw, meta: {}, facts: {} };
    }
    case 'text': {
      const raw = utf8(bytes, name);
      if (!raw.trim()) throw new Error(`${name}: the file is empty.`);
      return { raw, meta: {}, facts: {} };
    }
  }
}

/** Whether a file is read without the page's DOM or PDF reader (plain text and markdown): then a worker reads it. */
export function readsWithoutPage(file: File): boolean {
  return kindOf(file.name, file.type) === 'text';
}

/** Reads one file as an article; throws an Error whose message names the file and the problem. */
export async function readArticleFile(file: File): Promise<LoadedText> {
  const kind = kindOf(file.name, file.type);
  if (!kind) throw new Error(`${file.name}: not a file claimtrail reads (text, markdown, web page, PDF or Word .docx).`);
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name}: ${megabytes(file.size)} is larger than the ${megabytes(MAX_FILE_BYTES)} claimtrail reads.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { ...(await readKind(kind, bytes, file.name)), bytes };
}
