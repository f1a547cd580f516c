/** Reading the files a person adds: plain text, markdown (shown as text) and HTML. */
import type { ArticleMeta } from '../core/model';
import { extractHtml } from './html';

/** A file's article text (not yet normalised) and whatever metadata it carried. */
export interface LoadedText {
  raw: string;
  meta: Partial<ArticleMeta>;
}

/** The file types "Add articles" accepts, for the file chooser. */
export const ARTICLE_FILE_TYPES = '.txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

function kindOf(file: File): 'text' | 'html' | null {
  const name = file.name.toLowerCase();
  if (/\.(html?|xhtml)$/.test(name) || file.type === 'text/html') return 'html';
  if (/\.(txt|text|md|markdown)$/.test(name) || file.type === 'text/plain' || file.type === 'text/markdown') return 'text';
  return null;
}

/** Reads one file as an article; throws an Error whose message names the file and the problem. */
export async function readArticleFile(file: File): Promise<LoadedText> {
  const kind = kindOf(file);
  if (!kind) throw new Error(`${file.name}: not a text, markdown or HTML file (.txt, .md, .html).`);
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new Error(`${file.name}: not UTF-8 text. Save it as UTF-8 and add it again.`);
  }
  if (kind === 'html') {
    const { text, meta } = await extractHtml(raw);
    if (!text.trim()) throw new Error(`${file.name}: the page has no text in its body.`);
    return { raw: text, meta };
  }
  if (!raw.trim()) throw new Error(`${file.name}: the file is empty.`);
  return { raw, meta: {} };
}
