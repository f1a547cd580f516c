/** Making an export file in the export worker, from the main thread. */
import type { ExportFormatName } from '../core/format/formats';
import type { Annotator } from '../core/model';
import { workerAnswer } from './worker-answer';

/** What to export: from which database, in which format, one article or all. */
export interface ExportRequest {
  database: string;
  format: ExportFormatName;
  /** One article's claims; all articles' when absent. */
  articleId?: string;
  /** Only these claims (of any articles), when given: rows chosen in the Claims view. */
  claimIds?: readonly string[];
  annotator: Annotator;
  at: string;
  generator: string;
  /** ClaimReview's `url`: the page that publishes the fact checks. */
  reviewUrl?: string;
}

/** What the export worker made: the file (null when there was nothing to put in it), or why it failed. */
export type ExportOutcome = { status: 'made'; file: Blob | null; count: number; articles: number } | { status: 'failed'; message: string };

/**
 * Reads the claims and writes the file in a worker, so a 100,000-claim export never freezes the
 * page; only the finished file (a Blob, passed by reference) comes back.
 */
export function exportInWorker(request: ExportRequest): Promise<ExportOutcome> {
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  return workerAnswer<ExportOutcome>(worker, request, 'the export worker failed');
}
