/**
 * Telling other tabs of this app what changed in the database, so a second tab stays in step
 * without a reload. Messages are sent only after the transaction that made the change committed.
 */
import type { ClaimChange } from '../core/history';

/** What another tab needs to know: claims that changed, or that the library changed. */
export type ChangeMessage = { type: 'claims'; changes: ClaimChange[] } | { type: 'library'; articleIds: string[] };

/** One BroadcastChannel per database name; a no-op where BroadcastChannel is missing. */
export class ChangeChannel {
  private readonly channel: BroadcastChannel | null;

  constructor(name: string) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${name}:changes`);
  }

  publish(message: ChangeMessage): void {
    this.channel?.postMessage(message);
  }

  /** Calls `listener` with each message another tab publishes. */
  subscribe(listener: (message: ChangeMessage) => void): void {
    this.channel?.addEventListener('message', (event: MessageEvent<ChangeMessage>) => listener(event.data));
  }

  close(): void {
    this.channel?.close();
  }
}
