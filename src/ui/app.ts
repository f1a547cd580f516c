/**
 * The app: routes between the library, an article, a claim thread and the provenance picture,
 * and hands user actions to what does them (claim-commands for claims, exchange for files,
 * provenance and threads for links between articles and claims).
 */
import type { Decision } from '../core/adjudication';
import type { Comparison } from '../core/agreement-report';
import { cleanMeta } from '../core/article';
import { claimPages } from '../core/format/export';
import { HttpUrl } from '../core/format/claimtrail-v1';
import type { ClaimChange } from '../core/history';
import { nowIso, type Annotator, type Article } from '../core/model';
import type { ChangeMessage } from '../store/channel';
import type { Store } from '../store/db';
import { errorMessage } from '../core/errors';
import { ArticleView } from './article-view';
import { ClaimCommands } from './claim-commands';
import { formDialog } from './dialogs';
import { Exchange } from './exchange';
import { libraryChoice, renderLibrary, shownArticles } from './library';
import { h } from './dom';
import type { LibrarySearch } from '../search/index-client';
import type { ArticleSummary } from '../store/db';
import type { Range } from '../core/selection';
import { provenancePicture } from './picture';
import { Provenance } from './provenance';
import { Threads } from './threads';
import type { DecisionChoice, Intent } from './intents';
import type { Notices } from './notices';
import type { WriteJournal } from './journal';
import { guard } from './guard';
import { Team } from './team';
import type { TeamIntent } from '../sync/team-sync';
import type { TeamApplied } from '../store/db';
import type { ArticleAction } from '../editor/article-state';

const ARTICLE_ROUTE = /^#\/article\/([^?]+)(?:\?at=(\d+)-(\d+))?$/;
const THREAD_ROUTE = /^#\/thread\/(.+)$/;
const CLAIMS_ROUTE = /^#\/claims(?:\?q=(.*))?$/;

/** Previous article and Next article, in the library's order as the person last sorted and filtered it. */
function neighbours(shown: readonly ArticleSummary[], id: string): HTMLElement {
  const at = shown.findIndex((s) => s.article.id === id);
  const link = (to: ArticleSummary | undefined, text: string, rel: string) =>
    to ? h('a', { href: `#/article/${encodeURIComponent(to.article.id)}`, rel, title: to.article.title }, text) : h('span', { class: 'hint' }, text);
  return h(
    'nav',
    { class: 'article-neighbours', 'aria-label': 'Library order' },
    link(at > 0 ? shown[at - 1] : undefined, '← Previous article', 'prev'),
    at >= 0 ? h('span', { class: 'hint' }, `${at + 1} of ${shown.length}`) : null,
    link(at >= 0 ? shown[at + 1] : undefined, 'Next article →', 'next'),
  );
}

function checkUrl(value: string): string | null {
  return !value || HttpUrl.safeParse(value).success ? null : 'Only http and https addresses are accepted.';
}

export class App {
  private article: ArticleView | null = null;
  /** What claim actions do: draw, store, record for undo. */
  private readonly claims: ClaimCommands;
  /** Counts route changes, so a slow load never replaces a view the user has already left. */
  private routeSerial = 0;
  /** The address of the view last shown. */
  private shownHash = '';
  /** Whether the library's agreement figures were asked for since the library was opened. */
  private agreementShown = false;
  private readonly provenance: Provenance;
  private readonly threads: Threads;
  private readonly exchange: Exchange;
  /** The team project: its button, status and sync. */
  readonly team: Team;
  /** What to call when the view shown is left (a virtual list lets go of its scroller). */
  private leaveView: (() => void) | null = null;
  /** Whether the view shown redraws itself when the library index takes in a change. */
  private followsIndex = false;

