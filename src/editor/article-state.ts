/**
 * What the open article shows besides its claims, as editor state: the comments on its claims,
 * the review decisions on its disagreements, the imported annotations waiting for a label, the
 * panel's filters and the compare view. Like the claims plugin's, this state changes only
 * through typed actions sent as transaction meta (several in one transaction, in order), and
 * the panel draws it from the state, never from fields of its own.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import type { Conflicts, Decision, DecisionConflict } from '../core/adjudication';
import type { ClaimComment, ClaimConflict, Label, UnlabelledClaim } from '../core/model';
import { actionsOf, type Action } from './actions';

/** Which claims the panel lists: one annotator's or all, one label or all. */
export interface Filters {
  annotator: string;
  label: Label | 'all';
}

/** The compare view: shown or not, the two annotators compared, the disagreement under review. */
export interface Compare {
  open: boolean;
  pair: readonly [string, string] | null;
  index: number;
}

export interface ArticleState {
  /** Comments by claim id, oldest first (a list is replaced, never changed, when one is added). */
  comments: ReadonlyMap<string, readonly ClaimComment[]>;
  /** Review decisions by disagreement key. */
  decisions: ReadonlyMap<string, Decision>;
  /** Imported annotations on this article that carry none of our labels. */
  unlabelled: readonly UnlabelledClaim[];
  /** Claims changed in two places at once (team sync), by claim id: every version, winner first. */
  conflicts: ReadonlyMap<string, ClaimConflict>;
  /** Disagreements decided in two places at once, by decision key: every decision, winner first. */
  decisionConflicts: ReadonlyMap<string, DecisionConflict>;
  filters: Filters;
  compare: Compare;
}

/** The actions that change the article state. */
export type ArticleAction =
  | { type: 'comment'; comment: ClaimComment }
  | { type: 'decision'; decision: Decision }
  /** An annotation waiting for a label was given one (it is a claim now). */
  | { type: 'labelled'; id: string }
  | { type: 'filter'; filters: Partial<Filters> }
  | { type: 'compare'; compare: Partial<Compare> }
  /** The article's annotations waiting for a label as they are now stored (all of them). */
  | { type: 'unlabelled'; unlabelled: readonly UnlabelledClaim[] }
  /** The article's conflicts as they are now stored (all of them, replacing the ones shown). */
  | { type: 'conflicts'; conflicts: Conflicts };

export const articleKey = new PluginKey<ArticleState>('article');

/** The article state of an editor state. */
export function articleState(state: EditorState): ArticleState {
  return articleKey.getState(state)!;
}

/** The next state for an action; the same object when the action changes nothing. */
function reduce(value: ArticleState, action: ArticleAction): ArticleState {
  switch (action.type) {
    case 'comment': {
      const { comment } = action;
      const comments = new Map(value.comments);
      comments.set(comment.claimId, [...(value.comments.get(comment.claimId) ?? []), comment]);
      return { ...value, comments };
    }
    case 'decision':
      return { ...value, decisions: new Map(value.decisions).set(action.decision.key, action.decision) };
    case 'labelled':
      return value.unlabelled.some((u) => u.id === action.id) ? { ...value, unlabelled: value.unlabelled.filter((u) => u.id !== action.id) } : value;
    case 'unlabelled':
      return { ...value, unlabelled: action.unlabelled };
    case 'filter':
      return { ...value, filters: { ...value.filters, ...action.filters } };
    case 'conflicts':
      return { ...value, ...conflictMaps(action.conflicts) };
    case 'compare': {
      const compare = { ...value.compare, ...action.compare };
      // Another pair starts its review at its first disagreement.
      if (action.compare.pair !== undefined && action.compare.index === undefined) compare.index = 0;
      return { ...value, compare };
    }
  }
}

function conflictMaps({ claims, decisions }: Conflicts): Pick<ArticleState, 'conflicts' | 'decisionConflicts'> {
  return { conflicts: new Map(claims.map((c) => [c.id, c])), decisionConflicts: new Map(decisions.map((d) => [d.key, d])) };
}

const ARTICLE_ACTIONS = new Set(['comment', 'decision', 'labelled', 'unlabelled', 'filter', 'compare', 'conflicts']);
const isArticleAction = (action: Action): action is ArticleAction => ARTICLE_ACTIONS.has(action.type);

/** The article state plugin, started from what was stored. */
export function articlePlugin(initial: {
  comments: readonly ClaimComment[];
  decisions: readonly Decision[];
  unlabelled: readonly UnlabelledClaim[];
  conflicts?: Conflicts;
}): Plugin<ArticleState> {
  return new Plugin<ArticleState>({
    key: articleKey,
    state: {
      init: () => {
        const comments = new Map<string, readonly ClaimComment[]>();
        for (const comment of [...initial.comments].sort((a, b) => a.at.localeCompare(b.at))) {
          comments.set(comment.claimId, [...(comments.get(comment.claimId) ?? []), comment]);
        }
        return {
          comments,
          decisions: new Map(initial.decisions.map((d) => [d.key, d])),
          unlabelled: initial.unlabelled,
          ...conflictMaps(initial.conflicts ?? { claims: [], decisions: [] }),
          filters: { annotator: 'all', label: 'all' },
          compare: { open: false, pair: null, index: 0 },
        };
      },
      apply: (tr, value) => actionsOf(tr).filter(isArticleAction).reduce(reduce, value),
    },
  });
}
