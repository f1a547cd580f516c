/**
 * The article of an HTML page, and its metadata. The page is parsed with DOMParser, which never
 * runs its scripts or loads its resources. Mozilla's Readability (the reader view of Firefox,
 * loaded only when a page is added) finds the article among the page's furniture; block
 * elements become lines (paragraphs) of the text, with the headline as its first line.
 */
import { HttpUrl, LanguageTag } from '../core/format/claimtrail-v1';
import { pageScore, tokens } from '../core/extraction-score';
import { filled, isObject, list } from '../core/format/json';
import type { ArticleFacts, ArticleMeta } from '../core/model';

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

/** What extracting a page gives: the article's text, its details, and what else the page said of itself. */
export interface ExtractedPage {
  text: string;
  meta: Partial<ArticleMeta>;
  /** Its language and direction, and how many of the page's words were left out. */
  facts: ArticleFacts;
}

/** The parts of a schema.org Article in a page's JSON-LD that claimtrail reads. */
interface LdArticle {
  headline?: string;
  articleBody?: string;
  authors: string[];
  datePublished?: string;
  publisher?: string;
  inLanguage?: string;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;
const nameOf = (value: unknown): string | undefined => filled(value) ?? (isObject(value) ? filled(value.name) : undefined);

/** The first Article (NewsArticle, ReportageNewsArticle, BlogPosting…) in the page's JSON-LD, @graph included. */
function jsonLdArticle(doc: Document): LdArticle | undefined {
  const queue: unknown[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      queue.push(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is its own affair: the rest of the page is still read.
    }
  }
  while (queue.length) {
    const node = queue.shift();
    if (Array.isArray(node)) queue.push(...(node as unknown[]));
    if (!isObject(node)) continue;
    if (node['@graph']) queue.push(node['@graph']);
    if (!list(node['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) continue;
    return {
      headline: filled(node.headline),
      articleBody: filled(node.articleBody),
      authors: list(node.author)
        .map(nameOf)
        .filter((n): n is string => !!n),
      datePublished: filled(node.datePublished),
      publisher: nameOf(node.publisher),
      inLanguage: filled(node.inLanguage),
    };
  }
  return undefined;
}

/**
 * Readies a page for Readability: navigation goes, and text a script would have shown comes in
 * (`<noscript>` and `<template>` holding paragraphs are unwrapped: Readability drops both).
 */
function prepareForReading(doc: Document): void {
  // Navigation is never the article (Readability keeps it when the article is not in a container of its own).
  for (const nav of doc.body.querySelectorAll('nav, [role="navigation"]')) nav.remove();
  for (const holder of doc.body.querySelectorAll('noscript, template')) {
    const content = holder instanceof HTMLTemplateElement ? holder.content : holder;
    if (!content.querySelector('p') && (content.textContent ?? '').trim().length < 200) continue;
    holder.replaceWith(...content.childNodes);
  }
}

type Readable = {
  title: string | null | undefined;
  byline: string | null | undefined;
  siteName: string | null | undefined;
  publishedTime: string | null | undefined;
  lang: string | null | undefined;
  dir: string | null | undefined;
  lines: string[];
};

/** Readability's article of a document (it changes the document it reads: pass a copy). */
async function readable(doc: Document): Promise<Readable | undefined> {
  const { Readability } = await import('@mozilla/readability');
  const article = new Readability<Node>(doc, { serializer: (node) => node }).parse();
  return article ? { ...article, lines: article.content ? linesOf(article.content) : [] } : undefined;
}

/**
 * The body lines of a page's article: Readability's, unless the page's JSON-LD carries an
 * `articleBody` that Readability's text misses most of (a page whose script draws the story).
 */
function bodyLines(article: Readable | undefined, ld: LdArticle | undefined): string[] {
  const lines = article?.lines ?? [];
  const ldBody = ld?.articleBody;
  if (!ldBody || tokens(ldBody).length < 50 || pageScore(lines.join('\n'), ldBody).recall >= 0.8) return lines;
  return ldBody
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * The article of an HTML page, one line per block with the headline first, and its details.
 * `savedFrom`: where the page was saved from (an MHTML file says), the address when the page names none.
 */
export async function extractHtml(html: string, savedFrom?: string): Promise<ExtractedPage> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const page = linesOf(doc.body);
  const ld = jsonLdArticle(doc);
  prepareForReading(doc);
  const article = await readable(doc.cloneNode(true) as Document);
  const body = bodyLines(article, ld);
  const title = ld?.headline || article?.title?.trim() || metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'title', 'h1']);
  const lines = body.length ? (title && body[0] !== title ? [title, ...body] : body) : page;
  const text = lines.join('\n');
  const pageText = page.join('\n');
  const author =
    article?.byline?.trim() ||
    (ld?.authors.length ? ld.authors.join(', ') : undefined) ||
    metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', '[rel="author"]']);
  const lang = (article?.lang || ld?.inLanguage || doc.documentElement.lang || '').trim();
  const dir = (article?.dir || doc.documentElement.dir || doc.body.dir || '').toLowerCase();
  return {
    text,
    facts: {
      ...(LanguageTag.safeParse(lang).success ? { lang } : {}),
      ...(dir === 'rtl' || dir === 'ltr' ? { dir } : {}),
      leftOutWords: Math.max(0, tokens(pageText).length - tokens(text).length),
    },
    meta: {
      title,
      author: author && !httpUrl(author) ? author.replace(/^by\s+/i, '') : undefined,
      outlet: article?.siteName?.trim() || ld?.publisher || metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']),
      published:
        article?.publishedTime?.trim() ||
        ld?.datePublished ||
        metaContent(doc, [
          'meta[property="article:published_time"]',
          'meta[name="date"]',
          'meta[name="pubdate"]',
          'meta[itemprop="datePublished"]',
          'time[datetime]',
        ]),
      url: httpUrl(metaContent(doc, ['link[rel="canonical"]', 'meta[property="og:url"]'])) ?? httpUrl(savedFrom),
    },
  };
}
