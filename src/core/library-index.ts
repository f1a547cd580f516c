/**
 * Everything of the library a search needs, kept up to date change by change: a MiniSearch
 * full-text index over articles (title, byline, address, text), a word index (word-index.ts)
 * over claims (quote, note, sources, comments, annotator), and the claims themselves for the
 * Claims view, the review queue and the overview. MiniSearch (7 KB gzip, maintained, no
 * dependencies) is made for this: incremental add and replace, BM25 ranking, prefix search, AND
 * queries, and our own tokenizer, so folding (fold.ts) is the same in the index, the query and
 * the marks. Claims are far more numerous (a million in a large library), and get the compact index.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { libraryOrder } from './article';
import { foldString, foldText, searchWords, type FoldedText } from './fold';
import type { ClaimChange } from './history';
import { libraryOverview, type Overview } from './library-overview';
import { phraseTest, searchGroup, type ArticleFound, type PhraseTest, type SearchAnswer } from './search-answer';
import { WordIndex, type WordMatches } from './word-index';
import { isOrphan, LABELS, type Article, type Claim, type ClaimComment, type ClaimThread, type Label } from './model';
import { articlePasses, asksOfClaims, claimPasses, hasFilters, isPrefixWord, type Query } from './query';
import { reviewStateOf, spanKey, type ReviewContext, type ReviewState } from './review-state';

/** One article as the index takes it in. */
export interface IndexedArticle {
  article: Article;
  text: string;
  claims: readonly Claim[];
  comments?: readonly ClaimComment[];
}

/** A claim as the Claims view lists it. */
export interface ClaimRow {
  id: string;
  articleId: string;
  label: Label;
  exact: string;
  start: number;
  end: number;
  article: string;
  outlet: string;
  published: string;
  annotatorId: string;
  annotator: string;
  sources: number;
  review: ReviewState;
  thread: string;
  /** How the claim was carried onto this text: '' (made here), or carried, fuzzy, orphan. */
  carried: string;
}

/** A column of the Claims view the claims can be sorted by. */
export type SortKey = Exclude<keyof ClaimRow, 'id' | 'articleId' | 'start' | 'end' | 'annotatorId'>;

/** How the Claims view is sorted. */
export interface TableSort {
  key: SortKey;
  descending: boolean;
}

/** One claim of the review queue. */
export interface QueueEntry {
  claim: Claim;
  article: string;
}

/** The review queue: claim ids in order and the reviewer's state on each. */
export interface ReviewQueueState {
  ids: string[];
  states: ReviewState[];
}

const MAX_GROUPS = 20;
type Doc = { id: string; title: string; meta: string; text: string };

function sourcesText(claim: Claim): string {
  return claim.sources.map((s) => [s.citation, s.url, s.attribution?.exact].filter(Boolean).join(' ')).join('\n');
}

export class LibraryIndex {
  private readonly search = new MiniSearch<Doc>({
    fields: ['title', 'meta', 'text'],
    tokenize: searchWords,
    processTerm: (term) => term,
    searchOptions: { boost: { title: 3, meta: 1.5 }, tokenize: (q) => q.split(' ') },
  });
  private readonly claimWords = new WordIndex<Claim>();
  private readonly articles = new Map<string, Article>();
  /** Articles numbered as they come, for the claim word index's groups. */
  private readonly articleNumbers = new Map<string, number>();
  private readonly articleIds: string[] = [];
  private readonly texts = new Map<string, string>();
  /** Each text folded, for finding phrases quickly. */
  private readonly foldedTexts = new Map<string, FoldedText>();
  private readonly claims = new Map<string, Claim>();
  private readonly claimsOf = new Map<string, Set<string>>();
  private readonly comments = new Map<string, ClaimComment[]>();
  private threadOf = new Map<string, string>();
  private order = new Map<string, number>();
  /** The review context last read, and for whom (see reviewContext). */
  private reviewed: { me: string; context: ReviewContext } | null = null;

  /** How many articles and claims are indexed. */
  get size(): { articles: number; claims: number } {
    return { articles: this.articles.size, claims: this.claims.size };
  }

