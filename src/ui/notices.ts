/**
 * Telling the user what happened: errors in a role="alert" region, outcomes in a role="status"
 * region (optionally with one action, such as Undo), and progress of long work.
 */
import { h } from './dom';

/** How long an outcome stays on screen; a report of several lines, a little longer. */
const STATUS_MS = 6000;
const REPORT_MS = 12_000;

export class Notices {
  private readonly alertBox = h('div', { role: 'alert', class: 'notice notice-error', hidden: true });
  private readonly statusBox = h('div', { role: 'status', class: 'notice notice-status' });
  private readonly progressBox = h('div', { class: 'notice notice-progress', hidden: true });
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(parent: HTMLElement) {
    parent.append(this.alertBox, this.statusBox, this.progressBox);
    // A notice being read (pointer over it, or focus in it, on its Undo say) stays until left.
    const hold = () => clearTimeout(this.statusTimer);
    const release = () => this.leaveSoon(this.statusBox.childElementCount ? STATUS_MS : 0);
    this.statusBox.addEventListener('pointerenter', hold);
    this.statusBox.addEventListener('focusin', hold);
    this.statusBox.addEventListener('pointerleave', release);
    this.statusBox.addEventListener('focusout', release);
  }

  /** Clears the status notice after `ms`. */
  private leaveSoon(ms: number): void {
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => this.statusBox.replaceChildren(), ms);
  }

  /** Shows an error: a headline and, optionally, the problems found. Stays until dismissed. */
  error(headline: string, problems: readonly string[] = []): void {
    const list = problems.length ? h('ul', {}, ...problems.map((p) => h('li', {}, p))) : null;
    const dismiss = h('button', { type: 'button', class: 'dismiss', onclick: () => this.clearError() }, 'Dismiss');
    this.alertBox.replaceChildren(h('p', {}, headline), ...(list ? [list] : []), dismiss);
    this.alertBox.hidden = false;
  }

  /** Adds another error below the ones shown (several files can fail in one import). */
  addError(headline: string, problems: readonly string[] = []): void {
    if (this.alertBox.hidden) {
      this.error(headline, problems);
      return;
    }
    const list = problems.length ? h('ul', {}, ...problems.map((p) => h('li', {}, p))) : null;
    this.alertBox.lastElementChild!.before(h('p', {}, headline), ...(list ? [list] : []));
  }

  clearError(): void {
    this.alertBox.hidden = true;
    this.alertBox.replaceChildren();
  }

  /** Shows what just happened, with an optional action button, for a few seconds. */
  status(message: string, action?: { label: string; run: () => void }): void {
    clearTimeout(this.statusTimer);
    const button = action
      ? h(
          'button',
          {
            type: 'button',
            onclick: () => {
              action.run();
              this.statusBox.replaceChildren();
            },
          },
          action.label,
        )
      : null;
    this.statusBox.replaceChildren(h('span', {}, message), ...(button ? [button] : []));
    this.leaveSoon(STATUS_MS);
  }

  /** Shows a report of several lines (what an import did) for a little longer, or until dismissed. */
  report(headline: string, lines: readonly string[]): void {
    clearTimeout(this.statusTimer);
    const dismiss = h('button', { type: 'button', class: 'dismiss', onclick: () => this.statusBox.replaceChildren() }, 'Dismiss');
    this.statusBox.replaceChildren(
      h('span', {}, `${headline} `),
      ...(lines.length === 1 ? [h('span', {}, lines[0])] : [h('ul', {}, ...lines.map((l) => h('li', {}, l)))]),
      dismiss,
    );
    this.leaveSoon(REPORT_MS);
  }

  /** Shows a progress bar for long work; call with null to hide it. */
  progress(label: string | null, fraction: number | null = 0): void {
    if (label === null) {
      this.progressBox.hidden = true;
      this.progressBox.replaceChildren();
      return;
    }
    const bar = fraction === null ? h('progress', { 'aria-label': label }) : h('progress', { max: 1, value: fraction, 'aria-label': label });
    this.progressBox.replaceChildren(h('span', {}, fraction === null ? label : `${label} ${Math.round(fraction * 100)}%`), bar);
    this.progressBox.hidden = false;
  }
}
