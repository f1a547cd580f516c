/**
 * The review queue (`#/review`): other people's claims across the library, one at a time, in a
 * stable order (library order, then place in the text), with how many you have reviewed. J and
 * K move; A agrees (copies the claim into your layer, as "I agree" does); 1, 2, 3 give the same
 * words your own label; C comments; S skips to the next one still to review. What you do is
 * stored as your claims and comments, so the queue reads it back after a reload.
 */
import { LABEL_NAMES, LABELS, type Claim, type Label } from '../core/model';
import type { QueueEntry } from '../core/library-index';
import { isReviewed, type ReviewState } from '../core/review-state';
import type { LibrarySearch } from '../search/index-client';
import { h } from './dom';
import { guard } from './guard';
import { articleHref } from './search';

/** What the queue asks of the app. */
export interface QueueHost {
  search: LibrarySearch;
  me(): string;
  agree(claim: Claim): Promise<boolean>;
  label(claim: Claim, label: Label): Promise<boolean>;
  /** Asks for a comment and stores it; false when cancelled. */
  comment(claim: Claim): Promise<boolean>;
}

const DONE: Partial<Record<ReviewState, string>> = {
  agreed: 'You agreed',
  'labelled differently': 'You labelled these words differently',
  commented: 'You commented',
};

export class ReviewQueue {
  readonly element: HTMLElement;
  /** The queue: claim ids in order, your state on each, and the claim shown, once fetched. */
  private ids: string[] = [];
  private states: ReviewState[] = [];
  private at = 0;
  private shown: QueueEntry | null = null;
  private readonly progress = h('p', { class: 'queue-progress', 'aria-live': 'polite' });
  private readonly card = h('div', { class: 'queue-card' });
  private readonly stopListening: () => void;
  private readonly keys = (event: KeyboardEvent) => this.onKey(event);
  private busy = false;

  constructor(private readonly host: QueueHost) {
    const button = (text: string, key: string, run: () => void) =>
      h('button', { type: 'button', onclick: run, 'aria-keyshortcuts': key }, text, h('kbd', {}, key));
    this.element = h(
      'section',
      { class: 'review-queue', 'aria-labelledby': 'queue-title' },
      h('h1', { id: 'queue-title' }, 'To review'),
      this.progress,
      this.card,
      h(
        'div',
        { class: 'queue-actions', role: 'toolbar', 'aria-label': 'Review actions' },
        button('Previous', 'K', () => this.move(-1)),
        button('Next', 'J', () => this.move(1)),
        button('Agree', 'A', () => this.agree()),
        ...LABELS.map((label, i) => button(LABEL_NAMES[label], String(i + 1), () => this.label(label))),
        button('Comment', 'C', () => this.comment()),
        button('Skip', 'S', () => this.skip()),
      ),
    );
    document.addEventListener('keydown', this.keys);
    let again: ReturnType<typeof setTimeout> | undefined;
    this.stopListening = host.search.onChange(() => {
      clearTimeout(again);
      again = setTimeout(() => guard(this.load()), 200);
    });
  }

  /** Reads the queue; starts at the claim shown before, or the first one still to review. */
  async load(): Promise<void> {
    const queue = await this.host.search.ask('queue', { me: this.host.me() });
    // The claim shown now, not when this was asked: J and K may have moved meanwhile.
    const shownId = this.ids[this.at];
    ({ ids: this.ids, states: this.states } = queue);
    const same = shownId ? this.ids.indexOf(shownId) : -1;
    this.at = same >= 0 ? same : Math.max(0, this.states.indexOf('to review'));
    await this.show();
  }

  /** Fetches the claim at the queue's place and draws it. */
  private async show(): Promise<void> {
    const id = this.ids[this.at];
    const entry = id ? await this.host.search.ask('queueEntry', { id }) : null;
    if (id !== this.ids[this.at]) return;
    this.shown = entry;
    this.draw();
  }

