/**
 * Files in and out of the library: article files and pasted text, the claimtrail export (with
 * article relations and claim threads), the other formats of "Export as…", and importing export
 * files. A claimtrail file is checked and stored in a worker (src/ingest/import-worker.ts); when
 * an article of it seems to be a version of a stored one (same id, or most of its words shared),
 * the person is asked whether to carry its claims onto the stored text.
 */
import { version } from '../../package.json';
import { makeArticle } from '../core/article';
import { toBratZip } from '../core/format/brat';
import { toClaimReviews } from '../core/format/claimreview';
import { toCsv } from '../core/format/csv';
import { exportFileName, toExportFile, type ArticleBundle, type ExportLinks } from '../core/format/export';
import { describeResult, placeAnnotations, placedClaims } from '../core/format/foreign';
import { readHypothesis, toHypothesis } from '../core/format/hypothesis';
import { readW3C, toW3C } from '../core/format/w3c';
import type { Annotator } from '../core/model';
import { importExportFile, type ImportStage } from '../ingest/import-file';
import type { VersionQuestion } from '../ingest/versions';
import { readArticleFile } from '../ingest/files';
import type { Store } from '../store/db';
import { formDialog } from './dialogs';
import { download } from './download';
import { ellipsis } from './dom';
import { errorMessage, type Notices } from './notices';

/** Files are written compact: a 100,000-claim file is a third smaller and quicker to write than indented. */
const json = (value: unknown) => JSON.stringify(value);
const count = (bundles: readonly ArticleBundle[]) => bundles.reduce((n, b) => n + placedClaims(b).length, 0);

/** What an export is made from. */
interface ExportInput {
  bundles: ArticleBundle[];
  annotator: Annotator;
  at: string;
  links: ExportLinks;
}

/** The formats "Export as…" offers: what each is called, how it is made, and its file name. */
const FORMATS = {
  claimtrail: {
    label: 'claimtrail (JSON)', prefix: 'claimtrail-', extension: '.json', type: 'application/json', none: 'Nothing to export yet: no article has claims.',
    make: ({ bundles, annotator, at, links }: ExportInput) => ({
      content: json(toExportFile(bundles, annotator, at, `claimtrail ${version}`, links)),
      count: bundles.reduce((n, x) => n + x.claims.length, 0),
    }),
  },
  w3c: {
    label: 'W3C Web Annotation (JSON-LD)', prefix: 'claimtrail-w3c-', extension: '.jsonld', type: 'application/ld+json', none: 'No claim to export.',
    make: ({ bundles, at }: ExportInput) => ({ content: json(toW3C(bundles, `claimtrail ${version}`, at)), count: count(bundles) }),
  },
  hypothesis: {
    label: 'Hypothesis (JSON)', prefix: 'claimtrail-hypothesis-', extension: '.json', type: 'application/json', none: 'No claim to export.',
    make: ({ bundles, annotator, at }: ExportInput) => ({ content: json(toHypothesis(bundles, annotator, at)), count: count(bundles) }),
  },
  brat: {
    label: 'brat standoff (zip)', prefix: 'claimtrail-brat-', extension: '.zip', type: 'application/zip', none: 'No claim to export.',
    make: ({ bundles }: ExportInput) => ({ content: toBratZip(bundles) as Uint8Array<ArrayBuffer>, count: count(bundles) }),
  },
  csv: {
    label: 'CSV (spreadsheet)', prefix: 'claimtrail-', extension: '.csv', type: 'text/csv;charset=utf-8', none: 'No claim to export.',
    make: ({ bundles }: ExportInput) => ({ content: toCsv(bundles), count: count(bundles) }),
  },
  claimreview: {
    label: 'schema.org ClaimReview (JSON-LD)', prefix: 'claimtrail-claimreview-', extension: '.jsonld', type: 'application/ld+json',
    none: 'No claim to publish as a ClaimReview: label a claim disputed or sourced and give it a note.',
    make: ({ bundles }: ExportInput) => {
      const reviews = toClaimReviews(bundles);
      return { content: json(reviews), count: reviews.length };
    },
  },
};

type Format = keyof typeof FORMATS;

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
        { name: 'format', label: 'Format', type: 'select', options: Object.entries(FORMATS).map(([value, f]) => ({ value, label: f.label })) },
        ...(articleId ? [{ name: 'scope', label: 'Claims of', type: 'select' as const, options: [{ value: 'article', label: 'This article' }, { value: 'all', label: 'All articles' }] }] : []),
      ],
    });
    if (values) await this.exportIn(values.format as Format, values.scope === 'article' ? articleId : undefined);
  }

  /** Downloads the claims of one article, or of all, in `format`. */
  private async exportIn(name: Format, articleId?: string): Promise<void> {
    try {
      const [bundles, relations, threads] = await Promise.all([this.store.exportBundles(articleId), this.store.relations(), this.store.threads()]);
      const format = FORMATS[name];
      const now = new Date();
      const made = format.make({ bundles, annotator: this.annotator(), at: now.toISOString(), links: { relations, threads } });
      if (!made.count) {
        this.notices.status(format.none);
        return;
      }
      download(made.content, exportFileName(now).replace('claimtrail-', format.prefix).replace(/\.json$/, format.extension), format.type);
      const articles = `${bundles.length} article${bundles.length === 1 ? '' : 's'}`;
      this.notices.status(`Exported ${made.count} ${made.count === 1 ? 'claim' : 'claims'} from ${articles} as ${format.label}.`);
    } catch (error) {
      this.notices.error(errorMessage(error));
    }
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
