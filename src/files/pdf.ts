/**
 * Reading a PDF with Mozilla's PDF.js, loaded only when a PDF is added; it parses in its own
 * worker. Each page's text pieces go to core/pdf-layout.ts, which rebuilds paragraphs and the page
 * map. Nothing in the file runs: no scripts, no fonts installed, no eval.
 */
import { filled } from '../core/format/json';
import { layOutPage, pdfText, type LaidOutPage, type PdfText } from '../core/pdf-layout';

/** The PDF's text, its page map and the details its information dictionary gives. */
export interface ReadPdf extends PdfText {
  title?: string;
  author?: string;
  /** Pages in the file. */
  pageCount: number;
}

function problemOf(error: unknown, name: string): Error {
  const kind = error instanceof Error ? error.name : '';
  if (kind === 'PasswordException') return new Error(`${name}: the PDF is encrypted with a password. Open it, save a copy without the password, and add that.`);
  if (kind === 'InvalidPDFException' || kind === 'FormatError') return new Error(`${name}: not a readable PDF (the file is damaged or not a PDF).`);
  return new Error(`${name}: the PDF could not be read (${error instanceof Error ? error.message : String(error)}).`);
}

/** Reads a PDF's text, page by page; throws an Error naming the file when it cannot be read. */
export async function readPdf(bytes: Uint8Array<ArrayBuffer>, name: string): Promise<ReadPdf> {
  const [pdfjs, { default: workerSrc }] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  // PDF.js takes the bytes over: it gets a copy, so the original stays as it was to be kept.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw problemOf(error, name);
    });
    const pages: LaidOutPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const pieces = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        pieces.push({ str: item.str, x: e! - x0, y: f! - y0, width: item.width, size: Math.hypot(c!, d!) || Math.hypot(a!, b!) || item.height });
      }
      pages.push(layOutPage({ width: x1 - x0, height: y1 - y0, pieces }));
      page.cleanup();
    }
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    return { ...pdfText(pages), title: filled(info.Title), author: filled(info.Author), pageCount: doc.numPages };
  } catch (error) {
    throw error instanceof Error && error.message.startsWith(`${name}:`) ? error : problemOf(error, name);
  } finally {
    await task.destroy();
  }
}
