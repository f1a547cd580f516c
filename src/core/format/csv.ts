/**
 * CSV, one row per claim, for spreadsheets: RFC 4180 (CRLF rows, fields quoted when they hold a
 * comma, quote or line break, quotes doubled), UTF-8 with a byte order mark so spreadsheet
 * programs read Arabic and emoji right. Offsets are code points. A field a spreadsheet would run
 * as a formula (starting with =, +, -, @) begins with an apostrophe.
 */
import { compareClaims } from '../model';
import { OffsetIndex } from '../text';
import type { ArticleBundle } from './export';
import { placedClaims } from './foreign';

export const CSV_COLUMNS = ['article title', 'url', 'label', 'start', 'end', 'exact', 'note', 'sources', 'annotator', 'created'] as const;

/** One field, quoted when RFC 4180 asks for it, defused when a spreadsheet would run it. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV of these articles' claims, with a header row, starting with a byte order mark. */
export function toCsv(bundles: readonly ArticleBundle[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const bundle of bundles) {
    const offsets = new OffsetIndex(bundle.text);
    for (const claim of placedClaims(bundle).sort(compareClaims)) {
      const sources = claim.sources.map((s) => [s.url, s.citation ?? s.attribution?.exact].filter(Boolean).join(' — ')).join('; ');
      rows.push([
        bundle.article.title, bundle.article.url ?? '', claim.label, offsets.toCodePoint(claim.start), offsets.toCodePoint(claim.end),
        claim.exact, claim.note ?? '', sources, claim.annotator.name, claim.created,
      ].map(csvField).join(','));
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
