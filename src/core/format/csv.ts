/**
 * CSV, one row per claim, for spreadsheets: RFC 4180 (CRLF rows, fields quoted when they hold a
 * comma, quote or line break, quotes doubled), UTF-8 with a byte order mark so spreadsheet
 * programs read Arabic and emoji right. Offsets are code points. Following OWASP's CSV injection
 * guidance, a text field a spreadsheet could run as a formula — one whose first character past
 * any spacing or line breaks is =, +, -, @ (or their fullwidth forms), or that starts with a tab
 * or CR — begins with an apostrophe; and every field holding a separator of any common locale
 * (comma, semicolon, tab) is quoted, so no cell can split into a column that starts a formula.
 */
import { compareClaims } from '../model';
import { OffsetIndex } from '../text';
import { claimPages, placedClaims, type ArticleBundle } from './export';

/** Pages of a paged original as a spreadsheet shows them: "2", "2-3", or nothing. */
const pageRange = (pages: readonly number[] | undefined) =>
  !pages?.length ? '' : pages.length === 1 ? String(pages[0]) : `${pages[0]}-${pages[pages.length - 1]}`;

export const CSV_COLUMNS = ['article title', 'url', 'label', 'start', 'end', 'exact', 'note', 'sources', 'annotator', 'created', 'pages'] as const;

/** A text a spreadsheet might take as a formula. */
const FORMULA = /^(?:[\t\r]|[\s\u00a0\u2000-\u200b\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20])/u;

/** One field, quoted when RFC 4180 or a locale's separator asks for it, defused when a spreadsheet would run it. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV of these articles' claims, with a header row, starting with a byte order mark. */
export function toCsv(bundles: readonly ArticleBundle[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const bundle of bundles) {
    const offsets = new OffsetIndex(bundle.text);
    for (const claim of placedClaims(bundle).sort(compareClaims)) {
      const sources = claim.sources.map((s) => [s.url, s.citation ?? s.attribution?.exact].filter(Boolean).join(' — ')).join('; ');
      rows.push(
        [
          bundle.article.title,
          bundle.article.url ?? '',
          claim.label,
          offsets.toCodePoint(claim.start),
          offsets.toCodePoint(claim.end),
          claim.exact,
          claim.note ?? '',
          sources,
          claim.annotator.name,
          claim.created,
          pageRange(claimPages(bundle.article, claim)),
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
