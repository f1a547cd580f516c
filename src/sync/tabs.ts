/**
 * One tab syncs. The tabs of one browser share one library and one PouchDB replica, so only the
 * tab holding a Web Lock named for the project runs TeamSync; the others show that tab's status
 * and see what it applies through the store's change channel (their own changes reach it the
 * same way, and it sends them). When the syncing tab closes, the lock passes to a waiting tab,
 * which takes over. Tabs also tell each other when a project is connected or disconnected.
 */
import type { TeamProject } from '../store/db';
import type { SyncStatus } from './status';

/** What the tabs of one browser say to each other about the team project. */
export type TabMessage =
  /** A project was connected (or, null, disconnected) in another tab. */
  | { type: 'project'; project: TeamProject | null }
  /** Where sync stands, from the tab that syncs. */
  | { type: 'status'; status: SyncStatus }
  /** A tab that does not sync asks for the status. */
  | { type: 'ask' }
  /** Keep one version of a document changed in two places (see TeamSync.keepVersion). */
  | { type: 'keep'; id: string; rev: string; stamp: Record<string, unknown> };

/** What a tab does with what the others say. */
export interface TabHandlers {
  project(project: TeamProject | null): void;
  status(status: SyncStatus): void;
  keep(id: string, rev: string, stamp: Record<string, unknown>): void;
}

const CHANNEL = 'claimtrail-team';

export class SyncTabs {
  private readonly channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  /** Lets go of the lock this tab holds, or gives up waiting for it. */
  private resignation: (() => void) | null = null;
  private holding = false;
  private last: SyncStatus | null = null;

  constructor(private readonly handlers: TabHandlers) {
    this.channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => this.receive(event.data));
  }

  /** True while this tab holds the lock and syncs. */
  get leading(): boolean {
    return this.holding;
  }

  /**
   * Runs `start` once this tab holds the project's lock: now, or when the tab holding it closes
   * or disconnects. Meanwhile the status comes from that tab. Resolves when this tab holds it.
   */
  lead(project: TeamProject, start: () => void): Promise<void> {
    this.resign();
    if (!navigator.locks) {
      this.holding = true;
      this.resignation = () => (this.holding = false);
      start();
      return Promise.resolve();
    }
    const waiting = new AbortController();
    let release = () => waiting.abort();
    this.resignation = () => release();
    const name = `${CHANNEL}:${project.server}/${project.database}:${project.user}`;
    const held = new Promise<void>((granted) => {
      navigator.locks
        .request(name, { signal: waiting.signal }, () => {
          this.holding = true;
          granted();
          return new Promise<void>((resolve) => {
            release = () => {
              this.holding = false;
              resolve();
            };
            start();
          });
        })
        .catch(() => undefined); // given up while waiting
    });
    this.post({ type: 'ask' });
    return held;
  }

  /** Lets go of the lock (another tab may take over), or stops waiting for it. */
  resign(): void {
    this.resignation?.();
    this.resignation = null;
    this.last = null;
  }

  /** Tells the other tabs where sync stands; only the syncing tab's word counts. */
  status(status: SyncStatus): void {
    if (!this.holding) return;
    this.last = status;
    this.post({ type: 'status', status });
  }

  /** Tells the other tabs that this tab connected `project` (or disconnected, null). */
  project(project: TeamProject | null): void {
    this.post({ type: 'project', project });
  }

  /** Asks the syncing tab to keep a version. */
  keep(id: string, rev: string, stamp: Record<string, unknown>): void {
    this.post({ type: 'keep', id, rev, stamp });
  }

  private post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  private receive(message: TabMessage): void {
    if (message.type === 'project') this.handlers.project(message.project);
    else if (message.type === 'status' && !this.holding) this.handlers.status(message.status);
    else if (message.type === 'ask' && this.holding && this.last) this.post({ type: 'status', status: this.last });
    else if (message.type === 'keep' && this.holding) this.handlers.keep(message.id, message.rev, message.stamp);
  }
}