  constructor(
    private readonly store: Store,
    private annotator: Annotator,
    private readonly main: HTMLElement,
    private readonly notices: Notices,
    private readonly chooseArticleFiles: () => void,
    private readonly journal: WriteJournal,
    private readonly search: LibrarySearch,
  ) {
    this.claims = new ClaimCommands(
      store,
      notices,
      () => this.annotator,
      () => this.article,
      journal,
    );
    const host = {
      store,
      notices,
      annotator: () => this.annotator,
      commit: (changes: ClaimChange[]) => this.claims.commit(changes),
      refresh: () => this.refresh(),
    };
    this.provenance = new Provenance(host);
    this.threads = new Threads(host);
    this.exchange = new Exchange(store, notices, () => this.annotator);
    this.team = new Team({
      store,
      notices,
      annotator: () => this.annotator,
      becomeAnnotator: (annotator) => this.becomeAnnotator(annotator),
      handle: (intent) => this.handleTeam(intent),
    });
  }

  /** Shows the view named by the address and follows later changes of it. */
  start(): Promise<void> {
    window.addEventListener('hashchange', () => guard(this.route()));
    return this.route();
  }

  private async route(): Promise<void> {
    const serial = ++this.routeSerial;
    const match = ARTICLE_ROUTE.exec(location.hash);
    const thread = THREAD_ROUTE.exec(location.hash);
    if (location.hash !== this.shownHash) this.agreementShown = false;
    const claims = CLAIMS_ROUTE.exec(location.hash);
    try {
      if (match) {
        const at = match[2] === undefined ? undefined : { start: Number(match[2]), end: Number(match[3]) };
        await this.openArticle(decodeURIComponent(match[1]!), serial, at);
      } else if (thread) await this.showThread(decodeURIComponent(thread[1]!), serial);
      else if (claims) await this.showClaims(decodeURIComponent(claims[1] ?? ''), serial);
      else if (location.hash === '#/review') await this.showQueue(serial);
      else if (location.hash === '#/overview') await this.showOverview(serial);
      else if (location.hash === '#/provenance') await this.showPicture(serial);
      else await this.showLibrary(serial);
    } catch (error) {
      this.notices.error(errorMessage(error));
    }
  }

  private setView(element: HTMLElement, article: ArticleView | null, leave: (() => void) | null = null): void {
    this.article?.destroy();
    this.leaveView?.();
    this.leaveView = leave;
    this.followsIndex = false;
    this.article = article;
    this.main.replaceChildren(element);
    // A new place starts at its top; the same place redrawn (after an import, another tab) stays put.
    if (location.hash !== this.shownHash) window.scrollTo(0, 0);
    this.shownHash = location.hash;
  }

  private async showLibrary(serial = ++this.routeSerial): Promise<void> {
    const summaries = await this.store.listArticles();
    if (serial !== this.routeSerial) return;
    document.title = 'Library — claimtrail';
    const library = renderLibrary(summaries, {
      addFiles: () => this.chooseArticleFiles(),
      pasteText: () => guard(this.exchange.pasteText()),
      editDetails: (article) => guard(this.editDetails(article)),
      showAgreement: (into) => guard(this.showAgreement(into)),
      agreementShown: this.agreementShown,
      showProvenance: (into) =>
        guard(
          this.provenance.librarySection(
            summaries.map((s) => s.article),
            into,
          ),
        ),
    });
    this.setView(library.element, null, library.destroy);
  }

  private async showClaims(query: string, serial: number): Promise<void> {
    const { ClaimsView } = await import('./claims-view');
    if (serial !== this.routeSerial) return;
    document.title = 'Claims — claimtrail';
    const view = new ClaimsView(
      {
        search: this.search,
        me: () => this.annotator.id,
        relabel: (ids, label) => this.claims.relabelMine(ids, label),
        exportClaims: (ids) => guard(this.exchange.exportAs(undefined, ids)),
        status: (message) => this.notices.status(message),
      },
      query,
    );
    this.setView(view.element, null, () => view.destroy());
    this.followsIndex = true;
    guard(view.load());
  }

