/**
 * The article of an HTML page, and its metadata. The page is parsed with DOMParser, which never
 * runs its scripts or loads its resources. Mozilla's Readability (the reader view of Firefox,
 * loaded only when a page is added) finds the article among the page's furniture; block
 * elements become lines (paragraphs) of the text, with the headline as its first line.
 */
import { HttpUrl } from '../core/format/claimtrail-v1';
import type { ArticleMeta } from '../core/model';

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'HEAD',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
]);

/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Collects lines: inline text is joined, each block boundary ends a line. */
class LineWriter {
  readonly lines: string[] = [];
  private current = '';

  write(text: string, preformatted: boolean): void {
    if (!preformatted) {
      this.current += text.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    const [first, ...rest] = text.split(/\r\n?|\n/);
    this.current += first;
    for (const line of rest) {
      this.lines.push(this.current);
      this.current = line;
    }
  }

  breakLine(): void {
    const line = this.current.replace(/^ +| +$/g, '');
    if (line) this.lines.push(line);
    this.current = '';
  }
}

function walk(node: Node, out: LineWriter, preformatted: boolean): void {
  if (node.nodeType === Node.TEXT_NODE) {
    out.write(node.nodeValue ?? '', preformatted);
    return;
  }
  if (!(node instanceof Element) || SKIPPED.has(node.tagName.toUpperCase()) || node.hasAttribute('hidden')) return;
  const tag = node.tagName.toUpperCase();
  if (tag === 'BR') {
    out.breakLine();
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) out.breakLine();
  for (const child of node.childNodes) walk(child, out, preformatted || tag === 'PRE');
  if (block) out.breakLine();
}

function metaContent(doc: Document, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const element = doc.querySelector(selector);
    const value = (element?.getAttribute('content') ?? element?.getAttribute('datetime') ?? element?.getAttribute('href') ?? element?.textContent)?.trim();
    if (value) return value;
  }
  return undefined;
}

function httpUrl(value: string | undefined): string | undefined {
  return HttpUrl.safeParse(value).success ? value : undefined;
}

/** Lines of text of a subtree, one per block. */
function linesOf(root: Node): string[] {
  const out = new LineWriter();
  walk(root, out, false);
  out.breakLine();
  return out.lines;
}

/** The text of an HTML fragment or page, one line per block (how expected articles are read to score extraction). */
export function htmlText(html: string): string {
  return linesOf(new DOMParser().parseFromString(html, 'text/html').body).join('\n');
}

/** What extracting a page gives: the article's text, its metadata, and the whole page's text. */
export interface ExtractedPage {
  text: string;
  meta: Partial<ArticleMeta>;
  /** Every line of the page's body, furniture and all. */
  pageText: string;
  /** Words of the page left out of the article. */
  leftOutWords: number;
}

const words = (text: string) => text.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;

/** The article of an HTML page, one line per block with the headline first, and its metadata. */
export async function extractHtml(html: string): Promise<ExtractedPage> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const page = linesOf(doc.body);
  const { Readability } = await import('@mozilla/readability');
  // Readability changes the document it reads: it gets a copy.
  const article = new Readability<Node>(doc.cloneNode(true) as Document, { serializer: (node) => node }).parse();
  const body = article?.content ? linesOf(article.content) : [];
  const title = article?.title?.trim() || metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'title', 'h1']);
  const lines = body.length ? (title && body[0] !== title ? [title, ...body] : body) : page;
  const text = lines.join('\n');
  const pageText = page.join('\n');
  const author = article?.byline?.trim() || metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', '[rel="author"]']);
  return {
    text,
    pageText,
    leftOutWords: Math.max(0, words(pageText) - words(text)),
    meta: {
      title,
      author: author && !httpUrl(author) ? author.replace(/^by\s+/i, '') : undefined,
      outlet: article?.siteName?.trim() || metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']),
      published:
        article?.publishedTime?.trim() ||
        metaContent(doc, [
          'meta[property="article:published_time"]',
          'meta[name="date"]',
          'meta[name="pubdate"]',
          'meta[itemprop="datePublished"]',
          'time[datetime]',
        ]),
      url: httpUrl(metaContent(doc, ['link[rel="canonical"]', 'meta[property="og:url"]'])),
    },
  };
}
