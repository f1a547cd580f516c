/**
 * Makes an export file off the main thread: reads the articles, claims, relations and threads
 * from the database and writes them in the asked format, then hands back the file as a Blob.
 * A claimtrail file is read and written in parts of up to 100,000 claims, shared between part
 * workers (one per core), each part a Blob of its own (the browser keeps Blobs out of the
 * JavaScript heap), so a library of a million claims is exported without ever holding it whole.
 */
import { ExportWriter, onlyClaims } from '../core/format/export';
import { EXPORT_FORMATS } from '../core/format/formats';
import { countTotal } from '../core/model';
import { EXPORT_MAKERS } from '../core/format/make-export';
import { Store } from '../store/db';
import { errorMessage } from '../core/errors';
import type { ExportOutcome, ExportRequest } from './export-file';
import type { PartOutcome, PartRequest } from './export-part-worker';
import { workerAnswer } from './worker-answer';

const post = (message: ExportOutcome) => (self as unknown as Worker).postMessage(message);

/**
 * Claims read from the database at a time by one part worker (whole articles: at least one).
 * Fewer, larger reads are quicker: 100,000 claims in batches of 50 articles took half again as long.
 */
const BATCH_CLAIMS = 100_000;

/** Workers writing the parts of a claimtrail export at once: one per core, up to four. */
const PART_WORKERS = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));

/** The stored articles' ids in library order, in batches of at most BATCH_CLAIMS claims, and at least `parts` batches where there are articles enough. */
async function batches(store: Store, parts: number): Promise<string[][]> {
  const library = (await store.listArticles()).map(({ article, counts }) => ({ id: article.id, claims: countTotal(counts) }));
  const size = Math.min(BATCH_CLAIMS, Math.ceil(library.reduce((n, a) => n + a.claims, 0) / parts));
  const out: string[][] = [];
  let [batch, held] = [[] as string[], 0];
  for (const { id, claims } of library) {
    if (batch.length && held + claims > size) {
      out.push(batch);
      [batch, held] = [[], 0];
    }
    batch.push(id);
    held += claims;
  }
  if (batch.length) out.push(batch);
  return out;
}

/**
 * Has part workers write `parts`, PART_WORKERS at once, a new worker for each part as soon as one
 * is done; the parts come back in their order. A failed part stops the export.
 */
async function writeParts(parts: string[][], ask: Omit<PartRequest, 'ids'>): Promise<Extract<PartOutcome, { status: 'made' }>[]> {
  const done: Extract<PartOutcome, { status: 'made' }>[] = [];
  let next = 0;
  const run = async () => {
    for (let at = next++; at < parts.length; at = next++) {
      const worker = new Worker(new URL('./export-part-worker.ts', import.meta.url), { type: 'module' });
      const outcome = await workerAnswer<PartOutcome>(worker, { ...ask, ids: parts[at]! } satisfies PartRequest, 'an export part worker failed');
      if (outcome.status === 'failed') throw new Error(outcome.message);
      done[at] = outcome;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PART_WORKERS, parts.length) }, run));
  return done;
}

/** A claimtrail file, written in parts by the part workers; the head and end here. */
async function writeClaimtrail(store: Store, { database, articleId, claimIds, annotator, at, generator }: ExportRequest): Promise<ExportOutcome> {
  const writer = new ExportWriter(annotator, at, generator);
  const [plan, relations, threads] = await Promise.all([
    articleId === undefined ? batches(store, PART_WORKERS) : [[articleId]],
    store.relations(),
    store.threads(),
  ]);
  const parts = await writeParts(plan, { database, ...(claimIds ? { claimIds } : {}), wantIds: threads.length > 0 });
  const pieces: (Blob | string)[] = [writer.head()];
  let [count, articles] = [0, 0];
  for (const part of parts) {
    if (!part.file) continue;
    pieces.push(writer.next(part.claimIds), part.file);
    count += part.count;
    articles += part.articles;
  }
  pieces.push(writer.end({ relations, threads }));
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
    const bundles = claimIds ? onlyClaims(stored, claimIds) : stored;
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
