/**
 * Makes an export file off the main thread: reads the articles, claims, relations and threads
 * from the database and writes them in the asked format, then hands back the file as a Blob.
 * A claimtrail file is read and written about 100,000 claims at a time, each piece a Blob of its own
 * (the browser keeps Blobs out of the JavaScript heap), so a library of a million claims is
 * exported without ever holding it whole.
 */
import { annotationCount, ExportWriter, type ArticleBundle } from '../core/format/export';
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

/**
 * Claims read from the database at a time for a claimtrail file (whole articles: at least one).
 * Fewer, larger reads are quicker: 100,000 claims in batches of 50 articles took half again as long.
 */
const BATCH_CLAIMS = 100_000;

/** The stored articles' ids in library order, in batches of about BATCH_CLAIMS claims. */
async function batches(store: Store): Promise<string[][]> {
  const out: string[][] = [];
  let [batch, held] = [[] as string[], 0];
  for (const { article, counts } of await store.listArticles()) {
    const claims = Object.values(counts).reduce((n, c) => n + c, 0);
    if (batch.length && held + claims > BATCH_CLAIMS) {
      out.push(batch);
      [batch, held] = [[], 0];
    }
    batch.push(article.id);
    held += claims;
  }
  if (batch.length) out.push(batch);
  return out;
}

/** A claimtrail file, written in pieces. */
async function writeClaimtrail(store: Store, { articleId, claimIds, annotator, at, generator }: ExportRequest): Promise<ExportOutcome> {
  const writer = new ExportWriter(annotator, at, generator);
  const pieces: Blob[] = [new Blob([writer.head()])];
  let [count, articles] = [0, 0];
  for (const ids of articleId === undefined ? await batches(store) : [[articleId]]) {
    const stored = await store.exportBundles(ids);
    const bundles = claimIds ? only(stored, claimIds) : stored;
    if (!bundles.length) continue;
    pieces.push(new Blob([bundles.map((bundle) => writer.article(bundle)).join('')]));
    count += annotationCount(bundles);
    articles += bundles.length;
  }
  const [relations, threads] = await Promise.all([store.relations(), store.threads()]);
  pieces.push(new Blob([writer.end({ relations, threads })]));
  return { status: 'made', file: count ? new Blob(pieces, { type: EXPORT_FORMATS.claimtrail.type }) : null, count, articles };
}

async function make(request: ExportRequest): Promise<ExportOutcome> {
  const { database, format, articleId, claimIds, annotator, at, generator, reviewUrl } = request;
  const store = await Store.open(database);
  try {
    if (format === 'claimtrail') return await writeClaimtrail(store, request);
    const [stored, relations, threads] = await Promise.all([
      store.exportBundles(articleId === undefined ? undefined : [articleId]),
      store.relations(),
      store.threads(),
    ]);
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
