// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createClaim, type Article } from '../core/model';
import { sha256Hex } from '../core/text';
import { Store } from '../store/db';
import { formatPublished } from './dom';
import { importLines } from './exchange';
import { restoreLeftOver, WriteJournal } from './journal';

const me = { id: 'me', name: 'Me' };
const text = 'The minister said 2,000 troops went home.';
let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
  localStorage.clear();
});

async function storeWithClaim() {
  const store = await Store.open(`journal-${Math.random()}`);
  stores.push(store);
  const article: Article = { id: 'a', title: 'T', textSha256: await sha256Hex(text), length: text.length, added: '2026-01-01T00:00:00.000Z' };
  await store.addArticle(article, text);
  const claim = createClaim(text, 'a', { start: 18, end: 30 }, 'sourced', me, '2026-01-01T00:00:00.000Z')!;
  await store.applyChanges([{ before: null, after: claim }]);
  return { store, claim };
}

describe('the write journal', () => {
  it('keeps an action while its write is in flight and forgets it once stored', async () => {
    const journal = new WriteJournal('j1');
    let finish: () => void = () => undefined;
    const write = journal.track('labelling', { kind: 'claims', changes: [] }, () => new Promise<void>((resolve) => (finish = resolve)));
    expect(journal.busy).toBe(true);
    expect(JSON.parse(localStorage.getItem('claimtrail:journal:j1')!)).toHaveLength(1);
    finish();
    await write;
    expect(journal.busy).toBe(false);
    expect(localStorage.getItem('claimtrail:journal:j1')).toBeNull();
  });

  it('puts back a change a closed page never stored, and only when the claim is still as it was before it', async () => {
    const { store, claim } = await storeWithClaim();
    const journal = new WriteJournal(store.name);
    const relabelled = { ...claim, label: 'opinion' as const, modified: '2026-01-02T00:00:00.000Z' };
    const entry = (what: string, before = claim) => ({
      id: what,
      tab: sessionStorage.getItem('claimtrail:tab'),
      at: Date.now(),
      what,
      pending: { kind: 'claims', changes: [{ before, after: relabelled }] },
    });
    localStorage.setItem(`claimtrail:journal:${store.name}`, JSON.stringify([entry('relabel')]));
    expect(await restoreLeftOver(journal, store)).toEqual({ restored: ['relabel'], lost: [] });
    expect((await store.claimsById([claim.id]))[0]!.label).toBe('opinion');
    // The same entry again finds it stored: nothing to do, nothing to say.
    localStorage.setItem(`claimtrail:journal:${store.name}`, JSON.stringify([entry('again')]));
    expect(await restoreLeftOver(journal, store)).toEqual({ restored: [], lost: [] });
    // A change whose claim has changed since is not put back over it.
    const other = { ...claim, label: 'disputed' as const, modified: '2026-01-03T00:00:00.000Z' };
    localStorage.setItem(
      `claimtrail:journal:${store.name}`,
      JSON.stringify([
        {
          ...entry('stale', other),
          pending: { kind: 'claims', changes: [{ before: other, after: { ...other, label: 'sourced', modified: '2026-01-04T00:00:00.000Z' } }] },
        },
      ]),
    );
    expect(await restoreLeftOver(journal, store)).toEqual({ restored: [], lost: ['stale'] });
    expect((await store.claimsById([claim.id]))[0]!.label).toBe('opinion');
  });

  it('keeps a note draft until it is saved', () => {
    const journal = new WriteJournal('j2');
    journal.setDraft('c1', 'half a thought');
    expect(new WriteJournal('j2').draft('c1')).toBe('half a thought');
    journal.setDraft('c1', undefined);
    expect(journal.draft('c1')).toBeUndefined();
  });
});

describe('words the UI shows', () => {
  it('publication dates: ISO ones formatted, anything else as written', () => {
    expect(formatPublished('Issue 12')).toBe('Issue 12');
    expect(formatPublished('2015')).toBe('2015');
    expect(formatPublished('2015-09')).toMatch(/2015/);
    expect(formatPublished('2015-09-30')).toMatch(/30/);
  });

  it('an import report names renamed ids and refused claims', () => {
    const lines = importLines(
      'f.json',
      'claimtrail',
      {
        articlesAdded: 1,
        articlesMatched: 0,
        claimsAdded: 2,
        claimsUpdated: 0,
        claimsUnchanged: 0,
        claimsRenamed: 1,
        claimsRefused: [{ id: 'X', why: 'it would replace Ana’s claim with one under Eve’s name' }],
        unlabelledAdded: 0,
      },
      [],
    );
    expect(lines).toEqual([
      'f.json: 2 claims added, 0 updated, 0 already present; 1 new articles. 1 had an id already used in your library for a different claim and were stored under new ids. 1 refused:',
      'claim X: it would replace Ana’s claim with one under Eve’s name; your claim was kept',
    ]);
  });
});
