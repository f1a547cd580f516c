/**
 * The Team button, its dialog and the sync status in the header. Connecting signs in, checks
 * membership, makes the CouchDB user name this library's annotator id, offers to publish the
 * claims made before, and starts sync; disconnecting stops it and leaves every claim in place.
 * The password lives only in this dialog and the running sync (memory), never in storage.
 */
import { serverUrlProblem } from '../core/format/couch';
import { errorMessage } from '../core/errors';
import type { Annotator } from '../core/model';
import type { Store, TeamProject } from '../store/db';
import { resumeSession, signIn, type Access } from '../sync/session';
import { statusText, type SyncStatus } from '../sync/status';
import { SyncTabs } from '../sync/tabs';
import type { TeamIntent, TeamSync } from '../sync/team-sync';
import { confirmDialog } from './dialogs';
import { h } from './dom';
import type { Notices } from './notices';

/** What the team part needs of the app. */
export interface TeamHost {
  store: Store;
  notices: Notices;
  annotator(): Annotator;
  /** Makes `annotator` this library's annotator (the team user name is its id). */
  becomeAnnotator(annotator: Annotator): Promise<void>;
  /** The one place sync's intents are handled. */
  handle(intent: TeamIntent): Promise<void>;
}

export class Team {
  readonly button = h('button', { type: 'button', id: 'team-button', 'aria-haspopup': 'dialog' }, 'Team');
  /** Hidden while no project is connected. */
  readonly statusLine = h('span', { role: 'status', id: 'team-status', class: 'team-status', hidden: true });
  private sync: TeamSync | null = null;
  /** This tab among the others: whether it syncs, or shows the status of the one that does. */
  private readonly tabs = new SyncTabs({
    project: (next) => void this.follow(next).catch((error: unknown) => this.host.notices.error(errorMessage(error))),
    status: (status) => this.show(status),
    keep: (id, rev, stamp) => void this.keepVersion(id, rev, stamp).catch((error: unknown) => this.host.notices.error(errorMessage(error))),
  });
  private project: TeamProject | null = null;

  constructor(private readonly host: TeamHost) {
    this.button.addEventListener('click', () => this.openDialog());
  }

  /**
   * Resumes the project connected last time (`project`, read as the page starts, before it says
   * it is ready, so a project connected in another tab a moment later is followed, not resumed
   * here as well), when the server still knows this browser's session.
   */
  async resume(project: TeamProject | undefined): Promise<void> {
    if (!project) return;
    this.project = project;
    this.show({ state: 'connecting' });
    const access = await resumeSession(project);
    if (!access.ok) return this.refused(access);
    await this.startSync(project);
  }

  /** Shows a sync status in the header. */
  show(status: SyncStatus): void {
    this.statusLine.hidden = !this.project;
    this.statusLine.textContent = this.project ? statusText(status) : '';
    this.statusLine.dataset.state = status.state;
    this.statusLine.title = this.project ? `${this.project.database} on ${this.project.server}, as ${this.project.user}` : '';
    this.tabs.status(status);
  }

  /**
   * Keeps one version of a document changed in two places (see TeamSync.keepVersion), here or
   * in the tab that syncs; false when no project is connected.
   */
  async keepVersion(id: string, rev: string, stamp: Record<string, unknown>): Promise<boolean> {
    if (this.sync) await this.sync.keepVersion(id, rev, stamp);
    else if (this.project) this.tabs.keep(id, rev, stamp);
    else return false;
    return true;
  }

  private refused(access: Exclude<Access, { ok: true }>): void {
    this.show(
      access.reason === 'not-member'
        ? { state: 'not-member' }
        : access.reason === 'sign-in-failed'
          ? { state: 'sign-in-failed' }
          : { state: 'unreachable', count: 0 },
    );
  }

  /** Syncs `project` in this tab once it holds the project's lock (see sync/tabs.ts); until then shows the status of the tab that does. */
  private async startSync(project: TeamProject, password?: string): Promise<void> {
    await this.stopSync();
    const serial = ++this.syncSerial;
    this.leading = this.tabs.lead(project, () => {
      void (async () => {
        // PouchDB is loaded only by libraries that sync: the others never download it.
        const { TeamSync } = await import('../sync/team-sync');
        if (serial !== this.syncSerial) return;
        this.sync = new TeamSync(project, this.host.store, (intent) => this.host.handle(intent), password);
        await this.sync.start();
      })().catch((error: unknown) => this.host.notices.error(`Team sync could not start: ${errorMessage(error)}`));
    });
  }

  /** Counts starts and stops, so a start still loading PouchDB after a stop does nothing. */
  private syncSerial = 0;
  /** Resolves once this tab holds the project's lock (see startSync). */
  private leading: Promise<void> = Promise.resolve();

  /** Stops syncing here, then lets another tab take the lock. */
  private async stopSync(): Promise<void> {
    this.syncSerial++;
    const sync = this.sync;
    this.sync = null;
    await sync?.stop();
    this.tabs.resign();
  }

  /** Another tab connected a project (or disconnected, null): this tab follows, under the same user name. */
  private async follow(next: TeamProject | null): Promise<void> {
    await this.stopSync();
    this.project = next;
    this.show({ state: 'connecting' });
    if (!next) return;
    const annotator = this.host.annotator();
    if (annotator.id !== next.user) await this.host.becomeAnnotator({ id: next.user, name: annotator.name });
    await this.startSync(next);
  }

