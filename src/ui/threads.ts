/**
 * Claim threads in the interface: under the selected claim, its thread and the passages of
 * other articles that say the same (to confirm or dismiss); and the thread view, which lists
 * every appearance of the statement with each annotator's label and sources.
 */
import type { ClaimChange } from '../core/history';
import { createClaim, LABEL_NAMES, nowIso, type Annotator, type Article, type Claim, type ClaimThread } from '../core/model';
import { claimPassages, linkClaims, partEnd, PassageIndex, sentencePassages, similarPassages, type Passage, type PassageMatch } from '../core/threads';
import type { Store } from '../store/db';
import { formDialog } from './dialogs';
import { ellipsis, formatPublished, h } from './dom';
import { idle } from './steps';
import type { Notices } from './notices';
import { guard } from './guard';

/** What threads need from the app. */
export interface ThreadsHost {
  store: Store;
  notices: Notices;
  annotator(): Annotator;
  commit(changes: ClaimChange[]): Promise<boolean>;
  /** Shows the current view again. */
  refresh(): Promise<void>;
}

/** Settings key of the matches the user said are not the same claim. */
const DISMISSED_MATCHES = 'dismissedMatches' as const;

/** Claims read in one idle moment. */
const CLAIMS_CHUNK = 250;

function matchKey(claim: Claim, p: Passage): string {
  return `${claim.id}>${p.articleId}:${p.start}-${p.end}`;
}

export class Threads {
  /** Passages of the articles read so far (each read once, in idle moments), kept until the library changes. */
  private index = new PassageIndex();
  /** The articles read into the index, or being read. */
  private readonly reading = new Map<string, Promise<void>>();
  private articles: Promise<Map<string, Article>> | null = null;

  constructor(private readonly host: ThreadsHost) {}

  /** Drops what was read of other articles (after any change to the library or its claims). */
  forget(): void {
    this.index = new PassageIndex();
    this.reading.clear();
    this.articles = null;
  }

  /**
   * The passages of every article but `open`, reading those not read yet. The open article is
   * never read: its own passages are not offered, and it is the one whose claims are changing,
   * so what was read of it before is dropped.
   */
  private async library(open: string): Promise<{ passages: PassageIndex; articles: Map<string, Article> }> {
    const articles = await (this.articles ??= this.host.store.listArticles().then((all) => new Map(all.map((s) => [s.article.id, s.article]))));
    const index = this.index;
    for (const id of articles.keys()) {
      if (id === open) {
        if (this.reading.delete(id)) index.drop(id);
        continue;
      }
      if (!this.reading.has(id)) this.reading.set(id, this.read(index, id));
      await this.reading.get(id);
    }
    return { passages: index, articles };
  }

  /** Adds an article's claims and sentences to the index, a part at a time in idle moments. */
  private async read(index: PassageIndex, id: string): Promise<void> {
    const text = (await this.host.store.texts([id])).get(id);
    if (text === undefined) return;
    for await (const claims of this.host.store.claimsInParts(id)) {
      for (let i = 0; i < claims.length; i += CLAIMS_CHUNK) {
        await idle();
        index.add(claimPassages(id, claims.slice(i, i + CLAIMS_CHUNK)));
      }
    }
    for (let from = 0; from < text.length;) {
      await idle();
      const to = partEnd(text, from);
      index.add(sentencePassages(id, text, from, to));
      from = to;
    }
  }

  /** Fills `into` with the claim's thread and the likely matches in other articles. */
  async links(claim: Claim, into: HTMLElement): Promise<void> {
    const [threads, dismissed, { passages, articles }] = await Promise.all([
      this.host.store.threads(),
      this.host.store.getSetting(DISMISSED_MATCHES),
      this.library(claim.articleId),
    ]);
    const thread = threads.find((t) => t.claimIds.includes(claim.id));
    const skip = new Set(dismissed ?? []);
    const inThread = new Set(thread?.claimIds ?? []);
    const candidates = passages
      .candidates(claim.exact)
      .filter((p) => p.articleId !== claim.articleId && !(p.claimId && inThread.has(p.claimId)) && !skip.has(matchKey(claim, p)));
    const matches = similarPassages(claim.exact, candidates);
    const item = (m: PassageMatch) =>
      h(
        'li',
        { class: 'match' },
        h('a', { href: `#/article/${encodeURIComponent(m.articleId)}` }, ellipsis(articles.get(m.articleId)?.title ?? 'another article', 60)),
        ': ',
        h('q', { dir: 'auto' }, ellipsis(m.text, 160)),
        ` — ${Math.round(m.score * 100)}% similar${m.claimId ? ', already a claim' : ''} `,
        h('button', { type: 'button', 'data-control': 'same-claim', onclick: () => guard(this.confirm(claim, m, into)) }, 'Same claim'),
        h('button', { type: 'button', class: 'quiet', 'data-control': 'not-same', onclick: () => guard(this.dismiss(claim, m, into)) }, 'Not the same'),
      );
    into.replaceChildren(
      thread
        ? h(
            'p',
            { class: 'thread-link' },
            `In a claim thread with ${thread.claimIds.length - 1} other appearance${thread.claimIds.length === 2 ? '' : 's'}: `,
            h('a', { href: `#/thread/${encodeURIComponent(thread.id)}` }, 'open the thread'),
          )
        : h('p', { class: 'hint' }, 'Not in a claim thread yet.'),
      h('h3', {}, 'Same claim elsewhere?'),
      matches.length ? h('ul', { class: 'matches' }, ...matches.map(item)) : h('p', { class: 'hint' }, 'No similar wording found in other articles.'),
    );
  }

