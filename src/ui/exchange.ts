/**
 * Files in and out of the library: article files and pasted text, the claimtrail export (with
 * article relations and claim threads), the other formats of "Export as…", and importing export
 * files. A claimtrail file is checked and stored in a worker (src/files/import-worker.ts); when
 * an article of it seems to be a version of a stored one (same id, or most of its words shared),
 * the person is asked whether to carry its claims onto the stored text.
 */
import { version } from '../../package.json';
import { cleanMeta, makeArticle } from '../core/article';
import { HttpUrl } from '../core/format/claimtrail-v1';
import { EXPORT_FORMATS, exportNameOf, type ExportFormatName } from '../core/format/formats';
import { LABEL_NAMES, LABELS, newId, nowIso, type Annotator, type Article, type Label } from '../core/model';
import { addFileInWorker } from '../files/add-file';
import { savedPageHtml } from '../files/article-files';
import { exportInWorker } from '../files/export-file';
import { htmlText } from '../files/html';
import { originalFile } from '../files/original';
import { importInWorker, type ImportStage, type LabelChoice, type TagCount } from '../files/import-file';
import type { VersionQuestion } from '../files/versions';
import type { ImportReport, Store } from '../store/db';
import { errorMessage } from '../core/errors';
import { formDialog } from './dialogs';
import { download } from './download';
import { ellipsis } from './dom';
import type { Notices } from './notices';

