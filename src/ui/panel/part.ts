/**
 * What every part of the claim panel is given and what it offers: the editor state it draws,
 * with what several parts derive from it worked out once per update, and a small contract,
 * `{ dom, update(data), destroy() }`.
 */
import type { EditorState } from 'prosemirror-state';
import type { Claim } from '../../core/model';
import type { ArticleAction, ArticleState } from '../../editor/article-state';
import type { ClaimsState } from '../../editor/claims-plugin';
import type { ArticleHost } from '../intents';

/** One annotator with claims here: the name shown, how many claims, whether it is you. */
export interface AnnotatorCount {
  name: string;
  count: number;
  mine: boolean;
}

/** What a part draws: the editor state and what is read from it. */
export interface PanelData {
  state: EditorState;
  claims: ClaimsState;
  article: ArticleState;
  /** Every claim of the article, in reading order. */
  all: readonly Claim[];
  /** The claims carried over whose words were not found here, in reading order. */
  orphans: readonly Claim[];
  /** The annotators with claims here, you first, then by name. */
  annotators: ReadonlyMap<string, AnnotatorCount>;
}

/** Where a part sends what the person asks for: intents to the app, actions to the editor's state. */
export interface PanelContext {
  host: ArticleHost;
  act: (...actions: ArticleAction[]) => void;
}

/** A part of the panel. */
export interface PanelPart {
  readonly dom: HTMLElement;
  update(data: PanelData): void;
  destroy?(): void;
}
