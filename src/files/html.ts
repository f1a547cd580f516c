/**
 * Text and metadata from an HTML page. The page is parsed with DOMParser, which never runs its
 * scripts or loads its resources; block elements become lines (paragraphs) of the text.
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

/** The text of an HTML page's body, one line per block, and the metadata its head declares. */
export function extractHtml(html: string): { text: string; meta: Partial<ArticleMeta> } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out = new LineWriter();
  walk(doc.body, out, false);
  out.breakLine();
  const author = metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', '[rel="author"]']);
  return {
    text: out.lines.join('\n'),
    meta: {
      title: metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'title', 'h1']),
      author: author && !httpUrl(author) ? author.replace(/^by\s+/i, '') : undefined,
      outlet: metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']),
      published: metaContent(doc, [
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