/** What the progress bar says in each stage of an import. */
const STAGES: Record<ImportStage, string> = { reading: 'Reading', importing: 'Importing', saving: 'Saving' };

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
        const result = await addFileInWorker(file, this.store.name);
        if (result.status === 'failed') throw new Error(result.message);
        if (result.status === 'added') added.push(result.article.title);
        else known.push(`${file.name} is already in the library as “${result.article.title}”.`);
      } catch (error) {
        failed.push(errorMessage(error));
      }
    }
    if (failed.length) this.notices.error(`${failed.length} of ${files.length} files could not be added:`, failed);
    const done = added.length ? `Added ${added.length} article${added.length === 1 ? '' : 's'}.` : '';
    if (done || known.length) this.notices.status([done, ...known].filter(Boolean).join(' '));
  }

  /** Downloads the file an article was made from, byte for byte as it was added. */
  async downloadOriginal(article: Article): Promise<void> {
    const stored = await this.store.original(article.id);
    if (!stored) {
      const { name, sha256 } = article.original ?? {};
      this.notices.error(
        name
          ? `The original file ${name} (SHA-256 ${sha256}) was added in another library: only its name and fingerprint came to this one.`
          : 'This article was not made from a file.',
      );
      return;
    }
    download(await originalFile(stored), stored.name);
  }

  /**
   * Adds the whole text of the page an article was extracted from, page furniture and all, as an
   * article of its own that this one `excerpts`; the article and its claims stay as they are.
   * Opens the whole page.
   */
  async useWholePage(article: Article): Promise<void> {
    const stored = await this.store.original(article.id);
    if (!stored) {
      this.notices.error('The page this article was made from is not kept in this library, so its whole text cannot be added.');
      return;
    }
    const file = await originalFile(stored);
    const pageText = htmlText(savedPageHtml(new Uint8Array(await file.arrayBuffer()), stored.name, stored.type));
    const meta = { ...cleanMeta(article), title: `${article.title} (whole page)` };
    const { lang, dir, original } = article;
    const { article: whole, text } = await makeArticle(pageText, meta, { ...(lang ? { lang } : {}), ...(dir ? { dir } : {}), original });
    const result = await this.store.addArticle(whole, text, stored);
    const to = result.article.id;
    if (to === article.id) {
      this.notices.status('Nothing of the page was left out: the article is its whole text.');
      return;
    }
    const relations = await this.store.relations();
    if (!relations.some((r) => r.from === article.id && r.to === to && r.kind === 'excerpts')) {
      await this.store.putRelation({ id: newId(), from: article.id, to, kind: 'excerpts', created: nowIso() });
    }
    this.notices.status(`Added the whole page as “${result.article.title}”; “${article.title}” is linked to it as an excerpt.`);
    location.hash = `#/article/${encodeURIComponent(to)}`;
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
    const { article, text } = await makeArticle(values.text!, { title: values.title });
    const result = await this.store.addArticle(article, text);
    if (result.status === 'exists') this.notices.status(`This text is already in the library as “${result.article.title}”.`);
    location.hash = `#/article/${encodeURIComponent(result.article.id)}`;
  }

  /** Downloads every article that has claims, with all their claims, relations and threads. */
  exportAll(): Promise<void> {
    return this.exportIn('claimtrail');
  }

  /**
   * Asks for a format (and, in an article, whether this article or all), then downloads the
   * claims in it. Formats other than claimtrail hold less: the README says what each loses.
   */
  async exportAs(articleId?: string, claimIds?: readonly string[]): Promise<void> {
    const values = await formDialog({
      title: claimIds ? `Export ${claimIds.length} claim${claimIds.length === 1 ? '' : 's'} as…` : 'Export as…',
      submit: 'Export',
      fields: [
        { name: 'format', label: 'Format', type: 'select', options: Object.entries(EXPORT_FORMATS).map(([value, f]) => ({ value, label: f.label })) },
        ...(articleId && !claimIds
          ? [
              {
                name: 'scope',
                label: 'Claims of',
                type: 'select' as const,
                options: [
                  { value: 'article', label: 'This article' },
                  { value: 'all', label: 'All articles' },
                ],
              },
            ]
          : []),
      ],
    });
    if (!values) return;
    const format = values.format as ExportFormatName;
    const reviewUrl = format === 'claimreview' ? await this.askReviewUrl() : undefined;
    if (format === 'claimreview' && !reviewUrl) return;
    await this.exportIn(format, values.scope === 'article' ? articleId : undefined, reviewUrl, claimIds);
  }

  /** Asks where the fact checks are published (ClaimReview requires it), offering the address given last time. */
  private async askReviewUrl(): Promise<string | undefined> {
    const last = await this.store.getSetting('reviewUrl');
    const values = await formDialog({
      title: 'Where the fact checks are published',
      submit: 'Export',
      fields: [
        {
          name: 'url',
          label: 'Address of the page that publishes these fact checks',
          type: 'url',
          required: true,
          value: last,
          check: (v) => (HttpUrl.safeParse(v).success ? null : 'Give the http or https address of the fact-check page.'),
        },
      ],
    });
    if (!values?.url) return undefined;
    await this.store.setSetting('reviewUrl', values.url);
    return values.url;
  }

  /** Downloads the claims of one article, or of all, in `format`: the file is made in a worker, the page stays responsive. */
  private async exportIn(format: ExportFormatName, articleId?: string, reviewUrl?: string, claimIds?: readonly string[]): Promise<void> {
    const now = new Date();
    this.notices.progress('Exporting…', null);
    const made = await exportInWorker({
      database: this.store.name,
      format,
      articleId,
      ...(claimIds ? { claimIds } : {}),
      annotator: this.annotator(),
      at: now.toISOString(),
      generator: `claimtrail ${version}`,
      ...(reviewUrl ? { reviewUrl } : {}),
    });
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
        fields: [
          {
            name: 'as',
            label: `“${ellipsis(title, 60)}” in ${name} differs from “${ellipsis(stored.title, 60)}” in your library, but looks like a version of it.`,
            type: 'select',
            options: [
              { value: 'version', label: `Treat it as a version: carry its ${claims} claims onto the stored text` },
              { value: 'separate', label: 'Add it as a separate article' },
            ],
          },
        ],
      });
      if (!values) return null;
      answers.push(values.as === 'version');
    }
    return answers;
  }

  /**
   * Asks how to label the annotations of another tool's file whose tags name none of our labels:
   * each tag (the most used first) can be mapped to a label, and the rest given one or left
   * waiting for a label. Null when cancelled.
   */
  private async askLabels(name: string, format: string, tags: readonly TagCount[], untagged: number): Promise<LabelChoice | null> {
    const shown = tags.slice(0, MAX_TAGS_ASKED);
    const choices = [{ value: '', label: 'Leave waiting for a label' }, ...LABELS.map((l) => ({ value: l, label: LABEL_NAMES[l] }))];
    const rest = tags.length - shown.length;
    const values = await formDialog({
      title: `Labels for ${ellipsis(name, 60)} (${format})`,
      submit: 'Import',
      fields: [
        ...shown.map((t, i) => ({
          name: `tag-${i}`,
          label: `Annotations tagged “${ellipsis(t.tag, 60)}” (${t.count})`,
          type: 'select' as const,
          options: choices,
        })),
        ...(untagged || rest
          ? [
              {
                name: 'otherwise',
                label: `All other annotations (${[untagged ? `${untagged} with no tag` : '', rest ? `${rest} other tags` : ''].filter(Boolean).join(', ')})`,
                type: 'select' as const,
                options: choices,
              },
            ]
          : []),
      ],
    });
    if (!values) return null;
    const map = shown.flatMap((t, i): [string, Label][] => (values[`tag-${i}`] ? [[t.tag, values[`tag-${i}`] as Label]] : []));
    const otherwise = values.otherwise as Label | '' | undefined;
    return { map, ...(otherwise ? { otherwise } : {}) };
  }

  /**
   * Imports each file in a worker, whatever its format (decided there by its structure): claimtrail
   * files are checked in full; W3C Web Annotation and Hypothesis files are placed on the
   * library's articles and brat zips on their own texts, with a report of what could not be
   * placed and why. Each file is stored in one transaction, or not at all.
   */
  async importFiles(files: readonly File[]): Promise<void> {
    this.notices.clearError();
    const reports: string[] = [];
    for (const file of files) {
      const outcome = await importInWorker(file, this.store.name, this.annotator(), {
        progress: (stage, fraction) => this.notices.progress(`${STAGES[stage]} ${file.name}…`, fraction),
        ask: (questions) => this.askVersions(questions, file.name),
        labels: (format, tags, untagged) => this.askLabels(file.name, format, tags, untagged),
      });
      this.notices.progress(null);
      if (outcome.status === 'invalid') {
        const as = outcome.format === 'unknown' || outcome.format === 'claimtrail' ? [] : [`Read as a ${outcome.format} file.`];
        this.notices.addError(`${file.name} was not imported; nothing from it was stored:`, [...as, ...outcome.problems]);
      } else if (outcome.status === 'failed') this.notices.addError(`${file.name} was not imported:`, [outcome.message]);
      else if (outcome.status === 'cancelled') reports.push(`${file.name}: cancelled, nothing stored.`);
      else reports.push(...importLines(file.name, outcome.format, outcome.report, outcome.lines));
    }
    this.notices.progress(null);
    if (reports.length) this.notices.report('Imported', reports);
  }
}

