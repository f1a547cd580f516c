/**
 * Writes one part of a claimtrail export for the export worker: reads the articles asked for from
 * the database and writes their JSON into a Blob. Several of these at once share an export
 * between the machine's cores.
 */
import { annotationCount, articleJson, onlyClaims } from '../core/format/export';
import { errorMessage } from '../core/errors';
import { Store } from '../store/db';

/** A part to write: the articles, in order, and the claims to keep when only some are exported. */
export interface PartRequest {
  database: string;
  ids: string[];
  claimIds?: readonly string[];
  /** Whether the claim ids written are wanted back (to cut the threads to them). */
  wantIds: boolean;
}

/** A part written: its articles' JSON joined by commas (null when none had claims), and what it holds. */
export type PartOutcome = { status: 'made'; file: Blob | null; count: number; articles: number; claimIds: string[] } | { status: 'failed'; message: string };

const post = (message: PartOutcome) => (self as unknown as Worker).postMessage(message);

async function write({ database, ids, claimIds, wantIds }: PartRequest): Promise<PartOutcome> {
  const store = await Store.open(database);
  const stored = await store.exportBundles(ids).finally(() => store.close());
  const bundles = claimIds ? onlyClaims(stored, claimIds) : stored;
  return {
    status: 'made',
    // The articles' JSON given to the Blob as pieces, never joined into one string of the whole part.
    file: bundles.length ? new Blob(bundles.flatMap((bundle, i) => (i ? [',', articleJson(bundle)] : [articleJson(bundle)]))) : null,
    count: annotationCount(bundles),
    articles: bundles.length,
    claimIds: wantIds ? bundles.flatMap((b) => b.claims.map((c) => c.id)) : [],
  };
}

self.addEventListener('message', (event: MessageEvent<PartRequest>) => {
  write(event.data).then(post, (error: unknown) => post({ status: 'failed', message: errorMessage(error) }));
});
