/**
 * How actions reach the editor's plugins: a transaction carries a list of typed actions under
 * one meta key, applied in order, so several changes (a claim labelled and its waiting
 * annotation gone, a selection cleared and set) are one transaction. Each plugin takes the
 * actions that are its own, told apart by `type`.
 */
import { PluginKey, type Transaction } from 'prosemirror-state';

/** An action of some plugin: its `type` says whose. */
export interface Action {
  readonly type: string;
}

const actionsKey = new PluginKey('actions');

/** Sets actions on a transaction, to be applied in order. */
export function withActions<A extends Action>(tr: Transaction, actions: readonly A[]): Transaction {
  return tr.setMeta(actionsKey, actions);
}

/** The actions a transaction carries. */
export function actionsOf(tr: Transaction): readonly Action[] {
  return (tr.getMeta(actionsKey) as readonly Action[] | undefined) ?? [];
}
