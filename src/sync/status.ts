/** Where sync with the team project stands, and how the header says it. */

export type SyncStatus =
  | { state: 'connecting' }
  | { state: 'syncing'; done: number; total: number }
  | { state: 'synced'; at: Date }
  | { state: 'waiting'; count: number }
  | { state: 'offline'; count: number }
  | { state: 'sign-in-failed' }
  | { state: 'not-member' }
  | { state: 'unreachable'; count: number };

const changes = (n: number) => (n === 1 ? '1 change waiting' : `${n.toLocaleString('en')} changes waiting`);

/** The status in words, as the header shows it. */
export function statusText(status: SyncStatus): string {
  switch (status.state) {
    case 'connecting':
      return 'Connecting…';
    case 'syncing':
      return status.total > 0 ? `Syncing… ${status.done.toLocaleString('en')} of ${status.total.toLocaleString('en')}` : 'Syncing…';
    case 'synced':
      return `Synced ${status.at.toLocaleTimeString('en-GB')}`;
    case 'waiting':
      return changes(status.count);
    case 'offline':
      return `Offline — your changes are kept${status.count ? ` (${changes(status.count)})` : ''}`;
    case 'sign-in-failed':
      return 'Sign-in failed';
    case 'not-member':
      return 'Not a member of this project';
    case 'unreachable':
      return `Server unreachable — retrying${status.count ? ` (${changes(status.count)})` : ''}`;
  }
}
