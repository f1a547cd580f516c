/**
 * The app: routes between the library and an article, and turns user actions into store
 * transactions and editor updates. Every claim action goes through `commit`, which draws it,
 * writes it in one transaction, records it for undo, and takes the drawing back if the write fails.
 */
import type { Decision } from '../core/adjudication';
import type { Comparison } from '../core/agreement-report';
import { selectorsOf } from '../core/anchor';
import { cleanMeta } from '../core/article';
import { HttpUrl } from '../core/format/claimtrail-v1';
import { ClaimHistory, invertChanges, type ClaimChange } from '../core/history';
import { createClaim, newId, nowIso, type Annotator, type Article, type Claim, type ClaimComment, type Label, type Source } from '../core/model';
import { claimRange, type Range } from '../core/selection';
import type { ChangeMessage } from '../store/channel';
import type { Store } from '../store/db';
import { ArticleView } from './article-view';
import { formDialog } from './dialogs';
import { Exchange } from './exchange';
import { renderLibrary } from './library';
import { provenancePicture } from './picture';
import { Provenance } from './provenance';
import { Threads } from './threads';
import { downloadAdjudicated, libraryAgreement } from './review';
import type { Notices } from './notices';

const ARTICLE_ROUTE = /^#\/article\/(.+)$/;
const THREAD_ROUTE = /^#\/thread\/(.+)$/;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function checkUrl(value: string): string | null {
  return !value || HttpUrl.safeParse(value).success ? null : 'Only http and https addresses are accepted.';
}

export class App {
  private readonly history = new ClaimHistory();
  private article: ArticleView | null = null;
  /** Counts route changes, so a slow load never replaces a view the user has already left. */
  private routeSerial = 0;
  private readonly provenance: Provenance;
  private readonly threads: Threads;
  /** Export and import of files. */
  readonly exchange: Exchange;

  constructor(
    private readonly store: Store,
    private annotator: Annotator,
    private readonly main: HTMLElement,
    private readonly notices: Notices,
    private readonly chooseArticleFiles: () => void,
  ) {
    const host = { store, notices, annotator: () => this.annotator, commit: (changes: ClaimChange[]) => this.commit(changes), refresh: () => this.refresh() };
    this.provenance = new Provenance(host);
    this.threads = new Threads(host);
    this.exchange = new Exchange(store, notices, () => this.annotator);
  }

  /** Shows the view named by the address and follows later changes of it. */
  start(): Promise<void> {
    window.addEventListener('hashchange', () => void this.route());
    return this.route();
  }

  private async route(): Promise<void> {
    const serial = ++this.routeSerial;
    const match = ARTICLE_ROUTE.exec(location.hash);
    const thread = THREAD_ROUTE.exec(location.hash);
    try {
      if (match) await this.openArticle(decodeURIComponent(match[1]!), serial);
      else if (thread) await this.showThread(decodeURIComponent(thread[1]!), serial);
      else if (location.hash === '#/provenance') await this.showPicture(serial);
      else await this.showLibrary(serial);
    } catch (error) {
      this.notices.error(message(error));
    }
  }

  private setView(element: HTMLElement, article: ArticleView | null): void {
    this.article?.destroy();
    this.article = article;
    this.main.replaceChildren(element);
  }

  private async showLibrary(serial = ++this.routeSerial): Promise<void> {
    const summaries = await this.store.listArticles();
    if (serial !== this.routeSerial) return;
    document.title = 'Library — claimtrail';
    this.setView(renderLibrary(summaries, {
      addFiles: () => this.chooseArticleFiles(),
      pasteText: () => void this.exchange.pasteText(),
      editDetails: (article) => void this.editDetails(article),
      showAgreement: (into) => void this.showAgreement(into),
      showProvenance: (into) => void this.provenance.librarySection(summaries.map((s) => s.article), into).catch((e) => this.notices.error(message(e))),
    }), null);
  }