  /** Takes in an article as it is stored now (added, or changed: details, claims, comments); unchanged parts are not indexed again. */
  setArticle({ article, text, claims, comments = [] }: IndexedArticle): void {
    this.reviewed = null;
    const known = this.articles.get(article.id);
    const doc = { id: article.id, title: article.title, meta: [article.author, article.outlet, article.url].filter(Boolean).join(' '), text };
    if (!known) this.search.add(doc);
    else if (known.title !== article.title || known.author !== article.author || known.outlet !== article.outlet || known.url !== article.url) {
      this.search.replace(doc);
    }
    this.articles.set(article.id, article);
    if (!this.articleNumbers.has(article.id)) this.articleNumbers.set(article.id, this.articleIds.push(article.id) - 1);
    if (this.texts.get(article.id) !== text) this.foldedTexts.set(article.id, foldText(text));
    this.texts.set(article.id, text);
    if (!known || known.added !== article.added || known.title !== article.title) this.order.clear();
    const byClaim = new Map<string, ClaimComment[]>();
    for (const c of comments) {
      const list = byClaim.get(c.claimId);
      if (list) list.push(c);
      else byClaim.set(c.claimId, [c]);
    }
    const commentsChanged = new Set<string>();
    for (const id of this.claimsOf.get(article.id) ?? []) {
      if (JSON.stringify(this.comments.get(id) ?? []) !== JSON.stringify(byClaim.get(id) ?? [])) commentsChanged.add(id);
    }
    for (const [id, list] of byClaim) {
      if (JSON.stringify(this.comments.get(id) ?? []) !== JSON.stringify(list)) commentsChanged.add(id);
      this.comments.set(id, list);
    }
    const stale = new Set(this.claimsOf.get(article.id));
    const changes: ClaimChange[] = [];
    for (const claim of claims) {
      stale.delete(claim.id);
      const before = this.claims.get(claim.id) ?? null;
      if (!before || commentsChanged.has(claim.id) || JSON.stringify(before) !== JSON.stringify(claim)) changes.push({ before, after: claim });
    }
    for (const id of stale) changes.push({ before: this.claims.get(id)!, after: null });
    this.applyClaimChanges(changes);
  }

  /** Takes in claims made, changed or deleted. */
  applyClaimChanges(changes: readonly ClaimChange[]): void {
    this.reviewed = null;
    for (const { before, after } of changes) {
      const id = (after ?? before)!.id;
      const known = this.claims.get(id);
      if (known) {
        this.claimWords.remove(id);
        this.claimsOf.get(known.articleId)?.delete(id);
        this.claims.delete(id);
      }
      if (!after || !this.articles.has(after.articleId)) {
        if (!after) this.comments.delete(id);
        continue;
      }
      this.claims.set(id, after);
      let ids = this.claimsOf.get(after.articleId);
      if (!ids) this.claimsOf.set(after.articleId, (ids = new Set()));
      ids.add(id);
      const words = (text: string | undefined, weight = 1) => ({ words: text ? searchWords(text) : [], weight });
      this.claimWords.add(id, after, claimKey(this.articleNumbers.get(after.articleId)!, after), [
        words(after.exact, 2),
        words(after.note),
        words(sourcesText(after)),
        words((this.comments.get(id) ?? []).map((c) => `${c.text} ${c.by.name}`).join('\n')),
        words(after.annotator.name),
      ]);
    }
  }

  /** Takes in the claim threads as they are now stored. */
  setThreads(threads: readonly ClaimThread[]): void {
    this.threadOf = new Map(threads.flatMap((t) => t.claimIds.map((id) => [id, t.title] as const)));
  }

  private orderOf(articleId: string): number {
    if (!this.order.size) this.order = new Map([...this.articles.values()].sort(libraryOrder).map((a, i) => [a.id, i]));
    return this.order.get(articleId) ?? 0;
  }

