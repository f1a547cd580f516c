/**
 * Makes an export file off the main thread: reads the articles, claims, relations and threads
 * from the database and writes them in the asked format, then hands back the file as a Blob.
 */
import type { ArticleBundle } from '../core/format/export';
import { EXPORT_FORMATS } from '../core/format/formats';
import { EXPORT_MAKERS } from '../core/format/make-export';
import { Store } from '../store/db';
import { errorMessage } from '../core/errors';
import type { ExportOutcome, ExportRequest } from './export-file';

const post = (message: ExportOutcome) => (self as unknown as Worker).postMessage(message);

/** The bundles cut down to the named claims (and their comments), leaving out articles with none of them. */
function only(bundles: ArticleBundle[], claimIds: readonly string[]): ArticleBundle[] {
  const wanted = new Set(claimIds);
  return bundles.flatMap(({ unlabelled: _, ...bundle }) => {
    const claims = bundle.claims.filter((c) => wanted.has(c.id));
    const comments = bundle.comments?.filter((c) => wanted.has(c.claimId));
    return claims.length ? [{ ...bundle, claims, ...(comments?.length ? { comments } : {}) }] : [];
  });
}

async function make({ database, format, articleId, claimIds, annotator, at, generator, reviewUrl }: ExportRequest): Promise<ExportOutcome> {
  const store = await Store.open(database);
  try {
    const [stored, relations, threads] = await Promise.all([store.exportBundles(articleId), store.relations(), store.threads()]);
    const bundles = claimIds ? only(stored, claimIds) : stored;
    const made = EXPORT_MAKERS[format]({ bundles, annotator, at, generator, links: { relations, threads }, ...(reviewUrl ? { reviewUrl } : {}) });
    return {
      status: 'made',
      file: made.count ? new Blob([made.content], { type: EXPORT_FORMATS[format].type }) : null,
      count: made.count,
      articles: bundles.length,
    };
  } finally {
    store.close();
  }
}

self.addEventListener('message', (event: MessageEvent<ExportRequest>) => {
  make(event.data).then(post, (error: unknown) => post({ status: 'failed', message: errorMessage(error) }));
});
