/**
 * Files in and out of the library: article files and pasted text, the claimtrail export (with article relations and claim
 * threads), the schema.org ClaimReview export, and importing checked export files. An imported
 * article whose text differs from a stored one it seems to be a version of (same id, or most
 * of its words shared) is offered to be carried over onto the stored text.
 */
import { version } from '../../package.json';
import { ANCHOR_STATUSES } from '../core/anchor';
import { makeArticle } from '../core/article';
import { carryClaims } from '../core/carry';
import { toClaimReviews } from '../core/format/claimreview';
import { exportFileName, toExportFile, type ArticleBundle } from '../core/format/export';
import type { ParsedExport } from '../core/format/import';
import type { Annotator, Article } from '../core/model';
import { containment, fingerprint, VERSION_THRESHOLD } from '../core/similarity';
import { checkExportFile } from '../ingest/check-file';
import { readArticleFile } from '../ingest/files';
import type { Store } from '../store/db';
import { formDialog } from './dialogs';
import { download } from './download';
import { ellipsis } from './dom';
import type { Notices } from './notices';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Exchange {
  constructor(
    private readonly store: Store,
    private readonly notices: Notices,
    private readonly annotator: () => Annotator,
  ) {}

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
  }

  /** Asks for pasted text and adds it as an article, then opens it. */
  async pasteText(): Promise<void> {
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

  /** Downloads every article that has claims, with all their claims, relations and threads. */
  async exportAll(): Promise<void> {
    try {
      const [bundles, relations, threads] = await Promise.all([this.store.exportBundles(), this.store.relations(), this.store.threads()]);
      if (!bundles.length) {
        this.notices.status('Nothing to export yet: no article has claims.');
        return;
      }
      const now = new Date();
      const file = toExportFile(bundles, this.annotator(), now.toISOString(), `claimtrail ${version}`, { relations, threads });
      download(JSON.stringify(file, null, 2), exportFileName(now));
      const claims = bundles.reduce((sum, b) => sum + b.claims.length, 0);
      this.notices.status(`Exported ${claims} claims from ${bundles.length} articles.`);
    } catch (error) {
      this.notices.error(message(error));
    }
  }

  /** Downloads schema.org ClaimReview JSON-LD for the disputed and sourced claims that have a note. */
  async exportClaimReview(): Promise<void> {
    try {
      const reviews = toClaimReviews(await this.store.exportBundles());
      if (!reviews.length) {
        this.notices.status('No claim to publish as a ClaimReview: label a claim disputed or sourced and give it a note.');
        return;
      }
      download(JSON.stringify(reviews, null, 2), exportFileName(new Date()).replace('claimtrail-', 'claimtrail-claimreview-').replace(/\.json$/, '.jsonld'));
      this.notices.status(`Exported ${reviews.length} ClaimReview${reviews.length === 1 ? '' : 's'}.`);
    } catch (error) {
      this.notices.error(message(error));
    }
  }

  /**
   * The stored article a new text seems to be a version of: the one with the same id, else the
   * one sharing the most of its words (above the version threshold).
   */
  private async versionOf(bundle: ArticleBundle): Promise<Article | null> {
    const summaries = await this.store.listArticles();
    if (summaries.some((s) => s.article.textSha256 === bundle.article.textSha256)) return null;
    const sameId = summaries.find((s) => s.article.id === bundle.article.id);
    if (sameId) return sameId.article;
    const mine = fingerprint(bundle.text);
    let best: { id: string; score: number } | null = null;
    for (const p of await this.store.fingerprints()) {
      const score = containment(mine, p.fingerprint);
      if (score >= VERSION_THRESHOLD && (!best || score > best.score)) best = { id: p.id, score };
    }
    return best ? summaries.find((s) => s.article.id === best.id)?.article ?? null : null;
  }

  /**
   * Asks, for each article of the file that looks like a version of a stored one, whether to
   * carry its claims onto the stored text; returns the file as it should be stored, with lines
   * for the report. Null when the user cancelled.
   */
  private async asVersions(file: ParsedExport, name: string): Promise<{ file: ParsedExport; lines: string[] } | null> {
    const lines: string[] = [];
    const articles: ArticleBundle[] = [];
    const renamed = new Map<string, string>();
    for (const bundle of file.articles) {
      const stored = await this.versionOf(bundle);
      if (!stored || !bundle.claims.length) {
        articles.push(bundle);
        continue;
      }
      const values = await formDialog({
        title: 'A version of an article you have?',
        submit: 'Import',
        fields: [{
          name: 'as',
          label: `“${ellipsis(bundle.article.title, 60)}” in ${name} differs from “${ellipsis(stored.title, 60)}” in your library, but looks like a version of it.`,
          type: 'select',
          options: [
            { value: 'version', label: `Treat it as a version: carry its ${bundle.claims.length} claims onto the stored text` },
            { value: 'separate', label: 'Add it as a separate article' },
          ],
        }],
      });
      if (!values) return null;
      if (values.as !== 'version') {
        articles.push(bundle);
        continue;
      }
      const target = await this.store.loadArticle(stored.id);
      if (!target) return null;
      const carried = new Set(target.claims.map((c) => c.anchor?.from.claim));
      const todo = bundle.claims.filter((c) => !carried.has(c.id));
      const { claims, counts } = carryClaims(todo, { articleId: bundle.article.id, text: bundle.text }, { articleId: stored.id, text: target.text });
      const newIds = new Map(claims.map((c) => [c.anchor!.from.claim!, c.id]));
      const comments = (bundle.comments ?? []).flatMap((c) => (newIds.has(c.claimId) ? [{ ...c, claimId: newIds.get(c.claimId)!, articleId: stored.id }] : []));
      articles.push({ article: target.article, text: target.text, claims, comments });
      renamed.set(bundle.article.id, stored.id);
      lines.push(`${claims.length} claims carried onto “${stored.title}”: ${ANCHOR_STATUSES.map((s) => `${counts[s]} ${s === 'orphan' ? 'not found' : s}`).join(', ')}.`);
    }
    const ids = (id: string) => renamed.get(id) ?? id;
    return { file: { ...file, articles, relations: file.relations.map((r) => ({ ...r, from: ids(r.from), to: ids(r.to) })) }, lines };
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
      this.notices.progress(null);
      try {
        const versions = await this.asVersions(result.value, file.name);
        if (!versions) {
          reports.push(`${file.name}: cancelled, nothing stored.`);
          continue;
        }
        this.notices.progress(`Saving ${file.name}…`, 1);
        const r = await this.store.importFile(versions.file);
        reports.push(`${file.name}: ${r.claimsAdded} claims added, ${r.claimsUpdated} updated, ${r.claimsUnchanged} already present; ${r.articlesAdded} new articles.`, ...versions.lines);
      } catch (error) {
        this.notices.addError(`${file.name} was not imported:`, [message(error)]);
      }
    }
    this.notices.progress(null);
    if (reports.length) this.notices.status(`Imported ${reports.join(' ')}`);
  }
}