  private async showQueue(serial: number): Promise<void> {
    const { ReviewQueue } = await import('./review-queue');
    if (serial !== this.routeSerial) return;
    document.title = 'To review — claimtrail';
    const queue = new ReviewQueue({
      search: this.search,
      me: () => this.annotator.id,
      agree: (claim) => this.claims.agree(claim),
      label: (claim, label) => this.claims.labelWordsOf(claim, label),
      comment: async (claim) => {
        const values = await formDialog({
          title: `Comment on ${claim.annotator.name}’s claim`,
          submit: 'Add comment',
          fields: [{ name: 'text', label: 'Comment', type: 'textarea', required: true }],
        });
        if (!values?.text?.trim()) return false;
        await this.claims.addComment(claim.articleId, claim.id, values.text.trim());
        return true;
      },
    });
    this.setView(queue.element, null, () => queue.destroy());
    this.followsIndex = true;
    await queue.load();
  }

  private async showOverview(serial: number): Promise<void> {
    const [overview, { renderOverview }] = await Promise.all([this.search.ask('overview', {}), import('./overview')]);
    if (serial !== this.routeSerial) return;
    document.title = 'Overview — claimtrail';
    this.setView(renderOverview(overview), null);
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
    this.setView(
      provenancePicture(
        summaries.map((s) => s.article),
        relations,
        threads,
        new Map(claims.map((c) => [c.id, c])),
      ),
      null,
    );
  }

  private async openArticle(id: string, serial = ++this.routeSerial, at?: Range): Promise<void> {
    const [loaded, decisions, comments, unlabelled, conflicts, summaries] = await Promise.all([
      this.store.loadArticle(id),
      this.store.decisions(id),
      this.store.comments(id),
      this.store.unlabelled(id),
      this.store.team.conflicts(id),
      this.store.listArticles(),
    ]);
    const bundle = loaded && { ...loaded, comments };
    if (serial !== this.routeSerial) return;
    if (!bundle) {
      this.notices.error('That article is not in this browser’s library.');
      location.hash = '#/';
      return;
    }
    document.title = `${bundle.article.title} — claimtrail`;
    const view: ArticleView = new ArticleView(bundle, decisions, unlabelled, conflicts, {
      dispatch: (intent) => this.handle(view, intent),
      isMine: (claim) => claim.annotator.id === this.annotator.id,
      draft: (claimId) => this.journal.draft(claimId),
      // The bundle, not the view: entries are drawn while the view is being made, and showDetails keeps bundle.article current.
      pages: (claim) => claimPages(bundle.article, claim) ?? [],
      links: (claim, into) => guard(this.threads.links(claim, into)),
    });
    this.setView(h('div', { class: 'article-page' }, neighbours(shownArticles(summaries, libraryChoice()), id), view.element), view);
    if (at && at.end <= bundle.text.length && at.start < at.end) view.editor.selectRange(at);
    await this.showLinks(view);
  }

  /** The one place the intents of an article view are carried out. */
  private handle(view: ArticleView, intent: Intent): void {
    const claims = this.claims;
    switch (intent.type) {
      case 'label':
        return guard(claims.label(intent.label, intent.selection));
      case 'reveal':
        return view.editor.reveal(intent.id);
      case 'relabel':
        return guard(claims.update(intent.id, { label: intent.label }));
      case 'set-note':
        return guard(claims.update(intent.id, { note: intent.note || undefined }));
      case 'keep-draft':
        return intent.text === undefined ? this.journal.setDraft(intent.id, undefined) : this.journal.typeDraft(intent.id, intent.text);
      case 'add-source':
        return guard(claims.updateSources(intent.id, (sources) => [...sources, intent.source]));
      case 'remove-source':
        return guard(claims.updateSources(intent.id, (sources) => sources.filter((_, i) => i !== intent.index)));
      case 'attribute':
        return guard(claims.attribute(view, intent.id));
      case 'remove':
        return guard(claims.remove(intent.id));
      case 'copy-to-mine':
        return guard(claims.copyToMine(intent.id));
      case 'add-comment':
        return guard(claims.addComment(view.bundle.article.id, intent.id, intent.text));
      case 'undo':
        return guard(claims.undo());
      case 'redo':
        return guard(claims.redo());
      case 'set-hidden':
        return view.editor.dispatch({ type: 'layers', hidden: intent.hidden });
      case 'decide':
        return guard(this.decide(view, intent.key, intent.decision));
      case 'export-adjudicated':
        return guard(this.exportAdjudicated(view, intent.lines));
      case 'show-words':
        return view.editor.selectRange(intent.range);
      case 'confirm-place':
        return guard(claims.replace(intent.id, (c) => ({ anchor: { ...c.anchor!, confirmed: true } })));
      case 'detach':
        return guard(claims.replace(intent.id, (c) => ({ anchor: { status: 'orphan', from: c.anchor!.from } })));
      case 'reattach':
        return guard(claims.reattach(view, intent.id));
      case 'label-unlabelled':
        return guard(claims.labelUnlabelled(view, intent.id, intent.label));
      case 'edit-details':
        return guard(this.editDetails(intent.article));
      case 'download-original':
        return guard(this.exchange.downloadOriginal(intent.article));
      case 'use-whole-page':
        return guard(this.exchange.useWholePage(intent.article));
      case 'keep-version':
        return guard(this.keepVersion(view, intent));
    }
  }

