/**
 * Test documents made with maintained generators (pdf-lib for PDFs, fflate zipping WordprocessingML
 * for .docx): a PDF report with what real ones have (a running header, page numbers, two columns,
 * a word hyphenated at a line end, a page with no text), and the bad files claimtrail must refuse.
 */
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, PDFHexString, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

const LETTER: [number, number] = [612, 792];

function lines(page: PDFPage, font: PDFFont, text: string[], x: number, top: number, size: number, spacing: number): void {
  text.forEach((line, i) => page.drawText(line, { x, y: top - i * spacing, size, font }));
}

/** The words of the report's body, as the article should read them. */
export const REPORT_TEXT = [
  'Peacekeepers in Almaty: a field report',
  'The first column opens the report and runs down the left side of the page for several lines before it ends here.',
  'The second column is read only after the first one, even though its lines sit at the same height on the page.',
  'On the second page the report quotes a spokesman who said the troops would leave within days. The claim on this page is easy to find.',
  'Peacekeepers left Almaty on 13 January.',
  '',
].join('\n');

/** A three-page report: running header and page numbers, two columns on page 1, a hyphenated line end on page 2, page 3 blank. */
export async function reportPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Peacekeepers in Almaty');
  doc.setAuthor('Field Desk');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const furniture = (page: PDFPage, n: number) => {
    page.drawText('CSTO Monitor - Field report', { x: 50, y: 760, size: 9, font });
    page.drawText(String(n), { x: 300, y: 30, size: 9, font });
  };
  const one = doc.addPage(LETTER);
  furniture(one, 1);
  one.drawText('Peacekeepers in Almaty: a field report', { x: 50, y: 700, size: 18, font });
  lines(one, font, ['The first column opens the report and', 'runs down the left side of the page', 'for several lines before it ends here.'], 50, 660, 10, 13);
  lines(one, font, ['The second column is read only after', 'the first one, even though its lines', 'sit at the same height on the page.'], 330, 660, 10, 13);
  const two = doc.addPage(LETTER);
  furniture(two, 2);
  lines(
    two,
    font,
    ['On the second page the report quotes a spokes-', 'man who said the troops would leave within', 'days. The claim on this page is easy to find.'],
    50,
    700,
    11,
    14,
  );
  two.drawText('Peacekeepers left Almaty on 13 January.', { x: 50, y: 640, size: 11, font });
  const three = doc.addPage(LETTER);
  three.drawRectangle({ x: 100, y: 300, width: 200, height: 100, color: rgb(0.8, 0.8, 0.8) });
  return doc.save({ useObjectStreams: false });
}

/** A PDF of `pages` pages of running text (for the benchmark), each page a few paragraphs. */
export async function longPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage(LETTER);
    page.drawText('Annual report of the monitoring mission', { x: 50, y: 760, size: 9, font });
    for (let p = 0; p < 6; p++) {
      const top = 720 - p * 115;
      const paragraph = Array.from({ length: 7 }, (_, l) => `Page ${n} paragraph ${p + 1} line ${l + 1}: the mission counted the convoys again.`);
      lines(page, font, paragraph, 50, top, 10, 13);
    }
    page.drawText(`Page ${n} of ${pages}`, { x: 280, y: 30, size: 9, font });
  }
  return doc.save({ useObjectStreams: false });
}

/** A PDF whose only page is a picture: no text layer, as a scan without text recognition. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage(LETTER).drawRectangle({ x: 50, y: 50, width: 500, height: 700, color: rgb(0.9, 0.9, 0.85) });
  return doc.save();
}

/** A PDF encrypted with a user password (the standard security handler; the empty password does not open it). */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage(LETTER).drawText('Secret', { x: 50, y: 700, size: 12, font });
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -44, O: PDFHexString.of(hex(7)), U: PDFHexString.of(hex(11)) });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(hex(3).slice(0, 32)), PDFHexString.of(hex(3).slice(0, 32))]);
  return doc.save({ useObjectStreams: false });
}

/** A file named .pdf that is a damaged PDF: its header and then nothing a reader can use. */
export function corruptPdf(): Uint8Array {
  return strToU8(`%PDF-1.7\n${'this is not a PDF object\n'.repeat(200)}`);
}

/** A Word document (.docx) of these paragraphs. */
export function docx(paragraphs: readonly string[]): Uint8Array {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}
