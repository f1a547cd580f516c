/**
 * What claim actions do. Every change goes through `commit`, which draws it in the open
 * article, writes it in one transaction (journalled from the same task, so a reload cannot lose
 * it), records it for undo, and takes the drawing back and says why if the write fails.
 */
import { selectorsOf } from '../core/anchor';
import { ClaimHistory, describeChanges, invertChanges, type ClaimChange } from '../core/history';
import { createClaim, newId, nowIso, type Annotator, type Claim, type ClaimComment, type Label, type Source } from '../core/model';
import { claimRange, type Range } from '../core/selection';
import type { Store } from '../store/db';
import { errorMessage } from '../core/errors';
import type { ArticleView } from './article-view';
import type { WriteJournal } from './journal';
import type { Notices } from './notices';
import { guard } from './guard';

export class ClaimCommands {
  private readonly history = new ClaimHistory();

  constructor(
    private readonly store: Store,
    private readonly notices: Notices,
    private readonly annotator: () => Annotator,
    private readonly view: () => ArticleView | null,
    private readonly journal: WriteJournal,
  ) {}

  /** Draws, stores and records one action; undraws it and says why if storing fails. */
  async commit(changes: ClaimChange[], record = true): Promise<boolean> {
    const draw = (list: readonly ClaimChange[]) => {
      const articleId = this.view()?.bundle.article.id;
      const here = list.filter((c) => (c.after ?? c.before)?.articleId === articleId);
      if (here.length) this.view()!.editor.apply(here);
    };
    draw(changes);
    try {
      await this.journal.track(describeChanges(changes), { kind: 'claims', changes }, () => this.store.applyChanges(changes));
    } catch (error) {
      draw(invertChanges(changes));
      this.notices.error(errorMessage(error));
      return false;
    }
    if (record) this.history.record(changes);
    return true;
  }

  /** Makes a claim of the selected words with `label`, and selects it. */
  async label(label: Label, selection: Range): Promise<void> {
    const view = this.view();
    if (!view) return;
    const claim = createClaim(view.bundle.text, view.bundle.article.id, selection, label, this.annotator());
    if (!claim) {
      this.notices.status('Nothing to label: the selection is only whitespace.');
      return;
    }
    view.editor.collapseSelection();
    if (await this.commit([{ before: null, after: claim }])) {
      view.editor.dispatch({ type: 'select', id: claim.id });
    }
  }

  /** The claim with this id in the open article, if it is yours (only yours can be changed). */
  private mine(claimId: string): Claim | null {
    const claim = this.view()?.editor.state().claims.get(claimId);
    return claim && claim.annotator.id === this.annotator().id ? claim : null;
  }

  /** Changes fields of one of your claims. */
  update(claimId: string, patch: Partial<Claim>): Promise<void> {
    return this.replace(claimId, () => patch);
  }

  /** Changes one of your claims by the patch `change` makes of it. */
  async replace(claimId: string, change: (claim: Claim) => Partial<Claim>): Promise<void> {
    const before = this.mine(claimId);
    if (!before) return;
    const after: Claim = { ...before, ...change(before), modified: nowIso() };
    if (after.note === undefined) delete after.note;
    await this.commit([{ before, after }]);
  }

  /** The words selected in the open article, trimmed, or null (and a hint) when there are none. */
  private selectedWords(view: ArticleView, hint: string): Range | null {
    const range = claimRange(view.bundle.text, view.editor.selection());
    if (!range) this.notices.status(hint);
    return range;
  }

  /** Adds a source naming the words selected in the text, e.g. the outlet a claim is attributed to. */
  attribute(view: ArticleView, claimId: string): Promise<void> {
    const range = this.selectedWords(view, 'Select the words that name the source (e.g. “the Russian daily Izvestia”) first.');
    if (!range) return Promise.resolve();
    const exact = view.bundle.text.slice(range.start, range.end);
    return this.updateSources(claimId, (sources) => [...sources, { citation: exact, attribution: { ...range, exact } }]);
  }

  /** Makes an imported annotation a claim with the label chosen for it. */
  async labelUnlabelled(view: ArticleView, id: string, label: Label): Promise<void> {
    const item = view.unlabelled.find((u) => u.id === id);
    if (!item) return;
    const claim: Claim = { ...item, label, modified: nowIso() };
    await this.journal.track(describeChanges([{ before: null, after: claim }]), { kind: 'labelled', claim }, () => this.store.labelUnlabelled(claim));
    view.editor.dispatch({ type: 'labelled', id }, { type: 'apply', changes: [{ before: null, after: claim }] });
  }

