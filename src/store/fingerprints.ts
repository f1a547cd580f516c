/**
 * The near-duplicate fingerprints of the library's articles, made where missing and kept for
 * next time. The caller says how to make one: in steps in the page, in one go in a worker.
 */
import type { Fingerprint } from '../core/similarity';
import type { Store } from './db';

/** Every article's fingerprint, making (and keeping) the missing ones with `make`. */
export async function libraryFingerprints(
  store: Store,
  make: (text: string) => Promise<Fingerprint>,
): Promise<{ id: string; fingerprint: Fingerprint }[]> {
  const { known, missing } = await store.fingerprints();
  const made: { id: string; fingerprint: Fingerprint }[] = [];
  for (const id of missing) {
    const text = (await store.texts([id])).get(id);
    if (text === undefined) continue;
    const fingerprint = await make(text);
    await store.putFingerprint(id, fingerprint);
    made.push({ id, fingerprint });
  }
  return [...known, ...made];
}
