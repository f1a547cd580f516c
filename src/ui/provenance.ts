/**
 * Article provenance in the interface: the relations of an article to others (republishes,
 * excerpts, translates, cites), likely versions found by fingerprint, and carrying claims from
 * one version to another with a report of how they anchored.
 */
import { ANCHOR_STATUSES } from '../core/anchor';
import { carryClaims } from '../core/carry';
import type { ClaimChange } from '../core/history';
import { newId, nowIso, RELATION_KINDS, type Article, type ArticleRelation, type RelationKind } from '../core/model';
import { fingerprintSteps, likelyVersions, type VersionPair } from '../core/similarity';
import type { Store } from '../store/db';
import { libraryFingerprints } from '../store/fingerprints';
import type { ArticleView } from './article-view';
import { formDialog } from './dialogs';
import { ellipsis, h } from './dom';
import type { Notices } from './notices';
import { inSteps } from './steps';
import { guard } from './guard';

/** What provenance needs from the app. */
export interface ProvenanceHost {
  store: Store;
  notices: Notices;
  /** Draws, stores and records (for undo) one action's claim changes. */
  commit(changes: ClaimChange[]): Promise<boolean>;
  /** Shows the current view again. */
  refresh(): Promise<void>;
}

/** Settings key of the version pairs the user said are not versions. */
const DISMISSED_VERSIONS = 'dismissedVersions' as const;

/** "republishes" read from the other side: "is republished by". */
const PASSIVE: Record<RelationKind, string> = {
  republishes: 'is republished by',
  excerpts: 'is excerpted by',
  translates: 'is translated by',
  cites: 'is cited by',
};

function articleLink(article: Article | undefined, id: string): HTMLElement {
  return h('a', { href: `#/article/${encodeURIComponent(id)}` }, article ? `“${ellipsis(article.title, 80)}”` : 'an article no longer here');
}

function pairKey(pair: { a: string; b: string }): string {
  return [pair.a, pair.b].sort().join('|');
}

/** Provenance actions and the parts of views that show them. */
export class Provenance {
  constructor(private readonly host: ProvenanceHost) {}

  /** Likely version pairs not yet related and not dismissed. */
  async versionSuggestions(relations: readonly ArticleRelation[]): Promise<VersionPair[]> {
    const [prints, dismissed] = await Promise.all([
      libraryFingerprints(this.host.store, (text) => inSteps(fingerprintSteps(text))),
      this.host.store.getSetting(DISMISSED_VERSIONS),
    ]);
    const skip = new Set([...(dismissed ?? []), ...relations.map((r) => pairKey({ a: r.from, b: r.to }))]);
    return likelyVersions(prints).filter((p) => !skip.has(pairKey(p)));
  }

  /** One likely version pair with its actions. */
  suggestionItem(found: VersionPair, articles: ReadonlyMap<string, Article>, here?: string): HTMLElement {
    // Name the two in library order.
    const order = [...articles.keys()];
    const pair = order.indexOf(found.a) <= order.indexOf(found.b) ? found : { ...found, a: found.b, b: found.a };
    const [a, b] = [articles.get(pair.a), articles.get(pair.b)];
    const other = here === pair.a ? pair.b : pair.a;
    const what = here
      ? h('span', {}, articleLink(articles.get(other), other), ' looks like another version of this text')
      : h('span', {}, articleLink(a, pair.a), ' and ', articleLink(b, pair.b), ' look like versions of one text');
    return h(
      'li',
      { class: 'version-suggestion' },
      what,
      ` (${Math.round(pair.score * 100)}% of the shorter text shared). `,
      h('button', { type: 'button', 'data-control': 'link-versions', onclick: () => guard(this.linkVersions(pair, articles)) }, 'Link as versions…'),
      h('button', { type: 'button', class: 'quiet', onclick: () => guard(this.dismiss(pair)) }, 'Not versions'),
    );
  }

  private async dismiss(pair: VersionPair): Promise<void> {
    const dismissed = (await this.host.store.getSetting(DISMISSED_VERSIONS)) ?? [];
    await this.host.store.setSetting(DISMISSED_VERSIONS, [...dismissed, pairKey(pair)]);
    await this.host.refresh();
  }