  /** Redraws whatever is shown, after another tab or an import changed the data. */
  private refresh(): Promise<void> {
    this.threads.forget();
    // The Claims view and the review queue follow the index's changes themselves, keeping their sort, selection and place.
    if (this.followsIndex) return Promise.resolve();
    return this.route();
  }

  /** Takes back the last claim action (Ctrl/Cmd+Z). */
  undo(): Promise<void> {
    return this.claims.undo();
  }

  /** Does again the last undone claim action (Ctrl/Cmd+Shift+Z). */
  redo(): Promise<void> {
    return this.claims.redo();
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
    const meta = cleanMeta(values);
    const updated = await this.store.updateArticleMeta(article.id, { ...meta, title: meta.title ?? article.title });
    if (this.article?.bundle.article.id === article.id) this.article.showDetails(updated);
    else await this.refresh();
    this.notices.status('Details saved.');
  }

  // Review

  private async decide(view: ArticleView, key: string, choice: DecisionChoice): Promise<void> {
    const decision: Decision = { key, articleId: view.bundle.article.id, ...choice, by: this.annotator, at: nowIso() };
    await this.store.putDecision(decision);
    view.editor.dispatch({ type: 'decision', decision });
  }

  private async exportAdjudicated(view: ArticleView, lines: Comparison[]): Promise<void> {
    const { downloadAdjudicated } = await import('./review');
    this.notices.status(downloadAdjudicated(view.bundle, lines, view.decisions, this.annotator));
  }

  private async showAgreement(into: HTMLElement): Promise<void> {
    this.agreementShown = true;
    const { libraryAgreement } = await import('./review');
    into.replaceChildren(...(await libraryAgreement(this.store)));
  }

  // Files

  /** Downloads every article that has claims, as a claimtrail file. */
  exportAll(): Promise<void> {
    return this.exchange.exportAll();
  }

