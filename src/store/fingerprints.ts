/**
 * The near-duplicate fingerprints of the library's articles, made where missing and kept for
 * next time. The caller says how to make one: in idle moments in the page, in one go in a worker.
 */
import type { Fingerprint } from '../core/similarity';
import type { Store } from './db';

/** Fingerprints being made, per store and article, so two callers never make the same one twice. */
const making = new WeakMap<Store, Map<string, Promise<Fingerprint | null>>>();

/** Every article's fingerprint, making (and keeping) the missing ones with `make`. */
export async function libraryFingerprints(store: Store, make: (text: string) => Promise<Fingerprint>): Promise<{ id: string; fingerprint: Fingerprint }[]> {
  const { known, missing } = await store.fingerprints();
  const inFlight = making.get(store) ?? new Map<string, Promise<Fingerprint | null>>();
  making.set(store, inFlight);
  const made: { id: string; fingerprint: Fingerprint }[] = [];
  for (const id of missing) {
    let fingerprint = inFlight.get(id);
    if (!fingerprint) {
      fingerprint = (async () => {
        const text = (await store.texts([id])).get(id);
        if (text === undefined) return null;
        const print = await make(text);
        await store.putFingerprint(id, print);
        return print;
      })().finally(() => inFlight.delete(id));
      inFlight.set(id, fingerprint);
    }
    const print = await fingerprint;
    if (print) made.push({ id, fingerprint: print });
  }
  return [...known, ...made];
}