  /** Asks which of two versions is the original and how the other relates to it, then records it. */
  private async linkVersions(pair: VersionPair, articles: ReadonlyMap<string, Article>): Promise<void> {
    const name = (id: string) => `“${ellipsis(articles.get(id)?.title ?? id, 60)}”`;
    // The original is the one published first; without dates, the longer (a repost trims).
    const [x, y] = [articles.get(pair.a), articles.get(pair.b)];
    const firstIsOriginal = x?.published && y?.published ? x.published <= y.published : (x?.length ?? 0) >= (y?.length ?? 0);
    const [original, copy] = firstIsOriginal ? [pair.a, pair.b] : [pair.b, pair.a];
    const values = await formDialog({
      title: 'Link as versions',
      submit: 'Link',
      fields: [
        { name: 'from', label: 'This article…', type: 'select', value: copy, options: [copy, original].map((id) => ({ value: id, label: name(id) })) },
        {
          name: 'kind',
          label: '…relates to the other as',
          type: 'select',
          value: 'republishes',
          options: (['republishes', 'excerpts', 'translates'] as const).map((k) => ({ value: k, label: k })),
        },
      ],
    });
    if (!values) return;
    const from = values.from!;
    await this.addRelation(from, from === pair.a ? pair.b : pair.a, values.kind as RelationKind);
  }

  /** Asks for a relation from `article` to another article of the library, then records it. */
  async askRelation(article: Article, others: readonly Article[]): Promise<void> {
    if (!others.length) {
      this.host.notices.status('There is no other article in the library to link to.');
      return;
    }
    const values = await formDialog({
      title: 'Link to another article',
      submit: 'Link',
      fields: [
        { name: 'kind', label: `“${ellipsis(article.title, 60)}”…`, type: 'select', options: RELATION_KINDS.map((k) => ({ value: k, label: k })) },
        { name: 'to', label: 'Article', type: 'select', options: others.map((o) => ({ value: o.id, label: ellipsis(o.title, 80) })) },
      ],
    });
    if (values) await this.addRelation(article.id, values.to!, values.kind as RelationKind);
  }

  private async addRelation(from: string, to: string, kind: RelationKind): Promise<void> {
    await this.host.store.putRelation({ id: newId(), from, to, kind, created: nowIso() });
    this.host.notices.status('Linked.');
    await this.host.refresh();
  }