  private openDialog(): void {
    const field = (name: string, label: string, type: string, value: string, autocomplete: string) => {
      const input = h('input', { id: `team-${name}`, name, type, required: true, autocomplete });
      input.value = value;
      return { input, row: h('div', { class: 'field' }, h('label', { for: `team-${name}` }, label), input) };
    };
    const p = this.project;
    const server = field('server', 'Server', 'url', p?.server ?? '', 'url');
    const database = field('database', 'Database', 'text', p?.database ?? '', 'off');
    const user = field('user', 'User name', 'text', p?.user ?? '', 'username');
    const password = field('password', 'Password', 'password', '', 'current-password');
    const message = h('p', { class: 'dialog-message', role: 'alert' });
    const connect = h('button', { type: 'submit', class: 'primary' }, 'Connect');
    const disconnect = h('button', { type: 'button', hidden: !p }, 'Disconnect');
    const close = h('button', { type: 'button' }, 'Close');
    const form = h(
      'form',
      { method: 'dialog' },
      h('p', {}, 'Sync this library with your team’s CouchDB database. Your password is sent only to that server and is not stored.'),
      server.row,
      database.row,
      user.row,
      password.row,
      message,
      h('div', { class: 'dialog-actions' }, disconnect, close, connect),
    );
    const dialog = h('dialog', { 'aria-labelledby': 'team-title' }, h('h2', { id: 'team-title' }, 'Team project'), form);
    document.body.append(dialog);
    const finish = () => {
      dialog.close();
      dialog.remove();
    };
    close.addEventListener('click', finish);
    disconnect.addEventListener('click', () => {
      void this.disconnect().then(finish, (error: unknown) => (message.textContent = errorMessage(error)));
    });
    server.input.addEventListener('input', () => server.input.setCustomValidity(''));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      server.input.setCustomValidity(serverUrlProblem(server.input.value.trim()) ?? '');
      if (!form.reportValidity()) return;
      const project = { server: server.input.value.trim().replace(/\/+$/, ''), database: database.input.value.trim(), user: user.input.value.trim() };
      connect.disabled = true;
      message.textContent = 'Signing in…';
      void this.connect(project, password.input.value)
        .then((problem) => {
          if (problem) message.textContent = problem;
          else finish();
        })
        .catch((error: unknown) => (message.textContent = errorMessage(error)))
        .finally(() => (connect.disabled = false));
    });
    dialog.showModal();
  }

  /** Signs in and starts sync: null when connected, else what went wrong. */
  private async connect(project: TeamProject, password: string): Promise<string | null> {
    const access = await signIn(project, password);
    if (!access.ok) return access.message;
    const before = this.host.annotator();
    const known = await this.host.store.team.project();
    const again = known?.server === project.server && known.database === project.database && known.user === project.user;
    await this.host.store.team.setProject(project);
    this.project = project;
    if (before.id !== project.user) await this.host.becomeAnnotator({ id: project.user, name: before.name });
    // Signing in again to the same project: what was made since is in the outbox already.
    if (!again) await this.offerEarlierClaims(before, project.user);
    await this.startSync(project, password);
    // The tab connected in syncs: the other tabs hear of the project once it holds the lock
    // (or, if another tab of this browser already syncs it, after a moment).
    await Promise.race([this.leading, new Promise((resolve) => setTimeout(resolve, 3000))]);
    this.tabs.project(project);
    this.host.notices.status(`Connected to ${project.database} as ${project.user}.`);
    return null;
  }

  /**
   * What this library made before connecting (claims and waiting annotations under this user's
   * ids, relations and claim threads): asks before publishing it under the user name.
   */
  private async offerEarlierClaims(before: Annotator, user: string): Promise<void> {
    const work = await this.host.store.team.earlierWork([...new Set([before.id, user])]);
    const links = work.relations.length + work.threads.length;
    const parts = [
      count(work.claims.length, 'claim'),
      count(work.unlabelled.length, 'annotation waiting for a label', 'annotations waiting for a label'),
      count(links, 'link between articles or claims', 'links between articles or claims'),
    ].filter((part): part is string => part !== null);
    if (!parts.length) return;
    const publish = await confirmDialog({
      title: 'Publish your earlier claims?',
      text: `You made ${listed(parts)} in this library before connecting. Publish ${work.claims.length + work.unlabelled.length + links === 1 ? 'it' : 'them'} to ${this.project?.database ?? 'the project'} under the name ${user}? If not, they stay in this library only.`,
      yes: 'Publish',
      no: 'Keep them here only',
    });
    if (!publish) return;
    await this.host.store.team.publishEarlier(work, { id: user, name: this.host.annotator().name });
  }

  private async disconnect(): Promise<void> {
    this.tabs.project(null);
    await this.stopSync();
    await this.host.store.team.setProject(null);
    this.project = null;
    this.show({ state: 'connecting' });
    this.host.notices.status('Disconnected from the team project. Every claim stays in this library.');
  }
}

/** "3 claims", "1 claim", or null for none. */
function count(n: number, one: string, many = `${one}s`): string | null {
  return n ? `${n.toLocaleString('en')} ${n === 1 ? one : many}` : null;
}

/** "a", "a and b", "a, b and c". */
function listed(parts: readonly string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}
