/**
 * Writes the page has started but IndexedDB has not yet committed. An action is recorded here
 * (in localStorage, synchronously, in the same task as the person's action) before its write
 * starts, and forgotten once the write settles. While any is in flight the page asks before it
 * unloads; what a closed page never stored is found on the next start, put back when nothing has
 * changed it since, and said either way. Drafts of notes are kept here too, as they are typed.
 */
import type { ClaimChange } from '../core/history';
import { newId, type Claim, type ClaimComment } from '../core/model';
import type { Store } from '../store/db';

/** What a write in flight would store, so it can be put back. */
export type Pending =
  | { kind: 'claims'; changes: ClaimChange[] }
  | { kind: 'comment'; comment: ClaimComment }
  /** An annotation waiting for a label that was given one. */
  | { kind: 'labelled'; claim: Claim };

/** One write in flight: which tab started it, when, what it was (in words) and what it stores. */
export interface JournalEntry {
  id: string;
  tab: string;
  at: number;
  what: string;
  pending: Pending;
}

/** How long typing pauses before the draft is kept. */
const DRAFT_DELAY_MS = 300;

/** Entries of another tab count as left over once they are this old (that tab is gone, or its write failed silently). */
const OTHER_TAB_GRACE_MS = 60_000;

export class WriteJournal {
  private readonly tab: string;
  private inFlight = 0;

  constructor(
    private readonly name: string,
    private readonly storage: Storage = localStorage,
    session: Storage = sessionStorage,
  ) {
    // sessionStorage outlives a reload of the same tab: the tab keeps its id across it.
    this.tab = session.getItem('claimtrail:tab') ?? newId();
    session.setItem('claimtrail:tab', this.tab);
    window.addEventListener('beforeunload', (event) => {
      this.flushDraft();
      if (this.inFlight) event.preventDefault();
    });
    window.addEventListener('pagehide', () => this.flushDraft());
  }

  /** The draft typed last and not yet kept, and when it will be. */
  private typing: { claimId: string; text: string; timer: ReturnType<typeof setTimeout> } | null = null;

  private get key(): string {
    return `claimtrail:journal:${this.name}`;
  }

  private read(): JournalEntry[] {
    try {
      return JSON.parse(this.storage.getItem(this.key) ?? '[]') as JournalEntry[];
    } catch {
      return [];
    }
  }

  private save(entries: readonly JournalEntry[]): void {
    try {
      if (entries.length) this.storage.setItem(this.key, JSON.stringify(entries));
      else this.storage.removeItem(this.key);
    } catch {
      // Storage full or refused: the write itself still goes ahead, only the safety net is missing.
    }
  }

  /** True while a write has started and not yet settled. */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  /**
   * Records the action, then runs its write (started at once, in this task), and forgets it once
   * the write has committed or failed; a failure is for the caller to report.
   */
  async track<T>(what: string, pending: Pending, write: () => Promise<T>): Promise<T> {
    const entry: JournalEntry = { id: newId(), tab: this.tab, at: Date.now(), what, pending };
    this.save([...this.read(), entry]);
    this.inFlight++;
    try {
      return await write();
    } finally {
      this.inFlight--;
      this.save(this.read().filter((e) => e.id !== entry.id));
    }
  }

  /** Takes the entries a closed page left: this tab's (a reload) and old ones of other tabs. */
  takeLeftOver(now = Date.now()): JournalEntry[] {
    const all = this.read();
    const left = all.filter((e) => e.tab === this.tab || now - e.at > OTHER_TAB_GRACE_MS);
    this.save(all.filter((e) => !left.includes(e)));
    return left;
  }

  private get draftsKey(): string {
    return `claimtrail:drafts:${this.name}`;
  }

  private drafts(): Record<string, string> {
    try {
      return JSON.parse(this.storage.getItem(this.draftsKey) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  }

  /** The unsaved note typed for a claim, if any. */
  draft(claimId: string): string | undefined {
    return this.drafts()[claimId];
  }

  /** Keeps the note being typed for a claim a moment after the typing pauses (or when the page goes). */
  typeDraft(claimId: string, text: string): void {
    if (this.typing) clearTimeout(this.typing.timer);
    this.typing = { claimId, text, timer: setTimeout(() => this.flushDraft(), DRAFT_DELAY_MS) };
  }

  private flushDraft(): void {
    if (!this.typing) return;
    clearTimeout(this.typing.timer);
    const { claimId, text } = this.typing;
    this.typing = null;
    this.setDraft(claimId, text);
  }

  /** Keeps (or, with undefined, forgets) the note being typed for a claim. */
  setDraft(claimId: string, text: string | undefined): void {
    if (this.typing?.claimId === claimId) {
      clearTimeout(this.typing.timer);
      this.typing = null;
    }
    const drafts = this.drafts();
    if (text === undefined) delete drafts[claimId];
    else drafts[claimId] = text;
    try {
      if (Object.keys(drafts).length) this.storage.setItem(this.draftsKey, JSON.stringify(drafts));
      else this.storage.removeItem(this.draftsKey);
    } catch {
      // As above: the draft is only a safety net.
    }
  }
}

/** Whether the stored claim is this version of it (both absent counts: a deletion that was stored). */
function sameVersion(stored: Claim | undefined, version: Claim | null): boolean {
  if (!stored || !version) return !stored && !version;
  return (
    stored.modified === version.modified &&
    stored.label === version.label &&
    stored.start === version.start &&
    stored.end === version.end &&
    (stored.note ?? '') === (version.note ?? '') &&
    JSON.stringify(stored.sources) === JSON.stringify(version.sources)
  );
}

/**
 * Puts back what a closed page started but never stored: a claim action when every claim it
 * touches is still as it was before it (else it is only reported), a comment when it is missing.
 * Returns what was put back and what could not be, in words.
 */
export async function restoreLeftOver(journal: WriteJournal, store: Store): Promise<{ restored: string[]; lost: string[] }> {
  const restored: string[] = [];
  const lost: string[] = [];
  for (const { what, pending } of journal.takeLeftOver()) {
    if (pending.kind === 'labelled') {
      if (!(await store.claimsById([pending.claim.id])).length) {
        await store.labelUnlabelled(pending.claim);
        restored.push(what);
      }
      continue;
    }
    if (pending.kind === 'comment') {
      const stored = await store.comments(pending.comment.articleId);
      if (!stored.some((c) => c.id === pending.comment.id)) {
        await store.addComment(pending.comment);
        restored.push(what);
      }
      continue;
    }
    const ids = pending.changes.map((c) => (c.after ?? c.before)!.id);
    const stored = new Map((await store.claimsById(ids)).map((c) => [c.id, c]));
    const todo = pending.changes.filter((c) => !sameVersion(stored.get((c.after ?? c.before)!.id), c.after));
    if (!todo.length) continue;
    if (todo.every((c) => sameVersion(stored.get((c.after ?? c.before)!.id), c.before))) {
      await store.applyChanges(todo);
      restored.push(what);
    } else {
      lost.push(what);
    }
  }
  return { restored, lost };
}
