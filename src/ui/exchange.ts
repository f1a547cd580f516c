/**
 * Files in and out of the library: article files and pasted text, the claimtrail export (with
 * article relations and claim threads), the other formats of "Export as…", and importing export
 * files. A claimtrail file is checked and stored in a worker (src/files/import-worker.ts); when
 * an article of it seems to be a version of a stored one (same id, or most of its words shared),
 * the person is asked whether to carry its claims onto the stored text.
 */
import { version } from '../../package.json';
import { makeArticle } from '../core/article';
import { describeResult, placeAnnotations } from '../core/format/foreign';
import { EXPORT_FORMATS, exportNameOf, type ExportFormatName } from '../core/format/formats';
import { readHypothesis } from '../core/format/hypothesis';
import { readW3C } from '../core/format/w3c';
import type { Annotator } from '../core/model';
import { readArticleFile } from '../files/article-files';
import { exportInWorker } from '../files/export-file';
import { importExportFile, type ImportStage } from '../files/import-file';
import type { VersionQuestion } from '../files/versions';
import type { Store } from '../store/db';
import { errorMessage } from '../store/errors';
import { formDialog } from './dialogs';
import { download } from './download';
import { ellipsis } from './dom';
import type { Notices } from './notices';

/** What the progress bar says in each stage of an import. */
const STAGES: Record<ImportStage, string> = { reading: 'Reading', checking: 'Checking', saving: 'Saving' };

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
        failed.push(errorMessage(error));
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
      this.notices.error(errorMessage(error));
    }
  }

  /** Downloads every article that has claims, with all their claims, relations and threads. */
  exportAll(): Promise<void> {
    return this.exportIn('claimtrail');
  }

  /**
   * Asks for a format (and, in an article, whether this article or all), then downloads the
   * claims in it. Formats other than claimtrail hold less: the README says what each loses.
   */
  async exportAs(articleId?: string): Promise<void> {
    const values = await formDialog({
      title: 'Export as…',
      submit: 'Export',
      fields: [
        { name: 'format', label: 'Format', type: 'select', options: Object.entries(EXPORT_FORMATS).map(([value, f]) => ({ value, label: f.label })) },
        ...(articleId ? [{ name: 'scope', label: 'Claims of', type: 'select' as const, options: [{ value: 'article', label: 'This article' }, { value: 'all', label: 'All articles' }] }] : []),
      ],
    });
    if (values) await this.exportIn(values.format as ExportFormatName, values.scope === 'article' ? articleId : undefined);
  }

  /** Downloads the claims of one article, or of all, in `format`: the file is made in a worker, the page stays responsive. */
  private async exportIn(format: ExportFormatName, articleId?: string): Promise<void> {
    const now = new Date();
    this.notices.progress('Exporting…', null);
    const made = await exportInWorker({ database: this.store.name, format, articleId, annotator: this.annotator(), at: now.toISOString(), generator: `claimtrail ${version}` });
    this.notices.progress(null);
    if (made.status === 'failed') {
      this.notices.error(made.message);
      return;
    }
    const { label, none } = EXPORT_FORMATS[format];
    if (!made.file) {
      this.notices.status(none);
      return;
    }
    download(made.file, exportNameOf(format, now));
    const articles = `${made.articles} article${made.articles === 1 ? '' : 's'}`;
    this.notices.status(`Exported ${made.count} ${made.count === 1 ? 'claim' : 'claims'} from ${articles} as ${label}.`);
  }

  /** Asks, for each article of the file that looks like a version of a stored one, whether to carry its claims over; null when cancelled. */
  private async askVersions(questions: readonly VersionQuestion[], name: string): Promise<boolean[] | null> {
    const answers: boolean[] = [];
    for (const { title, claims, stored } of questions) {
      const values = await formDialog({
        title: 'A version of an article you have?',
        submit: 'Import',
        fields: [{
          name: 'as',
          label: `“${ellipsis(title, 60)}” in ${name} differs from “${ellipsis(stored.title, 60)}” in your library, but looks like a version of it.`,
          type: 'select',
          options: [
            { value: 'version', label: `Treat it as a version: carry its ${claims} claims onto the stored text` },
            { value: 'separate', label: 'Add it as a separate article' },
          ],
        }],
      });
      if (!values) return null;
      answers.push(values.as === 'version');
    }
    return answers;
  }

  /** W3C or Hypothesis annotations placed on the library's articles, stored; a line for the report, or null. */
  private async importForeign(file: File, kind: 'w3c' | 'hypothesis'): Promise<string | null> {
    const name = kind === 'w3c' ? 'W3C Web Annotation' : 'Hypothesis';
    const read = kind === 'w3c' ? readW3C(await file.text()) : readHypothesis(await file.text());
    if (!read.ok) {
      this.notices.addError(`${file.name} was not imported; nothing from it was stored:`, [read.problem]);
      return null;
    }
    const library = (await this.store.listArticles()).map(({ article }) => ({
      article,
      text: async () => (await this.store.texts([article.id])).get(article.id) ?? '',
    }));
    const placed = await placeAnnotations(read.annotations, library, kind === 'w3c' ? 'code points' : 'utf-16');
    const placedCount = placed.bundles.reduce((n, b) => n + b.claims.length, 0) + placed.unlabelled.length;
    if (!placedCount) {
      this.notices.addError(`${file.name} (${name}): no annotation could be placed; nothing was stored:`, placed.notPlaced.map((r) => `${r.count}: ${r.reason}`));
      return null;
    }
    await this.store.importFile({ annotator: this.annotator(), exportedAt: new Date().toISOString(), articles: placed.bundles, relations: [], threads: [], unlabelled: placed.unlabelled });
    return `${file.name} (${name}): ${describeResult(placed)}`;
  }

  /**
   * Imports each file: claimtrail files are checked in full (in a worker) and stored in one
   * transaction; W3C Web Annotation and Hypothesis files (told apart by their first bytes) are
   * placed on the articles of the library, with a report of what could not be placed and why.
   */
  async importFiles(files: readonly File[]): Promise<void> {
    this.notices.clearError();
    const reports: string[] = [];
    for (const file of files) {
      const kind = formatOf(await file.slice(0, 65536).text());
      if (kind !== 'claimtrail') {
        try {
          const line = await this.importForeign(file, kind);
          if (line) reports.push(line);
        } catch (error) {
          this.notices.addError(`${file.name} was not imported:`, [errorMessage(error)]);
        }
        continue;
      }
      const outcome = await importExportFile(file, this.store.name, {
        progress: (stage, fraction) => this.notices.progress(`${STAGES[stage]} ${file.name}…`, fraction),
        ask: (questions) => this.askVersions(questions, file.name),
      });
      this.notices.progress(null);
      if (outcome.status === 'invalid') this.notices.addError(`${file.name} was not imported; nothing from it was stored:`, outcome.problems);
      else if (outcome.status === 'failed') this.notices.addError(`${file.name} was not imported:`, [outcome.message]);
      else if (outcome.status === 'cancelled') reports.push(`${file.name}: cancelled, nothing stored.`);
      else {
        const r = outcome.report;
        reports.push(`${file.name}: ${r.claimsAdded} claims added, ${r.claimsUpdated} updated, ${r.claimsUnchanged} already present; ${r.articlesAdded} new articles.`, ...outcome.lines);
      }
    }
    this.notices.progress(null);
    if (reports.length) this.notices.status(`Imported ${reports.join(' ')}`);
  }
}

/** Which format a file is in, from its first bytes: claimtrail unless it looks like W3C or Hypothesis. */
function formatOf(head: string): 'claimtrail' | 'w3c' | 'hypothesis' {
  if (/"format"\s*:\s*"claimtrail"/.test(head)) return 'claimtrail';
  if (/anno\.jsonld|"type"\s*:\s*"Annotation(Collection|Page)?"/.test(head)) return 'w3c';
  if (/"export_userid"\s*:|"uri"\s*:\s*"|"rows"\s*:\s*\[/.test(head)) return 'hypothesis';
  return 'claimtrail';
}