  /**
   * Carries the claims of article `fromId` onto the open article, as one undoable action, and
   * reports how they anchored. Claims carried before (from the same claim) are not carried twice.
   */
  async carryInto(view: ArticleView, fromId: string, report: HTMLElement): Promise<void> {
    const source = await this.host.store.loadArticle(fromId);
    if (!source) return;
    const target = view.bundle.article.id;
    const already = new Set(
      view.editor
        .claims()
        .map((c) => c.anchor?.from.claim)
        .filter(Boolean),
    );
    const todo = source.claims.filter((c) => !already.has(c.id));
    if (!todo.length) {
      this.host.notices.status(source.claims.length ? 'Every claim of that article was carried over already.' : 'That article has no claims to carry over.');
      return;
    }
    const started = performance.now();
    const { claims, counts } = carryClaims(todo, { articleId: fromId, text: source.text }, { articleId: target, text: view.bundle.text });
    const took = performance.now() - started;
    if (!(await this.host.commit(claims.map((after) => ({ before: null, after }))))) return;
    const fuzzy = claims.filter((c) => c.anchor?.status === 'fuzzy');
    const parts = [
      h(
        'p',
        { class: 'carry-summary' },
        `Carried ${claims.length} claims from `,
        articleLink(source.article, fromId),
        `: `,
        ANCHOR_STATUSES.map((s) => `${counts[s]} ${s === 'orphan' ? 'not found' : s}`).join(', '),
        ` (${Math.round(took)} ms).`,
      ),
      fuzzy.length
        ? h(
            'div',
            { class: 'carry-fuzzy' },
            h('h3', {}, `Check the fuzzy ones (${fuzzy.length})`),
            h(
              'ul',
              {},
              ...fuzzy.map((c) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    { type: 'button', class: 'link', 'data-control': 'review-fuzzy', onclick: () => view.editor.reveal(c.id) },
                    `“${ellipsis(c.exact, 80)}”`,
                  ),
                  ` — score ${c.anchor!.score?.toFixed(2)}, was “${ellipsis(c.anchor!.from.exact ?? '', 80)}”`,
                ),
              ),
            ),
          )
        : null,
      counts.orphan ? h('p', {}, `${counts.orphan} not found: they are listed under “Not found in this text” in the claims panel, to attach by hand.`) : null,
    ];
    report.replaceChildren(...parts.filter((p) => p !== null));
  }

  /** The provenance section of an article view. */
  async articleSection(view: ArticleView): Promise<HTMLElement> {
    const article = view.bundle.article;
    const [relations, summaries] = await Promise.all([this.host.store.relations(), this.host.store.listArticles()]);
    const articles = new Map(summaries.map((s) => [s.article.id, s.article]));
    const mine = relations.filter((r) => r.from === article.id || r.to === article.id);
    const suggestions = (await this.versionSuggestions(relations)).filter((p) => p.a === article.id || p.b === article.id);
    const report = h('div', { class: 'carry-report', 'aria-live': 'polite' });
    const relationItem = (r: ArticleRelation) => {
      const outgoing = r.from === article.id;
      const other = outgoing ? r.to : r.from;
      return h(
        'li',
        { class: 'relation' },
        outgoing ? `This article ${r.kind} ` : 'This article ',
        outgoing ? null : `${PASSIVE[r.kind]} `,
        articleLink(articles.get(other), other),
        '. ',
        articles.has(other)
          ? h('button', { type: 'button', 'data-control': 'carry', onclick: () => guard(this.carryInto(view, other, report)) }, 'Carry claims over from it')
          : null,
        h('button', { type: 'button', class: 'quiet', onclick: () => guard(this.host.store.deleteRelation(r).then(() => this.host.refresh())) }, 'Remove link'),
      );
    };
    return h(
      'section',
      { class: 'provenance', 'aria-labelledby': 'provenance-title' },
      h('h2', { id: 'provenance-title' }, 'Provenance'),
      mine.length ? h('ul', { class: 'relations' }, ...mine.map(relationItem)) : h('p', { class: 'hint' }, 'Not linked to other articles.'),
      suggestions.length ? h('ul', { class: 'version-suggestions' }, ...suggestions.map((p) => this.suggestionItem(p, articles, article.id))) : null,
      h(
        'button',
        {
          type: 'button',
          class: 'quiet',
          onclick: () =>
            guard(
              this.askRelation(
                article,
                summaries.map((s) => s.article).filter((a) => a.id !== article.id),
              ),
            ),
        },
        'Link to another article…',
      ),
      report,
    );
  }

  /** The library's provenance section: likely versions to link, claim threads, the picture. */
  async librarySection(articles: readonly Article[], into: HTMLElement): Promise<void> {
    const [relations, threads] = await Promise.all([this.host.store.relations(), this.host.store.threads()]);
    const suggestions = await this.versionSuggestions(relations);
    const byId = new Map(articles.map((a) => [a.id, a]));
    into.replaceChildren(
      h('h2', { id: 'library-provenance-title' }, 'Provenance and claim threads'),
      suggestions.length
        ? h('ul', { class: 'version-suggestions', 'aria-label': 'Likely versions of one text' }, ...suggestions.map((p) => this.suggestionItem(p, byId)))
        : h('p', { class: 'hint' }, 'No unlinked versions of one text found.'),
      h(
        'p',
        {},
        `${relations.length} link${relations.length === 1 ? '' : 's'} between articles. `,
        h('a', { href: '#/provenance' }, 'See the provenance picture'),
      ),
      threads.length
        ? h(
            'ul',
            { class: 'thread-list', 'aria-label': 'Claim threads' },
            ...threads.map((t) =>
              h('li', {}, h('a', { href: `#/thread/${encodeURIComponent(t.id)}` }, `“${ellipsis(t.title, 100)}”`), ` — ${t.claimIds.length} appearances`),
            ),
          )
        : h('p', { class: 'hint' }, 'No claim threads yet: select a claim to see where else it appears.'),
    );
  }
}
