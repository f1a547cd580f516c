import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article';
import { fingerprint, type Fingerprint } from '../core/similarity';
import { Store } from './db';
import { libraryFingerprints } from './fingerprints';

describe('libraryFingerprints', () => {
  it('makes each missing fingerprint once, even when asked twice at the same time, and keeps it', async () => {
    const store = await Store.open(`fingerprints-${Math.random()}`);
    const { article, text } = await makeArticle('The council met on Tuesday and agreed to send observers to the border.', { title: 'One' });
    await store.addArticle(article, text);
    const made: string[] = [];
    const make = async (t: string): Promise<Fingerprint> => {
      made.push(t);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return fingerprint(t);
    };
    const [a, b] = await Promise.all([libraryFingerprints(store, make), libraryFingerprints(store, make)]);
    expect(made).toEqual([text]);
    expect(a).toEqual([{ id: article.id, fingerprint: fingerprint(text) }]);
    expect(b).toEqual(a);
    expect(await libraryFingerprints(store, make)).toEqual(a);
    expect(made).toHaveLength(1);
    store.close();
  });
});
