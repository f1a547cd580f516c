/**
 * The near-duplicate fingerprints of the library's articles, made where missing in small steps
 * between which the page keeps answering input, and kept for next time.
 */
import { fingerprintSteps, type Fingerprint } from '../core/similarity';
import type { Store } from '../store/db';
import { inSteps } from './steps';

/** Every article's fingerprint, computing (and keeping) the missing ones without blocking the page. */
export async function libraryFingerprints(store: Store): Promise<{ id: string; fingerprint: Fingerprint }[]> {
  const { known, missing } = await store.fingerprints();
  const made: { id: string; fingerprint: Fingerprint }[] = [];
  for (const id of missing) {
    const text = (await store.texts([id])).get(id);
    if (text === undefined) continue;
    const fingerprint = await inSteps(fingerprintSteps(text));
    await store.putFingerprint(id, fingerprint);
    made.push({ id, fingerprint });
  }
  return [...known, ...made];
}