  /** Claims in library order: by article, then place in the text, then id. */
  private inLibraryOrder(a: Claim, b: Claim): number {
    return this.orderOf(a.articleId) - this.orderOf(b.articleId) || a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1);
  }

  /**
   * What the review state of `me` is read from: their labels by words and the claims they
   * commented on. Kept until a claim or comment changes, so the Claims view's blocks of rows
   * and the queue do not each read every claim again.
   */
  private reviewContext(me: string): ReviewContext {
    if (this.reviewed?.me === me) return this.reviewed.context;
    const mine = new Map<string, Label>();
    for (const c of this.claims.values()) if (c.annotator.id === me) mine.set(spanKey(c), c.label);
    const commented = new Set<string>();
    for (const [id, list] of this.comments) if (list.some((c) => c.by.id === me)) commented.add(id);
    this.reviewed = { me, context: { mine, commented } };
    return this.reviewed.context;
  }

  /**
   * The ids of the claims that pass the query (words and filters), all claims for an empty
   * query, in the order asked: by a column, or the library's order (article, then place).
   */
  claimIds(query: Query, me: string, sort?: TableSort): string[] {
    const everything = !hasFilters(query) && !query.phrases.length;
    const found = query.words.length ? this.matchingClaims(query) : this.allClaims();
    const phrases = phraseTest(query);
    const test = this.claimTest(query, phrases);
    const claims = found.docs.filter((c, i) => everything || test(c, found.keys[i]!));
    const order = (a: Claim, b: Claim) => this.inLibraryOrder(a, b);
    if (!sort) return claims.sort(order).map((c) => c.id);
    const context = sort.key === 'review' ? this.reviewContext(me) : null;
    const keyOf = (c: Claim): string | number => {
      const article = this.articles.get(c.articleId)!;
      switch (sort.key) {
        case 'sources':
          return c.sources.length;
        case 'review':
          return reviewStateOf(c, me, context!);
        case 'label':
          return c.label;
        case 'exact':
          return foldString(c.exact.slice(0, 200));
        case 'article':
          return foldString(article.title);
        case 'outlet':
          return foldString(article.outlet ?? '');
        case 'published':
          return article.published ?? '';
        case 'annotator':
          return foldString(c.annotator.name);
        case 'thread':
          return foldString(this.threadOf.get(c.id) ?? '');
        case 'carried':
          return c.anchor?.status ?? '';
      }
    };
    const sign = sort.descending ? -1 : 1;
    const keyed = claims.map((c) => ({ c, k: keyOf(c) }));
    keyed.sort((a, b) => sign * (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) || order(a.c, b.c));
    return keyed.map((x) => x.c.id);
  }

  /** The table's rows for these claims (the part of the table in view). */
  rowsOf(ids: readonly string[], me: string): ClaimRow[] {
    const context = this.reviewContext(me);
    return ids.flatMap((id) => {
      const claim = this.claims.get(id);
      const article = claim && this.articles.get(claim.articleId);
      if (!claim || !article) return [];
      return [
        {
          id,
          articleId: article.id,
          label: claim.label,
          exact: claim.exact.length > 300 ? `${claim.exact.slice(0, 300)}…` : claim.exact,
          start: claim.start,
          end: claim.end,
          article: article.title,
          outlet: article.outlet ?? '',
          published: article.published ?? '',
          annotatorId: claim.annotator.id,
          annotator: claim.annotator.name,
          sources: claim.sources.length,
          review: reviewStateOf(claim, me, context),
          thread: this.threadOf.get(id) ?? '',
          carried: claim.anchor?.status ?? '',
        },
      ];
    });
  }

  /**
   * The query's filters and phrases as one test of a found claim: its facets read from its key,
   * its article's filters read once per article, the claim itself only for a name or a phrase.
   */
  private claimTest(query: Query, phrases: PhraseTest): (claim: Claim, key: number) => boolean {
    const articleOk: boolean[] = [];
    return (claim, key) => {
      const number = key >> KEY_BITS;
      if (!(articleOk[number] ??= articlePasses(query, this.articles.get(this.articleIds[number]!)!))) return false;
      const facets = { label: LABELS[key & 3]!, annotatorName: query.by.length ? claim.annotator.name : '', sources: key & 4 ? 1 : 0, orphan: (key & 8) > 0 };
      if (!claimPasses(query, facets)) return false;
      if (!query.phrases.length) return true;
      return phrases(foldString([claim.exact, claim.note ?? '', sourcesText(claim), ...(this.comments.get(claim.id) ?? []).map((c) => c.text)].join('\n')));
    };
  }

  /** Whether the article's title, or else its text, holds the query's phrases, read in the folded text kept for this. */
  private articleHasPhrases(article: Article, phrases: PhraseTest): boolean {
    return phrases(foldString(article.title)) || phrases(this.foldedTexts.get(article.id)?.text ?? '');
  }

  private matchingArticles(query: Query): SearchResult[] {
    return this.search.search(query.words.join(' '), { combineWith: 'AND', prefix: (_t, i) => isPrefixWord(query, i) });
  }

  private matchingClaims(query: Query): WordMatches<Claim> {
    return this.claimWords.search(query.words, isPrefixWord(query, query.words.length - 1));
  }

  /** Every claim, as a search that matched them all with no score. */
  private allClaims(): WordMatches<Claim> {
    const docs = [...this.claims.values()];
    return { docs, scores: docs.map(() => 0), keys: docs.map((c) => claimKey(this.articleNumbers.get(c.articleId)!, c)) };
  }

  /**
   * Other annotators' claims in a stable order (library order, then place in the text), with
   * where `me` stands on each: ids and states only, so a queue of 100,000 crosses to the page at once.
   */
  queue(me: string): ReviewQueueState {
    const context = this.reviewContext(me);
    const claims = [...this.claims.values()].filter((c) => c.annotator.id !== me && this.articles.has(c.articleId)).sort((a, b) => this.inLibraryOrder(a, b));
    return { ids: claims.map((c) => c.id), states: claims.map((c) => reviewStateOf(c, me, context)) };
  }

  /** One claim of the queue, whole, to show (its state is in the queue). */
  queueEntry(id: string): QueueEntry | null {
    const claim = this.claims.get(id);
    const article = claim && this.articles.get(claim.articleId);
    return claim && article ? { claim, article: article.title } : null;
  }

  /** Searches articles and claims; results grouped by article, best first. */
  searchLibrary(query: Query): SearchAnswer {
    const scores = new Map<string, ArticleFound>();
    const groupOf = (articleId: string) => {
      let group = scores.get(articleId);
      if (!group) scores.set(articleId, (group = { score: 0, claims: [], scores: [] }));
      return group;
    };
    const claimsOnly = asksOfClaims(query);
    const everything = !hasFilters(query) && !query.phrases.length;
    const phrases = phraseTest(query);
    if (!claimsOnly) {
      const articles = query.words.length ? this.matchingArticles(query) : [...this.articles.keys()].map((id) => ({ id, score: 0 }));
      for (const result of articles) {
        const article = this.articles.get(result.id as string)!;
        if (!articlePasses(query, article) || (query.phrases.length && !this.articleHasPhrases(article, phrases))) continue;
        const group = groupOf(article.id);
        group.article = true;
        group.score = Math.max(group.score, result.score);
      }
    }
    const claims = query.words.length ? this.matchingClaims(query) : claimsOnly ? this.allClaims() : { docs: [], scores: [], keys: [] };
    let claimCount = 0;
    // Groups by article number: with no filter to pass, the claims themselves are read only for the groups shown.
    const byNumber: ArticleFound[] = [];
    const test = this.claimTest(query, phrases);
    for (let i = 0; i < claims.docs.length; i++) {
      const claim = claims.docs[i]!;
      const key = claims.keys[i]!;
      if (!everything && !test(claim, key)) continue;
      const number = key >> KEY_BITS;
      const score = claims.scores[i]!;
      const group = (byNumber[number] ??= groupOf(this.articleIds[number]!));
      group.claims.push(claim);
      group.scores.push(score);
      group.score = Math.max(group.score, score) + 0.01 * score;
      claimCount++;
    }
    const ranked = [...scores].sort((a, b) => b[1].score - a[1].score || this.orderOf(a[0]) - this.orderOf(b[0]));
    return {
      groups: ranked
        .slice(0, MAX_GROUPS)
        .map(([id, found]) => searchGroup(this.articles.get(id)!, this.texts.get(id) ?? '', this.foldedTexts.get(id), found, query)),
      articles: ranked.length,
      claims: claimCount,
    };
  }

  /** The figures the overview draws. */
  overview(): Overview {
    return libraryOverview(this.claims.values(), (id) => this.articles.get(id)!);
  }
}

/** Bits of a claim's key below its article's number: its label (2), whether it has sources, whether it is an orphan. */
const KEY_BITS = 4;

/** A claim's key in the word index: its article's number and its facets, so filters are read without the claim. */
function claimKey(articleNumber: number, claim: Claim): number {
  return (articleNumber << KEY_BITS) | LABELS.indexOf(claim.label) | (claim.sources.length ? 4 : 0) | (isOrphan(claim) ? 8 : 0);
}
