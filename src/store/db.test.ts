import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { readExportFile } from '../core/format/import';
import { toExportFile } from '../core/format/export';
import { createClaim, type Article, type Claim } from '../core/model';
import { fingerprint } from '../core/similarity';
import { sha256Hex } from '../core/text';
import { PAGES_PER_READ } from './claim-pages';
import { PAGE_SIZE } from './page-layout';
import { DB_VERSION, Store } from './db';
import { queue } from './transactions';

const me = { id: 'me', name: 'Me' };
let counter = 0;
const stores: Store[] = [];

async function freshStore(): Promise<{ store: Store; name: string }> {
  const name = `test-${++counter}`;
  const store = await Store.open(name);
  stores.push(store);
  return { store, name };
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function article(text: string, id = `a-${counter}-${text.length}`): Promise<Article> {
  return { id, title: text.split('\n')[0]!, textSha256: await sha256Hex(text), length: text.length, added: new Date().toISOString() };
}

describe('Store', () => {
  it('adds an article once; the same text again is reported, not duplicated', async () => {
    const { store } = await freshStore();
    const text = 'Title\n\nBody text.';
    expect((await store.addArticle(await article(text, 'x1'), text)).status).toBe('added');
    const again = await store.addArticle(await article(text, 'x2'), text);
    expect(again).toMatchObject({ status: 'exists', article: { id: 'x1' } });
    expect(await store.listArticles()).toHaveLength(1);
  });

  it('keeps a text too long for one IndexedDB record as a string (70 million characters with Arabic) as UTF-8, and gives it back whole', async () => {
    const { store, name } = await freshStore();
    const text = `السلام ${'word '.repeat(14_000_000)}end`;
    const stored = await article(text, 'long');
    expect((await store.addArticle(stored, text)).status).toBe('added');
    const db = await openDB(name);
    const record = await db.get('texts', 'long');
    db.close();
    expect('utf8' in record && record.utf8.length).toBe(new TextEncoder().encode(text).length);
    const loaded = await store.loadArticle('long');
    expect(loaded?.text.length).toBe(text.length);
    expect(loaded?.text === text).toBe(true);
    expect((await store.texts(['long'])).get('long') === text).toBe(true);
  });

  it('counts claims per label without reading them and loads an article with its claims', async () => {
    const { store } = await freshStore();
    const text = 'one two three four';
    const a = await article(text);
    await store.addArticle(a, text);
    const c1 = createClaim(text, a.id, { start: 0, end: 3 }, 'sourced', me)!;
    const c2 = createClaim(text, a.id, { start: 4, end: 7 }, 'opinion', me)!;
    const c3 = createClaim(text, a.id, { start: 8, end: 13 }, 'opinion', me)!;
    await store.applyChanges([c1, c2, c3].map((after) => ({ before: null, after })));
    const [summary] = await store.listArticles();
    expect(summary!.counts).toEqual({ sourced: 1, disputed: 0, opinion: 2 });
    const loaded = await store.loadArticle(a.id);
    expect(loaded!.text).toBe(text);
    expect(loaded!.claims.map((c) => c.exact).sort()).toEqual(['one', 'three', 'two']);
    await store.applyChanges([{ before: c2, after: null }]);
    expect((await store.listArticles())[0]!.counts.opinion).toBe(1);
  });

  it('keeps claims across many pages through edits, deletions, imports and lookups by id', async () => {
    const { store } = await freshStore();
    const text = 'word '.repeat(2000);
    const a = await article(text);
    await store.addArticle(a, text);
    const make = (i: number) => ({
      ...createClaim(text, a.id, { start: i * 5, end: i * 5 + 4 }, (['sourced', 'disputed', 'opinion'] as const)[i % 3]!, me)!,
      id: `c${i}`,
    });
    const first = Array.from({ length: PAGE_SIZE * 2 + 10 }, (_, i) => make(i));
    await store.applyChanges(first.map((after) => ({ before: null, after })));
    // One action adding, changing and removing claims on several pages at once.
    const relabelled = { ...first[3]!, label: 'opinion' as const, modified: '2099-01-01T00:00:00.000Z' };
    const added = make(first.length);
    await store.applyChanges([
      { before: first[3]!, after: relabelled },
      { before: first[PAGE_SIZE + 1]!, after: null },
      { before: null, after: added },
      { before: first.at(-1)!, after: null },
    ]);
    const expected = [
      ...first
        .slice(0, -1)
        .filter((c) => c.id !== `c${PAGE_SIZE + 1}`)
        .map((c) => (c.id === 'c3' ? relabelled : c)),
      added,
    ];
    const loaded = (await store.loadArticle(a.id))!.claims;
    expect(loaded.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(loaded.find((c) => c.id === 'c3')!.label).toBe('opinion');
    const counts = (await store.listArticles())[0]!.counts;
    expect(counts).toEqual({
      sourced: expected.filter((c) => c.label === 'sourced').length,
      disputed: expected.filter((c) => c.label === 'disputed').length,
      opinion: expected.filter((c) => c.label === 'opinion').length,
    });
    expect((await store.claimsById(['c3', `c${PAGE_SIZE + 1}`, added.id])).map((c) => c.id)).toEqual(['c3', added.id]);
    const parts: Claim[][] = [];
    for await (const part of store.claimsInParts(a.id)) parts.push(part);
    expect(parts.flat()).toEqual(loaded);
    // An import adds new claims after the stored ones and leaves the rest as they are.
    const more = Array.from({ length: PAGE_SIZE }, (_, i) => make(first.length + 1 + i));
    const file = toExportFile([{ article: a, text, claims: [...more, first[0]!] }], me, first[0]!.created, 'test');
    const read = await readExportFile(JSON.stringify(file));
    if (!read.ok) throw new Error(read.problems.join());
    expect(await store.importFile(read.value)).toMatchObject({ claimsAdded: PAGE_SIZE, claimsUnchanged: 1 });
    const after = (await store.loadArticle(a.id))!.claims;
    expect(after).toHaveLength(expected.length + PAGE_SIZE);
    expect(after.slice(0, expected.length)).toEqual(loaded);
    expect((await store.listArticles())[0]!.counts.sourced).toBe(after.filter((c) => c.label === 'sourced').length);
  });

  it('reads a long article whole and in stored order, however its pages fall into requests', async () => {
    const { store } = await freshStore();
    const text = 'word '.repeat(PAGE_SIZE * PAGES_PER_READ * 2 + 1);
    const a = await article(text);
    await store.addArticle(a, text);
    const make = (i: number) => ({ ...createClaim(text, a.id, { start: i * 5, end: i * 5 + 4 }, 'sourced', me)!, id: `c${i}` });
    // Exactly one request's pages, then one claim more, then two requests' and a part.
    for (const count of [PAGE_SIZE * PAGES_PER_READ, PAGE_SIZE * PAGES_PER_READ * 2 + 1]) {
      const stored = (await store.loadArticle(a.id))!.claims.length;
      const claims = Array.from({ length: count - stored }, (_, i) => make(stored + i));
      await store.applyChanges(claims.map((after) => ({ before: null, after })));
      const loaded = (await store.loadArticle(a.id))!.claims;
      expect(loaded.map((c) => c.id)).toEqual(Array.from({ length: count }, (_, i) => `c${i}`));
    }
  });

  it('keeps article text, fingerprint and what its file gave (page map, original) when details are edited', async () => {
    const { store } = await freshStore();
    const text = 'Some article\nits second page';
    const original = { name: 'report.pdf', sha256: 'b'.repeat(64), type: 'application/pdf', size: 3 };
    const a = { ...(await article(text)), author: 'Old author', pages: [0, 13], lang: 'en', original };
    await store.addArticle(a, text, { ...original, added: a.added, gzip: new Uint8Array([1, 2, 3]).buffer });
    const updated = await store.updateArticleMeta(a.id, { title: 'New title', outlet: 'Outlet' });
    expect(updated).toMatchObject({ title: 'New title', outlet: 'Outlet', textSha256: a.textSha256, pages: [0, 13], lang: 'en', original });
    expect(updated.author).toBeUndefined();
    expect((await store.loadArticle(a.id))!.text).toBe(text);
    expect(new Uint8Array((await store.original(a.id))!.gzip)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('imports a file once: the same file again changes nothing, and a later edit wins', async () => {
    const { store } = await freshStore();
    const text = 'The CSTO was founded in 2002.';
    const a = await article(text, 'shared-id');
    const claim = createClaim(text, a.id, { start: 0, end: 8 }, 'sourced', { id: 'other', name: 'Other' }, '2026-01-01T00:00:00.000Z')!;
    const json = (c: Claim) => JSON.stringify(toExportFile([{ article: a, text, claims: [c] }], me, '2026-01-02T00:00:00.000Z', 'test'));
    const read = async (c: Claim) => {
      const r = await readExportFile(json(c));
      if (!r.ok) throw new Error(r.problems.join('\n'));
      return r.value;
    };
    const none = { claimsRenamed: 0, claimsRefused: [], unlabelledAdded: 0 };
    expect(await store.importFile(await read(claim))).toEqual({
      articlesAdded: 1,
      articlesMatched: 0,
      claimsAdded: 1,
      claimsUpdated: 0,
      claimsUnchanged: 0,
      ...none,
    });
    expect(await store.importFile(await read(claim))).toEqual({
      articlesAdded: 0,
      articlesMatched: 1,
      claimsAdded: 0,
      claimsUpdated: 0,
      claimsUnchanged: 1,
      ...none,
    });
    const older = { ...claim, label: 'opinion' as const, modified: '2025-12-31T00:00:00.000Z' };
    await store.importFile(await read(older));
    const labelNow = async () => (await store.loadArticle(a.id))!.claims.find((c) => c.id === claim.id)!.label;
    expect(await labelNow()).toBe('sourced');
    const newer = { ...claim, label: 'disputed' as const, modified: '2026-01-03T00:00:00.000Z' };
    expect((await store.importFile(await read(newer))).claimsUpdated).toBe(1);
    expect(await labelNow()).toBe('disputed');
  });

  it('an import whose transaction fails stores nothing from that file', async () => {
    const { store } = await freshStore();
    const text = 'Article text for a failing import.';
    const a = await article(text);
    const good = createClaim(text, a.id, { start: 0, end: 7 }, 'sourced', me)!;
    // A claim that cannot be cloned into IndexedDB makes the put throw mid-transaction.
    const bad = { ...good, id: 'bad', sources: [{ url: (() => 0) as unknown as string }] };
    await expect(
      store.importFile({ annotator: me, exportedAt: good.created, articles: [{ article: a, text, claims: [good, bad] }], relations: [], threads: [] }),
    ).rejects.toThrow(/Could not import the file/);
    expect(await store.listArticles()).toEqual([]);
    expect(await store.loadArticle(a.id)).toBeUndefined();
  });

  it('imports relations and threads, mapping article ids to the stored articles, and keeps fingerprints', async () => {
    const { store } = await freshStore();
    const [textA, textB] = ['First text about the CSTO founding in 2002.', 'Second text: the CSTO was founded in 2002.'];
    const [a, b] = [await article(textA, 'a'), await article(textB, 'b')];
    await store.addArticle({ ...b, id: 'stored-b' }, textB);
    const claimA = createClaim(textA, 'a', { start: 0, end: 10 }, 'sourced', me)!;
    const claimB = createClaim(textB, 'b', { start: 0, end: 10 }, 'sourced', me)!;
    const file = toExportFile(
      [
        { article: a, text: textA, claims: [claimA] },
        { article: b, text: textB, claims: [claimB] },
      ],
      me,
      claimA.created,
      'test',
      {
        relations: [{ id: 'r', from: 'a', to: 'b', kind: 'cites', created: claimA.created }],
        threads: [{ id: 't', title: 'founding', claimIds: [claimA.id, claimB.id], created: claimA.created, modified: claimA.created }],
      },
    );
    const read = await readExportFile(JSON.stringify(file));
    if (!read.ok) throw new Error(read.problems.join());
    await store.importFile(read.value);
    expect(await store.relations()).toEqual([{ id: 'r', from: 'a', to: 'stored-b', kind: 'cites', created: claimA.created }]);
    expect((await store.threads())[0]!.claimIds).toEqual([claimA.id, claimB.id]);
    expect((await store.claimsById([claimB.id, 'gone'])).map((c) => c.articleId)).toEqual(['stored-b']);
    expect((await store.fingerprints()).missing.sort()).toEqual(['a', 'stored-b']);
    await store.putFingerprint('a', fingerprint(textA));
    expect(await store.fingerprints()).toEqual({ known: [{ id: 'a', fingerprint: fingerprint(textA) }], missing: ['stored-b'] });
  });

  it('closes its connection when another opens a newer version, so the upgrade is not blocked', async () => {
    let told = false;
    const name = `test-${++counter}`;
    const store = await Store.open(name, { onVersionChange: () => (told = true) });
    const newer = await openDB(name, DB_VERSION + 1, { blocked: () => expect.fail('upgrade was blocked') });
    expect(told).toBe(true);
    newer.close();
    store.close();
  });

  it('runs every migration from version 0', async () => {
    const { name } = await freshStore();
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'articles',
      'claimCounts',
      'claimPages',
      'comments',
      'conflicts',
      'decisionConflicts',
      'decisions',
      'fingerprints',
      'originals',
      'outbox',
      'relations',
      'settings',
      'texts',
      'threads',
      'unlabelled',
    ]);
    db.close();
  });

  it('upgrades a version 1 database to the current version, keeping its data', async () => {
    // A database as version 1 of claimtrail left it.
    const name = `test-${++counter}`;
    const text = 'Stored under version 1.';
    const a = await article(text, 'v1-article');
    const claim = createClaim(text, a.id, { start: 0, end: 6 }, 'opinion', me)!;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('articles', { keyPath: 'id' }).createIndex('bySha', 'textSha256', { unique: true });
        db.createObjectStore('texts', { keyPath: 'id' });
        const claims = db.createObjectStore('claims', { keyPath: 'id' });
        claims.createIndex('byArticle', 'articleId');
        claims.createIndex('byArticleLabel', ['articleId', 'label']);
        db.createObjectStore('settings');
      },
    });
    await v1.put('articles', a);
    await v1.put('texts', { id: a.id, text });
    await v1.put('claims', claim);
    // And, on a second article, more claims than one page holds.
    const other = await article('Another text stored under version 1.', 'v1-other');
    await v1.put('articles', other);
    const many = Array.from({ length: PAGE_SIZE * 2 + 3 }, (_, i) => ({
      ...claim,
      id: `many-${i}`,
      articleId: other.id,
      label: i % 2 ? ('sourced' as const) : ('disputed' as const),
    }));
    const write = v1.transaction('claims', 'readwrite');
    for (const c of many) queue(write.store.put(c));
    await write.done;
    await v1.put('settings', me, 'annotator');
    v1.close();

    const store = await Store.open(name);
    stores.push(store);
    expect(await store.loadArticle(a.id)).toEqual({ article: a, text, claims: [claim] });
    const counts = new Map((await store.listArticles()).map((s) => [s.article.id, s.counts]));
    expect(counts.get(a.id)).toEqual({ sourced: 0, disputed: 0, opinion: 1 });
    expect(counts.get(other.id)).toEqual({ sourced: PAGE_SIZE + 1, disputed: PAGE_SIZE + 2, opinion: 0 });
    expect((await store.claimsById(['many-0', `many-${PAGE_SIZE * 2 + 2}`])).map((c) => c.id)).toEqual(['many-0', `many-${PAGE_SIZE * 2 + 2}`]);
    expect(await store.getSetting('annotator')).toEqual(me);
    const decision = { key: 'x+y', articleId: a.id, status: 'rejected' as const, by: me, at: claim.created };
    await store.putDecision(decision);
    expect(await store.decisions(a.id)).toEqual([decision]);
    const comment = { id: 'k', claimId: claim.id, articleId: a.id, by: me, at: claim.created, text: 'Source?' };
    await store.addComment(comment);
    expect(await store.comments(a.id)).toEqual([comment]);
    expect((await store.exportBundles())[0]!.comments).toEqual([comment]);
  });
});