  /** Asks for a format and downloads the claims (of the open article, or all) in it. */
  exportAs(): Promise<void> {
    return this.exchange.exportAs(this.article?.bundle.article.id);
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

  /** Makes `annotator` the one who makes claims here (joining a team project), and redraws. */
  private async becomeAnnotator(annotator: Annotator): Promise<void> {
    this.annotator = annotator;
    await this.store.setSetting('annotator', annotator);
    document.getElementById('annotator')?.replaceChildren(`Annotator: ${annotator.name}`);
    await this.refresh();
  }

  /** The one place the team project's intents are carried out: a change from the network takes the road of any other. */
  private async handleTeam(intent: TeamIntent): Promise<void> {
    switch (intent.type) {
      case 'team-status':
        return this.team.show(intent.status);
      case 'team-refused':
        return this.notices.error('The team server refused changes from this library (they stay here):', intent.messages);
      case 'team-arrived': {
        const applied = await this.store.team.apply(intent.changes, intent.seq);
        const problems = [...intent.problems, ...applied.refused];
        if (problems.length) this.notices.error('Some of the team project’s changes could not be taken in:', problems);
        return this.showArrived(applied);
      }
    }
  }

  /**
   * Keeps one version of a claim or decision changed in two places; the result comes back from
   * the team replica like any change. A kept decision is this reviewer's, made now.
   */
  private async keepVersion(view: ArticleView, { kind, id, rev }: Extract<Intent, { type: 'keep-version' }>): Promise<void> {
    const at = nowIso();
    const kept =
      kind === 'claim'
        ? await this.team.keepVersion(`claim:${id}`, rev, { modified: at })
        : await this.team.keepVersion(`decision:${view.bundle.article.textSha256}:${id}`, rev, {
            at,
            by: { id: this.annotator.id, name: this.annotator.name },
          });
    if (!kept) return this.notices.error('Connect to the team project (Team) to settle this: the versions are in its database.');
    this.notices.status('Kept that version; the other is deleted from the project.');
  }

  /** Draws what arrived from the team project: into the open article without redrawing it, else the view again. */
  private async showArrived(applied: TeamApplied): Promise<void> {
    const article = this.article;
    if (!article) {
      if (applied.changes.length || applied.articlesAdded.length || applied.unlabelledArticles.length || applied.links) this.redrawSoon();
      return;
    }
    const id = article.bundle.article.id;
    const changes = applied.changes.filter((c) => (c.after ?? c.before)?.articleId === id);
    if (changes.length) article.editor.apply(changes);
    const actions: ArticleAction[] = [
      ...applied.comments.filter((c) => c.articleId === id).map((comment) => ({ type: 'comment' as const, comment })),
      ...applied.decisions.filter((d) => d.articleId === id).map((decision) => ({ type: 'decision' as const, decision })),
    ];
    const [conflicts, unlabelled] = await Promise.all([
      applied.conflictArticles.includes(id) ? this.store.team.conflicts(id) : null,
      applied.unlabelledArticles.includes(id) ? this.store.unlabelled(id) : null,
    ]);
    if (this.article !== article) return;
    if (conflicts) actions.push({ type: 'conflicts', conflicts });
    if (unlabelled) actions.push({ type: 'unlabelled', unlabelled });
    if (actions.length) article.editor.dispatch(...actions);
    if (applied.links) await this.showLinks(article);
  }

  /** Draws the open article's relations and claim threads again, as they are now stored. */
  private async showLinks(view: ArticleView): Promise<void> {
    const section = await this.provenance.articleSection(view);
    if (this.article === view) view.provenanceSlot.replaceChildren(section);
  }

  /** Brings this tab in step with a change another tab made. */
  onExternalChange(change: ChangeMessage): void {
    if (change.type === 'claims' && this.article) {
      const id = this.article.bundle.article.id;
      this.article.editor.apply(change.changes.filter((c) => (c.after ?? c.before)?.articleId === id));
      return;
    }
    if (change.type === 'library' && this.article && !change.articleIds.includes(this.article.bundle.article.id)) return;
    this.redrawSoon();
  }

  /** A redraw under way, and whether another was asked for meanwhile. */
  private redrawing: Promise<void> | null = null;
  private redrawAgain = false;

  /**
   * Redraws the view for changes made elsewhere, one redraw at a time: a change asked for while
   * one runs gets one more after it, so a first sync's hundreds of batches never queue a redraw each.
   */
  private redrawSoon(): void {
    if (this.redrawing) {
      this.redrawAgain = true;
      return;
    }
    this.redrawing = this.refresh().finally(() => {
      this.redrawing = null;
      if (!this.redrawAgain) return;
      this.redrawAgain = false;
      this.redrawSoon();
    });
  }

  /** Another tab opened a newer version of the database: stop, and say how to go on. */
  onVersionChange(): void {
    this.main.inert = true;
    this.notices.error('claimtrail was updated in another tab. This tab has stopped saving so the update can go ahead: reload it to continue.');
  }
}