  private async showThread(id: string, serial: number): Promise<void> {
    const view = await this.threads.threadView(id);
    if (serial !== this.routeSerial) return;
    if (!view) {
      this.notices.error('That claim thread is not in this browser’s library.');
      location.hash = '#/';
      return;
    }
    document.title = 'Claim thread — claimtrail';
    this.setView(view, null);
  }

  private async showPicture(serial: number): Promise<void> {
    const [summaries, relations, threads] = await Promise.all([this.store.listArticles(), this.store.relations(), this.store.threads()]);
    const claims = await this.store.claimsById(threads.flatMap((t) => t.claimIds));
    if (serial !== this.routeSerial) return;
    document.title = 'Provenance picture — claimtrail';
    this.setView(provenancePicture(summaries.map((s) => s.article), relations, threads, new Map(claims.map((c) => [c.id, c]))), null);
  }

  private async openArticle(id: string, serial = ++this.routeSerial): Promise<void> {
    const [loaded, decisions, comments] = await Promise.all([this.store.loadArticle(id), this.store.decisions(id), this.store.comments(id)]);
    const bundle = loaded && { ...loaded, comments };
    if (serial !== this.routeSerial) return;
    if (!bundle) {
      this.notices.error('That article is not in this browser’s library.');
      location.hash = '#/';
      return;
    }
    document.title = `${bundle.article.title} — claimtrail`;
    const view: ArticleView = new ArticleView(bundle, decisions, {
      label: (label, selection) => void this.label(label, selection),
      editDetails: (article) => void this.editDetails(article),
      reveal: (claimId) => view.editor.reveal(claimId),
      relabel: (claimId, label) => void this.update(claimId, { label }),
      setNote: (claimId, note) => void this.update(claimId, { note: note || undefined }),
      addSource: (claimId, source) => void this.updateSources(claimId, (sources) => [...sources, source]),
      removeSource: (claimId, index) => void this.updateSources(claimId, (sources) => sources.filter((_, i) => i !== index)),
      remove: (claimId) => void this.remove(claimId),
      copyToMine: (claimId) => void this.copyToMine(claimId),
      addComment: (claimId, text) => void this.addComment(view, claimId, text),
      undo: () => void this.undo(),
      redo: () => void this.redo(),
      isMine: (claim) => claim.annotator.id === this.annotator.id,
      setHidden: (hidden) => view.editor.dispatch({ type: 'layers', hidden }),
      decide: (key, decision) => void this.decide(view, key, decision),
      exportAdjudicated: (lines) => void this.exportAdjudicated(view, lines),
      attribute: (claimId) => void this.attribute(view, claimId),
      showWords: (range) => view.editor.selectRange(range),
      confirmPlace: (claimId) => void this.replace(claimId, (c) => ({ anchor: { ...c.anchor!, confirmed: true } })),
      detach: (claimId) => void this.replace(claimId, (c) => ({ anchor: { status: 'orphan', from: c.anchor!.from } })),
      reattach: (claimId) => void this.reattach(view, claimId),
      links: (claim, into) => void this.threads.links(claim, into).catch((e) => this.notices.error(message(e))),
    });
    this.setView(view.element, view);
    view.provenanceSlot.replaceChildren(await this.provenance.articleSection(view));
  }

  /** Redraws whatever is shown, after another tab or an import changed the data. */
  private refresh(): Promise<void> {
    this.threads.forget();
    return this.route();
  }

  // Claims

  /** Draws, stores and records one action; undraws it and says why if storing fails. */
  private async commit(changes: ClaimChange[], record = true): Promise<boolean> {
    const draw = (list: readonly ClaimChange[]) => {
      const articleId = this.article?.bundle.article.id;
      const here = list.filter((c) => (c.after ?? c.before)?.articleId === articleId);
      if (here.length) this.article!.editor.apply(here);
    };
    draw(changes);
    try {
      await this.store.applyChanges(changes);
    } catch (error) {
      draw(invertChanges(changes));
      this.notices.error(message(error));
      return false;
    }
    if (record) this.history.record(changes);
    return true;
  }

