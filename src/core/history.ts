/**
 * Undo and redo for claim actions. Every action is a list of changes, each the claim before and
 * after (null where it does not exist), so creating, relabelling, editing and deleting all undo
 * the same way: apply the changes with before and after swapped.
 */
import type { Claim } from './model';

/** One claim's change; `before` null means created, `after` null means deleted. */
export interface ClaimChange {
  before: Claim | null;
  after: Claim | null;
}

/** How many actions can be undone. */
export const HISTORY_DEPTH = 200;

/** The changes that take an action back: each before and after swapped, in reverse order. */
export function invertChanges(changes: readonly ClaimChange[]): ClaimChange[] {
  return changes.map(({ before, after }) => ({ before: after, after: before })).reverse();
}

/** Stacks of done and undone actions; it only records, the caller applies what it returns. */
export class ClaimHistory {
  private done: ClaimChange[][] = [];
  private undone: ClaimChange[][] = [];

  /** Records an action the user just did; it clears what could be redone. */
  record(changes: readonly ClaimChange[]): void {
    if (!changes.length) return;
    this.done.push([...changes]);
    if (this.done.length > HISTORY_DEPTH) this.done.shift();
    this.undone = [];
  }

  /** The changes undo() would give, without moving in the history: applied first, recorded as undone only once stored. */
  nextUndo(): ClaimChange[] | null {
    const action = this.done.at(-1);
    return action ? invertChanges(action) : null;
  }

  /** The changes redo() would give, without moving in the history. */
  nextRedo(): ClaimChange[] | null {
    const action = this.undone.at(-1);
    return action ? [...action] : null;
  }

  /** The changes that undo the last action, or null when there is none. */
  undo(): ClaimChange[] | null {
    const action = this.done.pop();
    if (!action) return null;
    this.undone.push(action);
    return invertChanges(action);
  }

  /** The changes that redo the last undone action, or null when there is none. */
  redo(): ClaimChange[] | null {
    const action = this.undone.pop();
    if (!action) return null;
    this.done.push(action);
    return action;
  }
}

/** A claim action in words, for messages about it: "labelling “…” disputed", "a change to the claim on “…”". */
export function describeChanges(changes: readonly ClaimChange[]): string {
  const quote = (claim: Claim) => `“${claim.exact.length > 40 ? `${claim.exact.slice(0, 40)}…` : claim.exact}”`;
  const [first] = changes;
  if (!first) return 'nothing';
  const more = changes.length > 1 ? ` and ${changes.length - 1} more` : '';
  if (!first.before && first.after) return `labelling ${quote(first.after)} ${first.after.label}${more}`;
  if (first.before && !first.after) return `deleting the claim on ${quote(first.before)}${more}`;
  return `a change to the claim on ${quote(first.after!)}${more}`;
}