  private async dismiss(claim: Claim, match: PassageMatch, into: HTMLElement): Promise<void> {
    const dismissed = (await this.host.store.getSetting(DISMISSED_MATCHES)) ?? [];
    await this.host.store.setSetting(DISMISSED_MATCHES, [...dismissed, matchKey(claim, match)]);
    await this.links(claim, into);
  }

  /**
   * Joins the claim and the match in one thread. A matching sentence that is not a claim yet
   * becomes one, yours, with the same label.
   */
  private async confirm(claim: Claim, match: PassageMatch, into: HTMLElement): Promise<void> {
    let otherId = match.claimId;
    if (!otherId) {
      const bundle = await this.host.store.loadArticle(match.articleId);
      const made = bundle && createClaim(bundle.text, match.articleId, match, claim.label, this.host.annotator());
      if (!made || !(await this.host.commit([{ before: null, after: made }]))) return;
      otherId = made.id;
      this.index.add(claimPassages(match.articleId, [made]));
    }
    const { put, removed } = linkClaims(await this.host.store.threads(), claim, otherId, nowIso());
    if (removed) await this.host.store.putThread({ ...removed, claimIds: [] });
    await this.host.store.putThread(put);
    this.host.notices.status(`Linked as the same claim (thread of ${put.claimIds.length}).`);
    await this.links(claim, into);
  }

  /** The thread view: every appearance of one statement. */
  async threadView(id: string): Promise<HTMLElement | null> {
    const thread = (await this.host.store.threads()).find((t) => t.id === id);
    if (!thread) return null;
    const [claims, summaries] = await Promise.all([this.host.store.claimsById(thread.claimIds), this.host.store.listArticles()]);
    const articles = new Map(summaries.map((s) => [s.article.id, s.article]));
    const ordered = [...claims].sort(
      (a, b) =>
        (articles.get(a.articleId)?.published ?? '9999').localeCompare(articles.get(b.articleId)?.published ?? '9999') || a.created.localeCompare(b.created),
    );
    const row = (c: Claim) => {
      const article = articles.get(c.articleId);
      return h(
        'tr',
        { 'data-claim-id': c.id },
        h('td', {}, h('a', { href: `#/article/${encodeURIComponent(c.articleId)}` }, article?.title ?? '—')),
        h('td', {}, article?.published ? formatPublished(article.published) : '—'),
        h('td', {}, article?.outlet ?? article?.author ?? '—'),
        h('td', {}, h('q', { dir: 'auto' }, ellipsis(c.exact, 300))),
        h('td', {}, `${c.annotator.name}: `, h('span', { class: `label-tag label-${c.label}` }, LABEL_NAMES[c.label])),
        h('td', {}, c.sources.length ? c.sources.map((s) => s.citation ?? s.url ?? s.attribution?.exact ?? '').join('; ') : '—'),
        h('td', {}, h('button', { type: 'button', class: 'quiet', onclick: () => guard(this.removeFromThread(thread, c.id)) }, 'Remove')),
      );
    };
    const labels = new Set(claims.map((c) => c.label));
    return h(
      'section',
      { class: 'thread-view', 'aria-labelledby': 'thread-title' },
      h('a', { href: '#/', class: 'back' }, '← Library'),
      h('h1', { id: 'thread-title', dir: 'auto' }, `Claim thread: “${ellipsis(thread.title, 120)}”`),
      h('button', { type: 'button', class: 'quiet', onclick: () => guard(this.rename(thread)) }, 'Rename thread'),
      h(
        'p',
        {},
        `${claims.length} appearances in ${new Set(claims.map((c) => c.articleId)).size} articles; `,
        labels.size > 1 ? `judged differently (${[...labels].map((l) => LABEL_NAMES[l]).join(', ')}). ` : 'judged alike. ',
        h('a', { href: '#/provenance' }, 'See the provenance picture'),
      ),
      h(
        'table',
        { class: 'thread-table' },
        h('thead', {}, h('tr', {}, ...['Article', 'Published', 'Outlet', 'Quote', 'Label', 'Sources', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...ordered.map(row)),
      ),
    );
  }

  /** Asks for a new title (the first claim's words are only a start) and shows the thread again. */
  private async rename(thread: ClaimThread): Promise<void> {
    const values = await formDialog({
      title: 'Rename the claim thread',
      submit: 'Rename',
      fields: [{ name: 'title', label: 'Title', value: thread.title, required: true, check: (v) => (v.trim() ? null : 'Give the thread a title.') }],
    });
    if (!values) return;
    await this.host.store.putThread({ ...thread, title: values.title!, modified: nowIso() });
    await this.host.refresh();
  }

  private async removeFromThread(thread: ClaimThread, claimId: string): Promise<void> {
    const claimIds = thread.claimIds.filter((id) => id !== claimId);
    await this.host.store.putThread({ ...thread, claimIds: claimIds.length > 1 ? claimIds : [], modified: nowIso() });
    // A thread of one is no thread: it is gone, and the library is shown instead.
    if (claimIds.length > 1) await this.host.refresh();
    else location.hash = '#/';
  }
}