  /** Puts a claim (an orphan) on the words selected in the text, as placed by a person. */
  reattach(view: ArticleView, claimId: string): Promise<void> {
    const range = this.selectedWords(view, 'Select the words this claim belongs on first.');
    if (!range) return Promise.resolve();
    const words = selectorsOf(view.bundle.text, range);
    return this.replace(claimId, (c) => (c.anchor ? { ...words, anchor: { status: 'fuzzy', confirmed: true, from: c.anchor.from } } : words));
  }

  /** Changes the sources of one of your claims. */
  updateSources(claimId: string, change: (sources: Source[]) => Source[]): Promise<void> {
    const claim = this.mine(claimId);
    return claim ? this.update(claimId, { sources: change(claim.sources) }) : Promise.resolve();
  }

  /** Deletes one of your claims (undoable). */
  async remove(claimId: string): Promise<void> {
    const before = this.mine(claimId);
    if (before && (await this.commit([{ before, after: null }]))) {
      this.notices.status('Claim deleted.', { label: 'Undo', run: () => guard(this.undo()) });
    }
  }

  /** Copies another annotator's claim in the open article into your own layer ("I agree"). */
  async copyToMine(claimId: string): Promise<void> {
    const source = this.view()?.editor.state().claims.get(claimId);
    if (source) await this.agree(source);
  }

  /** Copies another annotator's claim, wherever it is, into your own layer; selects the copy in the open article. */
  async agree(source: Claim): Promise<boolean> {
    if (source.annotator.id === this.annotator().id) return false;
    const now = nowIso();
    const { review: _, ...claim } = source;
    const copy: Claim = { ...claim, id: newId(), annotator: this.annotator(), created: now, modified: now };
    if (!(await this.commit([{ before: null, after: copy }]))) return false;
    if (this.view()?.bundle.article.id === copy.articleId) this.view()!.editor.dispatch({ type: 'select', id: copy.id });
    this.notices.status(`Copied ${source.annotator.name}’s claim to your claims.`, { label: 'Undo', run: () => guard(this.undo()) });
    return true;
  }

  /**
   * Gives the words of a claim your own label: relabels your claim on the same words, or makes
   * one (copied from theirs, with your label) when you have none.
   */
  async labelWordsOf(source: Claim, label: Label): Promise<boolean> {
    const me = this.annotator();
    const own = (await this.store.loadArticle(source.articleId))?.claims.find(
      (c) => c.annotator.id === me.id && c.start === source.start && c.end === source.end,
    );
    const now = nowIso();
    if (own) return own.label === label || this.commit([{ before: own, after: { ...own, label, modified: now } }]);
    const { review: _, note: _note, ...words } = source;
    return this.commit([{ before: null, after: { ...words, sources: [], id: newId(), label, annotator: me, created: now, modified: now } }]);
  }

  /** Relabels those of the named claims that are yours, in one undoable action; returns how many. */
  async relabelMine(ids: readonly string[], label: Label): Promise<number> {
    const me = this.annotator().id;
    const now = nowIso();
    const changes = (await this.store.claimsById(ids))
      .filter((c) => c.annotator.id === me && c.label !== label)
      .map((before) => ({ before, after: { ...before, label, modified: now } }));
    if (!changes.length) return 0;
    return (await this.commit(changes)) ? changes.length : 0;
  }

  /** Adds a comment to a claim, yours or another's, wherever it is. */
  async addComment(articleId: string, claimId: string, text: string): Promise<void> {
    const comment: ClaimComment = { id: newId(), claimId, articleId, by: this.annotator(), at: nowIso(), text };
    await this.journal.track(`a comment on a claim (“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”)`, { kind: 'comment', comment }, () =>
      this.store.addComment(comment),
    );
    if (this.view()?.bundle.article.id === articleId) this.view()!.editor.dispatch({ type: 'comment', comment });
    this.notices.status('Comment added.');
  }

  /** Undo and redo one after another: a second press waits for the first one's write. */
  private replaying: Promise<void> = Promise.resolve();

  /** Takes back the last claim action (Ctrl/Cmd+Z). */
  undo(): Promise<void> {
    return this.replay('undo');
  }

  /** Does again the last undone claim action (Ctrl/Cmd+Shift+Z). */
  redo(): Promise<void> {
    return this.replay('redo');
  }

  /**
   * Applies the next step of the history (recording nothing new) and says what happened. The
   * history moves only once the step is stored: a failed write leaves it where it was.
   */
  private replay(step: 'undo' | 'redo'): Promise<void> {
    const next = this.replaying.then(async () => {
      const changes = step === 'undo' ? this.history.nextUndo() : this.history.nextRedo();
      if (!changes) {
        this.notices.status(step === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      if (!(await this.commit(changes, false))) return;
      if (step === 'undo') this.history.undo();
      else this.history.redo();
      this.notices.status(step === 'undo' ? 'Undone.' : 'Redone.');
    });
    // A step that failed (and said so) does not stop the ones after it.
    this.replaying = next.catch(() => undefined);
    return next;
  }
}
