/**
 * One article in ProseMirror: the text shown read-only but selectable with mouse and keyboard,
 * its claims drawn by the claims plugin, and the label toolbar. The UI talks to this class in
 * text offsets and claims; ProseMirror positions stay inside the editor layer.
 */
import { EditorState, Plugin, TextSelection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { ClaimChange } from '../core/history';
import type { Claim, Label } from '../core/model';
import type { Range } from '../core/selection';
import { withActions } from './actions';
import { articleState, type ArticleAction, type ArticleState } from './article-state';
import { claimsPlugin, claimsState, sortedClaims, type ClaimsAction, type ClaimsState } from './claims-plugin';
import { ArticleDoc } from './positions';
import { labelToolbar } from './toolbar';
import { viewportPlugin } from './viewport';

export interface ArticleEditorOptions {
  /** The user chose a label for the selected text (a range of text offsets). */
  onLabel(label: Label, selection: Range): void;
  /** More plugins: the article state and the views drawn from the editor's state (the claim panel). */
  plugins: Plugin[];
  /** Where each page of a paged original starts, to mark page boundaries. */
  pages?: readonly number[];
}

/** Any action of the article's editor: for its claims, or for the rest of what it shows. */
export type EditorAction = ClaimsAction | ArticleAction;

/**
 * Characters drawn at once when an article opens (whole sections, many screens); a longer one
 * gets the rest in steps. Counted in characters, not lines: a report's lines can be a paragraph
 * each, and drawing 200 such lines at once took over 100 ms.
 */
const FIRST_SIZE = 60_000;

/** Characters appended per step (whole sections), each step a task of its own so the page answers input between them. */
const STEP_SIZE = 30_000;

/** Marks the transactions that append sections: the only ones allowed to change the document. */
const APPEND = 'claimtrail:append';

/** An editor showing one article's text and claims. */
export class ArticleEditor {
  readonly view: EditorView;
  private readonly article: ArticleDoc;
  /** Sections in the document so far. */
  private loaded: number;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(parent: HTMLElement, text: string, claims: readonly Claim[], options: ArticleEditorOptions) {
    this.article = new ArticleDoc(text, options.pages);
    this.loaded = this.article.sectionsFilling(0, FIRST_SIZE);
    const state = EditorState.create({
      // A long article opens with its first sections; the rest follow in steps (see appendMore).
      doc: this.article.firstSections(this.loaded),
      plugins: [
        // The text is immutable: no transaction changes the document, except appending the
        // sections of a long article that are still to come.
        new Plugin({ filterTransaction: (tr) => !tr.docChanged || tr.getMeta(APPEND) === true }),
        claimsPlugin(this.article, claims),
        viewportPlugin((window) => this.dispatch({ type: 'window', window })),
        ...options.plugins,
        labelToolbar((label) => {
          const selection = this.selection();
          if (selection.start === selection.end) return false;
          options.onLabel(label, selection);
          return true;
        }),
      ],
    });
    this.view = new EditorView(parent, {
      state,
      attributes: {
        class: 'article-text',
        role: 'textbox',
        'aria-label': 'Article text',
        'aria-multiline': 'true',
        'aria-readonly': 'true',
        spellcheck: 'false',
        translate: 'no',
      },
      // Keys move the caret and extend selections; typing, pasting and dropping do nothing.
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
      // Copying yields the stored characters exactly, lines joined by single newlines.
      clipboardTextSerializer: () => {
        const { start, end } = this.selection();
        return text.slice(start, end);
      },
    });
    this.appendMore();
  }

  /** Appends the next sections of a long article, then schedules the step after. */
  private appendMore(): void {
    if (this.loaded >= this.article.sectionCount) return;
    this.pending = setTimeout(() => {
      this.append(this.article.sectionsFilling(this.loaded, STEP_SIZE));
      this.appendMore();
    }, 0);
  }

  /** Appends sections until the first `count` are in the document. */
  private append(count: number): void {
    const sections = this.article.sections(this.loaded, count);
    if (!sections.length) return;
    const { state } = this.view;
    this.view.dispatch(this.withDomSelection(state.tr.insert(state.doc.content.size, sections).setMeta(APPEND, true)));
    this.loaded += sections.length;
  }

  /** Makes sure the text up to `offset` is in the document (appending at once what is missing). */
  private reach(offset: number): void {
    while (this.loaded < this.article.sectionCount && this.article.toPos(offset) > this.view.state.doc.content.size) {
      this.append(this.article.sectionsFilling(this.loaded, STEP_SIZE));
    }
  }

  /**
   * The current selection as text offsets (start <= end). Read from the DOM while it lies in
   * the text: ProseMirror learns of a keyboard selection one `selectionchange` task later, and
   * a key pressed right after Shift+End must label what is selected now.
   */
  selection(): Range {
    const dom = this.view.dom.ownerDocument.getSelection();
    const inText = (node: Node | null | undefined) => !!node && this.view.dom.contains(node);
    const [a, b] =
      dom && dom.rangeCount && inText(dom.anchorNode) && inText(dom.focusNode)
        ? [this.view.posAtDOM(dom.anchorNode!, dom.anchorOffset), this.view.posAtDOM(dom.focusNode!, dom.focusOffset)]
        : [this.view.state.selection.from, this.view.state.selection.to];
    const [start, end] = [this.article.toOffset(a), this.article.toOffset(b)];
    return start <= end ? { start, end } : { start: end, end: start };
  }

  /** Claims in reading order. */
  claims(): readonly Claim[] {
    return sortedClaims(this.view.state);
  }

  /** The claims plugin state. */
  state(): ClaimsState {
    return claimsState(this.view.state);
  }

  /** The rest of what the article shows: comments, decisions, waiting annotations, filters, compare view. */
  articleState(): ArticleState {
    return articleState(this.view.state);
  }

  /**
   * Sends actions to the plugins, in order, as one transaction. A selection the person has just
   * made may not have reached the editor state yet (ProseMirror reads it on `selectionchange`, a
   * task later): the transaction carries it, so an update that arrives meanwhile (a claim saved,
   * another tab's change) does not put the old selection back under their hands.
   */
  dispatch(...actions: EditorAction[]): void {
    this.view.dispatch(this.withDomSelection(withActions(this.view.state.tr, actions)));
  }

  /** The transaction, carrying the selection the DOM holds if the state has not caught up with it. */
  private withDomSelection(tr: Transaction): Transaction {
    const { start, end } = this.selection();
    const [from, to] = [this.article.toPos(start), this.article.toPos(end)];
    return from !== tr.selection.from || to !== tr.selection.to ? tr.setSelection(TextSelection.create(tr.doc, from, to)) : tr;
  }

  /** Draws claim changes (from this tab's actions, undo, or another tab). */
  apply(changes: readonly ClaimChange[]): void {
    this.dispatch({ type: 'apply', changes });
  }

  /** Selects a claim, scrolls its highlight into view and flashes it: one transaction. */
  reveal(id: string): void {
    const claim = this.state().claims.get(id);
    if (claim) this.reach(claim.end);
    this.dispatch({ type: 'select', id, flash: true });
    const mark = this.view.dom.querySelector(`mark[data-claim-id="${CSS.escape(id)}"]`);
    mark?.scrollIntoView({ block: 'center' });
  }

  /** Selects the words of `range` in the text and scrolls them into view. */
  selectRange(range: Range): void {
    this.reach(range.end);
    const { state } = this.view;
    const selection = TextSelection.create(state.doc, this.article.toPos(range.start), this.article.toPos(range.end));
    this.view.dispatch(state.tr.setSelection(selection).scrollIntoView());
    this.view.focus();
  }

  /** Collapses the text selection (after a claim was made from it). */
  collapseSelection(): void {
    const { state } = this.view;
    this.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, state.selection.to)));
  }

  destroy(): void {
    clearTimeout(this.pending);
    this.view.destroy();
  }
}
