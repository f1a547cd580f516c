/** The messages between the page and the library-index worker (index-worker.ts). */
import type { ClaimRow, QueueEntry, ReviewQueueState, TableSort } from '../core/library-index';
import type { Overview } from '../core/library-overview';
import type { SearchAnswer } from '../core/search-answer';

/** The rows of the Claims view asked for in one go: those in view and the next screens. */
export const TABLE_BLOCK = 200;

/** What the page can ask of the index, and what each answer holds. */
export interface Asks {
  search: { args: { query: string }; answer: SearchAnswer & { problems: string[] } };
  /**
   * The Claims view's table for a filter and sort: how many rows, the first block of them, and
   * where the claim `keep` now is. The worker keeps the table's order (`version`) so the view
   * asks for rows by position as it scrolls, and 100,000 rows never cross to the page at once.
   */
  table: {
    args: { query: string; me: string; sort?: TableSort; keep?: string };
    answer: { version: number; count: number; rows: ClaimRow[]; from: number; at: number; problems: string[] };
  };
  /** Rows [from, to) of the table `version` (none when a newer table was made since). */
  tableRows: { args: { version: number; from: number; to: number }; answer: ClaimRow[] };
  /** Every claim id of the table `version`, in order: what "export these" exports. */
  tableIds: { args: { version: number }; answer: string[] };
  queue: { args: { me: string }; answer: ReviewQueueState };
  queueEntry: { args: { id: string }; answer: QueueEntry | null };
  overview: { args: Record<string, never>; answer: Overview };
}

export type AskName = keyof Asks;

export type ToIndexWorker = { type: 'start'; database: string } | { type: 'ask'; id: number; ask: AskName; args: Asks[AskName]['args'] };

export type FromIndexWorker =
  /** The index is built: how long it took, and what it holds. */
  | { type: 'ready'; ms: number; articles: number; claims: number }
  /** The index took in a change (from this tab, another, an import or the team project). */
  | { type: 'changed' }
  | { type: 'answer'; id: number; answer: Asks[AskName]['answer'] }
  | { type: 'failed'; id?: number; message: string };
