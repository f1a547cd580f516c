/**
 * What became of the annotations of another tool's file: the report `claimtrail convert
 * --report` writes and the browser shows, its reason codes, and the same report in words.
 */
import type { AnchorStatus } from '../anchor';
import type { ArticleBundle } from './export';

/** Why an annotation was not placed, as `--report` names it. */
export type ReasonCode =
  | 'no-target'
  | 'unsupported-selector'
  | 'bad-position'
  | 'not-found'
  | 'ambiguous'
  | 'other-document'
  | 'no-label'
  | 'duplicate-id'
  | 'bad-offsets'
  | 'text-mismatch';

/** One annotation that did not become a claim: its id in the file, the reason code, and why in words. */
export interface Unplaced {
  source: string;
  reason: ReasonCode;
  message: string;
}

/** One annotation that became a claim: its id in the file, the claim's id, and its words (code points). */
export interface Placed {
  source: string;
  claim: string;
  start: number;
  end: number;
  exact: string;
  status: Exclude<AnchorStatus, 'orphan'>;
}

/** What became of every annotation of a file: the shape `claimtrail convert --report` writes. */
export interface PlacementReport {
  placed: Placed[];
  unplaced: Unplaced[];
  /** Things done that the person should know of, e.g. two labels in one annotation's tags. */
  warnings: { source: string; message: string }[];
}

/** What placing a file's annotations gave. */
export interface ForeignResult {
  /** Claims and annotations waiting for a label, per article. */
  bundles: ArticleBundle[];
  anchored: Record<Exclude<AnchorStatus, 'orphan'>, number>;
  report: PlacementReport;
  total: number;
}

const REASON_WORDS: Record<ReasonCode, string> = {
  'no-target': 'selecting no words',
  'unsupported-selector': 'with selectors plain text cannot use',
  'bad-position': 'with an impossible position',
  'not-found': 'whose words are not in the text',
  ambiguous: 'whose words occur several times',
  'other-document': 'on another document',
  'no-label': 'waiting for a label',
  'duplicate-id': 'repeating another annotation’s id',
  'bad-offsets': 'with impossible offsets',
  'text-mismatch': 'whose words differ from the text at their offsets',
};

/** How many annotations of the report are written out by name; the rest are counted. */
const NAMED = 12;

/** The report in words, as the browser shows it and the command line prints it: a summary, then a line per annotation not placed. */
export function describeResult(result: ForeignResult): string[] {
  const { report } = result;
  const placed = report.placed.length;
  const how = (['exact', 'moved', 'fuzzy'] as const)
    .filter((s) => result.anchored[s])
    .map((s) => `${result.anchored[s]} ${s}`)
    .join(', ');
  const waiting = report.unplaced.filter((u) => u.reason === 'no-label').length;
  const refused = report.unplaced.length - waiting;
  const counts = [...new Set(report.unplaced.filter((u) => u.reason !== 'no-label').map((u) => u.reason))].map(
    (code) => `${report.unplaced.filter((u) => u.reason === code).length} ${REASON_WORDS[code]}`,
  );
  const summary =
    `${placed} of ${result.total} annotations placed as claims${how ? ` (${how})` : ''}.` +
    (waiting ? ` ${waiting} ${waiting === 1 ? 'waits' : 'wait'} for a label.` : '') +
    (refused ? ` ${refused} not placed: ${counts.join('; ')}.` : '');
  const lines = report.unplaced.filter((u) => u.reason !== 'no-label').map((u) => `${u.source}: ${u.message} [${u.reason}]`);
  const notes = report.warnings.map((w) => `${w.source}: ${w.message}`);
  const all = [...lines, ...notes];
  return [summary, ...all.slice(0, NAMED), ...(all.length > NAMED ? [`…and ${all.length - NAMED} more`] : [])];
}

/** The placed claims and waiting annotations of a result: what an import would store. */
export function placedCount(result: ForeignResult): number {
  return result.bundles.reduce((n, b) => n + b.claims.length + (b.unlabelled?.length ?? 0), 0);
}
