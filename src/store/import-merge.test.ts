import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { toExportFile, type ArticleBundle } from '../core/format/export';
import { readExportFile } from '../core/format/import';
import { createClaim, type Annotator, type Article, type Claim } from '../core/model';
import { sha256Hex } from '../core/text';
import { Store } from './db';

const ana: Annotator = { id: 'ana', name: 'Ana' };
const eve: Annotator = { id: 'eve', name: 'Eve' };
let counter = 0;
const stores: Store[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function fresh(): Promise<Store> {
  const store = await Store.open(`merge-${++counter}`);
  stores.push(store);
  return store;
}

async function articleOf(text: string): Promise<Article> {
  return { id: `a-${++counter}`, title: text.slice(0, 10), textSha256: await sha256Hex(text), length: text.length, added: '2026-01-01T00:00:00.000Z' };
}

const claimOn = (article: Article, text: string, words: string, by: Annotator, id: string, modified = '2026-01-01T00:00:00.000Z'): Claim => {
  const start = text.indexOf(words);
  return { ...createClaim(text, article.id, { start, end: start + words.length }, 'sourced', by, modified)!, id };
};

/** The file a colleague would send: checked like any import. */
async function file(bundles: ArticleBundle[]) {
  const read = await readExportFile(JSON.stringify(toExportFile(bundles, eve, '2026-02-01T00:00:00.000Z', 'test')));
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return read.value;
}

/** The library as a claimtrail import sees it: it must read back whole. */
async function exportsWhole(store: Store): Promise<Claim[]> {
  const read = await readExportFile(JSON.stringify(toExportFile(await store.exportBundles(), ana, '2026-03-01T00:00:00.000Z', 'test')));
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return read.value.articles.flatMap((a) => a.claims);
}

const A = 'The CSTO was founded in 2002 by six states.';
const B = 'Troops arrived in Almaty on 6 January 2022.';

describe('importing claims whose ids are already used', () => {
  it('an id used by a claim on another article becomes a new id, once, and the library still exports whole', async () => {
    const store = await fresh();
    const [a, b] = [await articleOf(A), await articleOf(B)];
    await store.addArticle(a, A);
    await store.applyChanges([{ before: null, after: claimOn(a, A, 'founded in 2002', ana, 'X') }]);
    const incoming = await file([{ article: b, text: B, claims: [claimOn(b, B, 'Troops arrived', eve, 'X')] }]);
    const report = await store.importFile(incoming);
    expect(report).toMatchObject({ claimsAdded: 1, claimsRenamed: 1, claimsRefused: [] });
    const claims = await exportsWhole(store);
    expect(claims.map((c) => [c.exact, c.annotator.id])).toEqual([
      ['founded in 2002', 'ana'],
      ['Troops arrived', 'eve'],
    ]);
    expect(claims.find((c) => c.exact === 'founded in 2002')!.id).toBe('X');
    // The same file again finds the renamed claim: nothing is added twice.
    expect(await store.importFile(incoming)).toMatchObject({ claimsAdded: 0, claimsUnchanged: 1, claimsRenamed: 0 });
    expect(await exportsWhole(store)).toHaveLength(2);
  });

  it('an id on the same article but other words is a different claim; under another annotator’s name it is refused', async () => {
    const store = await fresh();
    const a = await articleOf(A);
    await store.addArticle(a, A);
    const mine = claimOn(a, A, 'founded in 2002', ana, 'X');
    await store.applyChanges([{ before: null, after: mine }]);
    const forged = { ...claimOn(a, A, 'founded in 2002', eve, 'X', '2026-05-01T00:00:00.000Z'), label: 'opinion' as const };
    const elsewhere = claimOn(a, A, 'six states', ana, 'X', '2026-05-01T00:00:00.000Z');
    const report = await store.importFile(await file([{ article: a, text: A, claims: [forged] }]));
    expect(report.claimsRefused).toEqual([{ id: 'X', why: 'it would replace Ana’s claim with one under Eve’s name' }]);
    expect(await store.importFile(await file([{ article: a, text: A, claims: [elsewhere] }]))).toMatchObject({ claimsAdded: 1, claimsRenamed: 1 });
    const claims = await exportsWhole(store);
    expect(claims.find((c) => c.id === 'X')).toMatchObject({ label: 'sourced', annotator: ana, exact: 'founded in 2002' });
    expect(claims.map((c) => c.exact).sort()).toEqual(['founded in 2002', 'six states']);
  });

  it('any mix of colliding imports leaves every claim id unique and the library exportable (property)', async () => {
    const ids = fc.constantFrom('X', 'Y', 'Z');
    const claim = fc.record({
      on: fc.constantFrom(0, 1),
      words: fc.constantFrom('CSTO', '2002', 'six', 'Troops', 'Almaty'),
      by: fc.constantFrom(ana, eve),
      id: ids,
      later: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(claim, { maxLength: 4 }), { minLength: 1, maxLength: 4 }), async (files) => {
        const store = await fresh();
        const articles = [await articleOf(A), await articleOf(B)];
        const texts = [A, B];
        const before = await exportsWhole(store);
        for (const spec of files) {
          const byArticle = [0, 1].map((i) => ({ article: articles[i]!, text: texts[i]!, claims: new Map<string, Claim>() }));
          for (const c of spec) {
            const text = texts[c.on]!;
            const words = text.includes(c.words) ? c.words : text.slice(0, 3);
            byArticle[c.on]!.claims.set(
              c.id,
              claimOn(articles[c.on]!, text, words, c.by, c.id, c.later ? '2026-06-01T00:00:00.000Z' : '2026-01-01T00:00:00.000Z'),
            );
          }
          // One file holds each id once (the v1 check), so a file's claims come from a map.
          const used = new Set<string>();
          const bundles = byArticle.map((b) => ({
            article: b.article,
            text: b.text,
            claims: [...b.claims.values()].filter((x) => !used.has(x.id) && used.add(x.id)),
          }));
          await store.importFile(await file(bundles));
        }
        const claims = await exportsWhole(store);
        expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
        expect(claims.length).toBeGreaterThanOrEqual(before.length);
      }),
      { numRuns: 40 },
    );
  });
});