/** How many tags the label question names one by one; the rest share one choice. */
const MAX_TAGS_ASKED = 12;

/** How many refused claims the report names. */
const MAX_REFUSED_NAMED = 10;

/** The report of one imported file, in lines. */
export function importLines(name: string, format: string, r: ImportReport, placing: readonly string[]): string[] {
  const renamed = r.claimsRenamed ? ` ${r.claimsRenamed} had an id already used in your library for a different claim and were stored under new ids.` : '';
  const waiting = r.unlabelledAdded ? ` ${r.unlabelledAdded} annotations wait for a label.` : '';
  const refused = r.claimsRefused.length ? ` ${r.claimsRefused.length} refused:` : '';
  return [
    `${name}${format === 'claimtrail' ? '' : ` (${format})`}: ${r.claimsAdded} claims added, ${r.claimsUpdated} updated, ${r.claimsUnchanged} already present; ${r.articlesAdded} new articles.${renamed}${waiting}${refused}`,
    ...r.claimsRefused.slice(0, MAX_REFUSED_NAMED).map((c) => `claim ${c.id}: ${c.why}; your claim was kept`),
    ...(r.claimsRefused.length > MAX_REFUSED_NAMED ? [`…and ${r.claimsRefused.length - MAX_REFUSED_NAMED} more refused`] : []),
    ...placing,
  ];
}
