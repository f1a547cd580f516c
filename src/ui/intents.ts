/**
 * What a person can ask of an open article, as data: one union of intents, handled in one place
 * (`App.handle`), so the panel and the text only say what they want and never how it
 * is done (`App.handle`). Besides dispatching intents, the view reads a few things of the app
 * (`ArticleReads`).
 */
import type { Decision } from '../core/adjudication';
import type { Comparison } from '../core/agreement-report';
import type { Article, Claim, Label, Source } from '../core/model';
import type { Range } from '../core/selection';

/** A decision as the review view makes it; who and when are added when it is handled. */
export type DecisionChoice = Pick<Decision, 'status' | 'chosen' | 'label' | 'comment'>;

/** Every intent of the article view. */
export type Intent =
  /** Makes a claim of the selected words. */
  | { type: 'label'; label: Label; selection: Range }
  /** Selects a claim and brings its words into view. */
  | { type: 'reveal'; id: string }
  | { type: 'relabel'; id: string; label: Label }
  | { type: 'set-note'; id: string; note: string }
  /** Keeps the note being typed (text) or forgets it once saved (undefined). */
  | { type: 'keep-draft'; id: string; text: string | undefined }
  | { type: 'add-source'; id: string; source: Source }
  | { type: 'remove-source'; id: string; index: number }
  /** Adds a source pointing at the words selected in the text (the outlet or person named). */
  | { type: 'attribute'; id: string }
  | { type: 'remove'; id: string }
  /** Copies another annotator's claim into your own layer ("I agree"). */
  | { type: 'copy-to-mine'; id: string }
  | { type: 'add-comment'; id: string; text: string }
  | { type: 'undo' }
  | { type: 'redo' }
  /** Shows only the layers of annotators not in `hidden`. */
  | { type: 'set-hidden'; hidden: ReadonlySet<string> }
  | { type: 'decide'; key: string; decision: DecisionChoice }
  | { type: 'export-adjudicated'; lines: Comparison[] }
  /** Selects words of the text and scrolls them into view. */
  | { type: 'show-words'; range: Range }
  /** Says a fuzzy place is right. */
  | { type: 'confirm-place'; id: string }
  /** Says a carried claim is not where it was put: it becomes an orphan. */
  | { type: 'detach'; id: string }
  /** Puts an orphan (or any claim of yours) on the words selected in the text. */
  | { type: 'reattach'; id: string }
  /** Gives an imported annotation its label: it becomes a claim. */
  | { type: 'label-unlabelled'; id: string; label: Label }
  | { type: 'edit-details'; article: Article }
  /** Downloads the file the article was made from. */
  | { type: 'download-original'; article: Article }
  /** Adds the whole text of the page the article was extracted from, linked as what it excerpts. */
  | { type: 'use-whole-page'; article: Article }
  /** Keeps one version of a claim (by id) or decision (by key) changed in two places at once (team sync); the others are deleted. */
  | { type: 'keep-version'; kind: 'claim' | 'decision'; id: string; rev: string };

/**
 * What the article view reads of the app to draw itself (the rest it draws from the editor's
 * state: claims, comments, decisions, waiting annotations, filters, the compare view).
 */
export interface ArticleReads {
  isMine(claim: Claim): boolean;
  /** The unsaved note typed for a claim before the page was last closed, if any. */
  draft(id: string): string | undefined;
  /** The pages of the article's original (a PDF) the claim lies on; none for an article without pages. */
  pages(claim: Claim): readonly number[];
  /** Fills `into` with the claim's thread and likely matches in other articles. */
  links(claim: Claim, into: HTMLElement): void;
}

/** What the panel and its entries are given: the reads, and the one way to ask for anything. */
export interface ArticleHost extends ArticleReads {
  dispatch(intent: Intent): void;
}
