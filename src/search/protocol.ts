/** The messages between the page and the library-index worker (index-worker.ts). */
import type { ClaimRow, Overview, QueueEntry, SearchAnswer } from '../core/library-index';

/** What the page can ask of the index, and what each answer holds. */
export interface Asks {
  search: { args: { query: string }; answer: SearchAnswer & { problems: string[] } };
  rows: { args: { query: string; me: string }; answer: { rows: ClaimRow[]; problems: string[] } };
  queue: { args: { me: string }; answer: QueueEntry[] };
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