  private async label(label: Label, selection: Range): Promise<void> {
    const view = this.article;
    if (!view) return;
    const claim = createClaim(view.bundle.text, view.bundle.article.id, selection, label, this.annotator);
    if (!claim) {
      this.notices.status('Nothing to label: the selection is only whitespace.');
      return;
    }
    view.editor.collapseSelection();
    if (await this.commit([{ before: null, after: claim }])) {
      view.editor.dispatch({ type: 'select', id: claim.id });
    }
  }

  private mine(claimId: string): Claim | null {
    const claim = this.article?.editor.state().claims.get(claimId);
    return claim && claim.annotator.id === this.annotator.id ? claim : null;
  }

  private update(claimId: string, patch: Partial<Claim>): Promise<void> {
    return this.replace(claimId, () => patch);
  }

  /** Changes one of your claims by the patch `change` makes of it. */
  private async replace(claimId: string, change: (claim: Claim) => Partial<Claim>): Promise<void> {
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
  private attribute(view: ArticleView, claimId: string): Promise<void> {
    const range = this.selectedWords(view, 'Select the words that name the source (e.g. “the Russian daily Izvestia”) first.');
    if (!range) return Promise.resolve();
    const exact = view.bundle.text.slice(range.start, range.end);
    return this.updateSources(claimId, (sources) => [...sources, { citation: exact, attribution: { ...range, exact } }]);
  }

  /** Puts a claim (an orphan) on the words selected in the text, as placed by a person. */
  private reattach(view: ArticleView, claimId: string): Promise<void> {
    const range = this.selectedWords(view, 'Select the words this claim belongs on first.');
    if (!range) return Promise.resolve();
    return this.replace(claimId, (c) => ({
      ...selectorsOf(view.bundle.text, range),
      anchor: { status: 'fuzzy', confirmed: true, from: c.anchor?.from ?? { start: c.start, end: c.end, exact: c.exact } },
    }));
  }

  private updateSources(claimId: string, change: (sources: Source[]) => Source[]): Promise<void> {
    const claim = this.mine(claimId);
    return claim ? this.update(claimId, { sources: change(claim.sources) }) : Promise.resolve();
  }

  private async remove(claimId: string): Promise<void> {
    const before = this.mine(claimId);
    if (before && (await this.commit([{ before, after: null }]))) {
      this.notices.status('Claim deleted.', { label: 'Undo', run: () => void this.undo() });
    }
  }

  private async copyToMine(claimId: string): Promise<void> {
    const view = this.article;
    const source = view?.editor.state().claims.get(claimId);
    if (!view || !source || source.annotator.id === this.annotator.id) return;
    const now = nowIso();
    const { review: _, ...claim } = source;
    const copy: Claim = { ...claim, id: newId(), annotator: this.annotator, created: now, modified: now };
    if (await this.commit([{ before: null, after: copy }])) {
      view.editor.dispatch({ type: 'select', id: copy.id });
      this.notices.status(`Copied ${source.annotator.name}’s claim to your claims.`, { label: 'Undo', run: () => void this.undo() });
    }
  }

  private async addComment(view: ArticleView, claimId: string, text: string): Promise<void> {
    const comment: ClaimComment = { id: newId(), claimId, articleId: view.bundle.article.id, by: this.annotator, at: nowIso(), text };
    try {
      await this.store.addComment(comment);
      view.addComment(comment);
      view.panel.rerender();
      this.notices.status('Comment added.');
    } catch (error) {
      this.notices.error(message(error));
    }
  }

  /** Takes back the last claim action (Ctrl/Cmd+Z). */
  undo(): Promise<void> {
    return this.replay(this.history.undo(), 'Nothing to undo.', 'Undone.');
  }

  /** Does again the last undone claim action (Ctrl/Cmd+Shift+Z). */
  redo(): Promise<void> {
    return this.replay(this.history.redo(), 'Nothing to redo.', 'Redone.');
  }

  /** Applies changes from the history (recording nothing new) and says what happened. */
  private async replay(changes: ClaimChange[] | null, nothing: string, done: string): Promise<void> {
    if (!changes) this.notices.status(nothing);
    else if (await this.commit(changes, false)) this.notices.status(done);
  }

  // Articles

  /** Adds articles from files, then shows the library as it now is. */
  async addArticleFiles(files: readonly File[]): Promise<void> {
    await this.exchange.addArticleFiles(files);
    await this.refresh();
  }

  private async editDetails(article: Article): Promise<void> {
    const values = await formDialog({
      title: 'Article details',
      submit: 'Save details',
      fields: [
        { name: 'title', label: 'Title', value: article.title, required: true },
        { name: 'author', label: 'Author', value: article.author },
        { name: 'outlet', label: 'Outlet', value: article.outlet },
        { name: 'published', label: 'Published (YYYY-MM-DD)', value: article.published },
        { name: 'url', label: 'URL', type: 'url', value: article.url, check: checkUrl },
      ],
    });
    if (!values) return;
    try {
      const meta = cleanMeta(values);
      const updated = await this.store.updateArticleMeta(article.id, { ...meta, title: meta.title ?? article.title });
      if (this.article?.bundle.article.id === article.id) this.article.showDetails(updated);
      else await this.refresh();
      this.notices.status('Details saved.');
    } catch (error) {
      this.notices.error(message(error));
    }
  }

  // Review

  private async decide(view: ArticleView, key: string, choice: Pick<Decision, 'status' | 'chosen' | 'label' | 'comment'>): Promise<void> {
    const decision: Decision = { key, articleId: view.bundle.article.id, ...choice, by: this.annotator, at: nowIso() };
    try {
      await this.store.putDecision(decision);
      view.decisions.set(key, decision);
      view.panel.rerender();
    } catch (error) {
      this.notices.error(message(error));
    }
  }

  private exportAdjudicated(view: ArticleView, lines: Comparison[]): void {
    this.notices.status(downloadAdjudicated(view.bundle, lines, view.decisions, this.annotator));
  }

  private async showAgreement(into: HTMLElement): Promise<void> {
    try {
      into.replaceChildren(...(await libraryAgreement(this.store)));
    } catch (error) {
      this.notices.error(message(error));
    }
  }

  // Files

  /** Downloads every article that has claims, as a claimtrail file. */
  exportAll(): Promise<void> {
    return this.exchange.exportAll();
  }

  /** Checks and imports claimtrail files, then shows the library as it now is. */
  async importFiles(files: readonly File[]): Promise<void> {
    await this.exchange.importFiles(files);
    await this.refresh();
  }

  // Settings and other tabs

  /** Asks for a new display name; future claims carry it. */
  async renameAnnotator(): Promise<Annotator> {
    const values = await formDialog({
      title: 'Your name',
      submit: 'Save name',
      fields: [{ name: 'name', label: 'Name shown on your claims', value: this.annotator.name, required: true }],
    });
    if (values?.name) {
      this.annotator = { ...this.annotator, name: values.name };
      await this.store.setSetting('annotator', this.annotator);
    }
    return this.annotator;
  }

  /** Brings this tab in step with a change another tab made. */
  onExternalChange(change: ChangeMessage): void {
    if (change.type === 'claims' && this.article) {
      const id = this.article.bundle.article.id;
      this.article.editor.apply(change.changes.filter((c) => (c.after ?? c.before)?.articleId === id));
      return;
    }
    if (change.type === 'library' && this.article && !change.articleIds.includes(this.article.bundle.article.id)) return;
    void this.refresh();
  }

  /** Another tab opened a newer version of the database: stop, and say how to go on. */
  onVersionChange(): void {
    this.main.inert = true;
    this.notices.error('claimtrail was updated in another tab. This tab has stopped saving so the update can go ahead: reload it to continue.');
  }
}