  private draw(): void {
    const reviewed = this.states.filter(isReviewed).length;
    this.progress.textContent = this.ids.length
      ? `${reviewed} of ${this.ids.length} reviewed`
      : 'Nobody else’s claims are in this library yet: import a colleague’s export or connect to the team project.';
    const entry = this.shown;
    if (!entry) {
      this.card.replaceChildren();
      return;
    }
    const { claim } = entry;
    const state = this.states[this.at]!;
    this.card.replaceChildren(
      h(
        'p',
        { class: 'queue-position' },
        `Claim ${this.at + 1} of ${this.ids.length} · `,
        h('a', { href: articleHref(claim.articleId, claim) }, entry.article),
      ),
      h(
        'blockquote',
        { class: 'queue-quote' },
        h('span', { class: 'context' }, claim.prefix ? `…${claim.prefix}` : ''),
        h('mark', { class: `claim-mark label-${claim.label}` }, claim.exact),
        h('span', { class: 'context' }, claim.suffix ? `${claim.suffix}…` : ''),
      ),
      h('p', {}, h('span', { class: `label-tag label-${claim.label}` }, LABEL_NAMES[claim.label]), ` by ${claim.annotator.name}`),
      ...(claim.note ? [h('p', { class: 'queue-note' }, `Note: ${claim.note}`)] : []),
      claim.sources.length
        ? h(
            'ul',
            { class: 'queue-sources', 'aria-label': 'Sources' },
            ...claim.sources.map((s) => h('li', {}, [s.citation, s.url].filter(Boolean).join(' — '))),
          )
        : h('p', { class: 'hint' }, 'No sources given.'),
      h('p', { class: `queue-state state-${state.replace(/ /g, '-')}` }, DONE[state] ?? 'Not reviewed yet'),
    );
  }

  private move(by: number): void {
    if (!this.ids.length) return;
    this.at = Math.max(0, Math.min(this.ids.length - 1, this.at + by));
    guard(this.show());
  }

  /** Moves to the next claim still to review, after this one (from the start when there is none after). */
  private skip(): void {
    const after = this.states.indexOf('to review', this.at + 1);
    const next = after >= 0 ? after : this.states.findIndex((s, i) => i !== this.at && s === 'to review');
    if (next >= 0) this.at = next;
    guard(this.show());
  }

  private agree(): void {
    this.act(
      (c) => this.host.agree(c),
      () => 'agreed',
    );
  }

  private label(label: Label): void {
    this.act(
      (c) => this.host.label(c, label),
      (c) => (label === c.label ? 'agreed' : 'labelled differently'),
    );
  }

  private comment(): void {
    this.act(
      (c) => this.host.comment(c),
      (_c, was) => (isReviewed(was) ? was : 'commented'),
    );
  }

  /**
   * Does one review action on the claim shown and, once stored, moves on to the next still to
   * review. The state is set here at once; the index's own reading follows when it took the change in.
   */
  private act(action: (claim: Claim) => Promise<boolean>, state: (claim: Claim, was: ReviewState) => ReviewState): void {
    const entry = this.shown;
    const at = this.at;
    if (!entry || entry.claim.id !== this.ids[at] || this.busy || this.states[at] === 'yours') return;
    this.busy = true;
    guard(
      action(entry.claim)
        .then((done) => {
          if (!done) return;
          this.states[at] = state(entry.claim, this.states[at]!);
          this.skip();
        })
        .finally(() => {
          this.busy = false;
        }),
    );
  }

  private onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || !this.element.isConnected) return;
    if ((event.target as Element | null)?.closest('input, textarea, select, dialog, [contenteditable="true"]')) return;
    const key = event.key.toLowerCase();
    const claimActions: Record<string, () => void> = {
      j: () => this.move(1),
      k: () => this.move(-1),
      a: () => this.agree(),
      c: () => this.comment(),
      s: () => this.skip(),
      ...Object.fromEntries(LABELS.map((label, i) => [String(i + 1), () => this.label(label)])),
    };
    const run = claimActions[key];
    if (!run) return;
    event.preventDefault();
    run();
  }

  destroy(): void {
    document.removeEventListener('keydown', this.keys);
    this.stopListening();
  }
}
