/**
 * The app: routes between the library and an article, and turns user actions into store
 * transactions and editor updates. Every claim action goes through `commit`, which draws it,
 * writes it in one transaction, records it for undo, and takes the drawing back if the write fails.
 */
import { version } from '../../package.json';
import type { Decision } from '../core/adjudication';
import type { Comparison } from '../core/agreement-report';
import { cleanMeta, makeArticle } from '../core/article';
import { exportFileName, toExportFile } from '../core/format/export';
import { HttpUrl } from '../core/format/claimtrail-v1';
import { ClaimHistory, invertChanges, type ClaimChange } from '../core/history';
import { createClaim, newId, nowIso, type Annotator, type Article, type Claim, type ClaimComment, type Label, type Source } from '../core/model';
import type { Range } from '../core/selection';
import { checkExportFile } from '../ingest/check-file';
import { readArticleFile } from '../ingest/files';
import type { ChangeMessage } from '../store/channel';
import type { Store } from '../store/db';
import { ArticleView } from './article-view';
import { formDialog } from './dialogs';
import { download } from './download';
import { renderLibrary } from './library';
import { downloadAdjudicated, libraryAgreement } from './review';
import type { Notices } from './notices';

const ARTICLE_ROUTE = /^#\/article\/(.+)$/;

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

  constructor(
    private readonly store: Store,
    private annotator: Annotator,
    private readonly main: HTMLElement,
    private readonly notices: Notices,
    private readonly chooseArticleFiles: () => void,
  ) {}

  /** Shows the view named by the address and follows later changes of it. */
  start(): Promise<void> {
    window.addEventListener('hashchange', () => void this.route());
    return this.route();
  }

  private async route(): Promise<void> {
    const serial = ++this.routeSerial;
    const match = ARTICLE_ROUTE.exec(location.hash);
    try {
      if (match) await this.openArticle(decodeURIComponent(match[1]!), serial);
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
      pasteText: () => void this.pasteText(),
      editDetails: (article) => void this.editDetails(article),
      showAgreement: (into) => void this.showAgreement(into),
    }), null);
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
    });
    this.setView(view.element, view);
  }

  /** Redraws whatever is shown, after another tab or an import changed the data. */
  private refresh(): Promise<void> {
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

  private async update(claimId: string, patch: Partial<Pick<Claim, 'label' | 'note' | 'sources'>>): Promise<void> {
    const before = this.mine(claimId);
    if (!before) return;
    const after: Claim = { ...before, ...patch, modified: nowIso() };
    if (after.note === undefined) delete after.note;
    await this.commit([{ before, after }]);
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

  /** Adds articles from files; names each file that could not be added and why. */
  async addArticleFiles(files: readonly File[]): Promise<void> {
    this.notices.clearError();
    const added: string[] = [];
    const known: string[] = [];
    const failed: string[] = [];
    for (const file of files) {
      try {
        const loaded = await readArticleFile(file);
        const { article, text } = await makeArticle(loaded.raw, loaded.meta);
        const result = await this.store.addArticle(article, text);
        if (result.status === 'added') added.push(article.title);
        else known.push(`${file.name} is already in the library as “${result.article.title}”.`);
      } catch (error) {
        failed.push(message(error));
      }
    }
    if (failed.length) this.notices.error(`${failed.length} of ${files.length} files could not be added:`, failed);
    const done = added.length ? `Added ${added.length} article${added.length === 1 ? '' : 's'}.` : '';
    if (done || known.length) this.notices.status([done, ...known].filter(Boolean).join(' '));
    await this.refresh();
  }

  private async pasteText(): Promise<void> {
    const values = await formDialog({
      title: 'Paste an article',
      submit: 'Add article',
      fields: [
        { name: 'text', label: 'Article text', type: 'textarea', required: true, check: (v) => (v.trim() ? null : 'Paste some text.') },
        { name: 'title', label: 'Title (optional: the first line is used otherwise)' },
      ],
    });
    if (!values) return;
    try {
      const { article, text } = await makeArticle(values.text!, { title: values.title });
      const result = await this.store.addArticle(article, text);
      if (result.status === 'exists') this.notices.status(`This text is already in the library as “${result.article.title}”.`);
      location.hash = `#/article/${encodeURIComponent(result.article.id)}`;
    } catch (error) {
      this.notices.error(message(error));
    }
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

  /** Downloads every article that has claims, with all their claims, as a claimtrail file. */
  async exportAll(): Promise<void> {
    try {
      const bundles = await this.store.exportBundles();
      if (!bundles.length) {
        this.notices.status('Nothing to export yet: no article has claims.');
        return;
      }
      const now = new Date();
      const file = toExportFile(bundles, this.annotator, now.toISOString(), `claimtrail ${version}`);
      download(JSON.stringify(file, null, 2), exportFileName(now));
      const claims = bundles.reduce((sum, b) => sum + b.claims.length, 0);
      this.notices.status(`Exported ${claims} claims from ${bundles.length} articles.`);
    } catch (error) {
      this.notices.error(message(error));
    }
  }

  /** Checks each export file in full, then stores each good one in one transaction. */
  async importFiles(files: readonly File[]): Promise<void> {
    this.notices.clearError();
    const reports: string[] = [];
    for (const file of files) {
      const result = await checkExportFile(file, (stage, fraction) =>
        this.notices.progress(`${stage === 'reading' ? 'Reading' : 'Checking'} ${file.name}…`, fraction));
      if (!result.ok) {
        this.notices.addError(`${file.name} was not imported; nothing from it was stored:`, result.problems);
        continue;
      }
      this.notices.progress(`Saving ${file.name}…`, 1);
      try {
        const r = await this.store.importFile(result.value);
        reports.push(`${file.name}: ${r.claimsAdded} claims added, ${r.claimsUpdated} updated, ${r.claimsUnchanged} already present; ${r.articlesAdded} new articles.`);
      } catch (error) {
        this.notices.addError(`${file.name} was not imported:`, [message(error)]);
      }
    }
    this.notices.progress(null);
    if (reports.length) this.notices.status(`Imported ${reports.join(' ')}`);
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
