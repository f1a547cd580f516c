import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article';
import { toExportFile, type ArticleBundle } from '../core/format/export';
import type { Json } from '../core/format/json';
import { createClaim } from '../core/model';
import { Store } from '../store/db';
import { importClaimtrail, parsedSource, startsAsClaimtrail, streamedSource, type ClaimtrailHost } from './claimtrail-import';

const me = { id: 'me', name: 'Me' };
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const story =
  'The council met on Tuesday. Its members agreed to send observers to the border region, officials said. ' +
  'The decision follows weeks of talks between the capitals about the disputed crossing and its customs posts. ';

async function freshStore(): Promise<Store> {
  const store = await Store.open(`claimtrail-import-${Math.random()}`);
  stores.push(store);
  return store;
}

/** An article of `text` with a claim on each of `phrases`. */
async function bundleOf(text: string, title: string, phrases: string[]): Promise<ArticleBundle> {
  const made = await makeArticle(text, { title });
  const claims = phrases.map((phrase) => {
    const at = made.text.indexOf(phrase);
    return createClaim(made.text, made.article.id, { start: at, end: at + phrase.length }, 'sourced', me)!;
  });
  return { ...made, claims };
}

/** The file's JSON streamed in chunks of `size` characters, as a file read from disk arrives. */
function chunked(json: string, size: number): ReadableStream<string> {
  let at = 0;
  return new ReadableStream<string>({
    pull(controller) {
      if (at >= json.length) return controller.close();
      controller.enqueue(json.slice(at, (at += size)));
    },
  });
}

const streamed = (json: string) => streamedSource(chunked(json, 97), () => undefined);
const parsed = (json: string) => parsedSource(JSON.parse(json) as Json, () => undefined);
const host = (answers: boolean[] | null = []): ClaimtrailHost & { asked: unknown[] } => {
  const asked: unknown[] = [];
  return { asked, ask: async (questions) => (asked.push(...questions), answers), saving: () => undefined };
};

async function library(store: Store) {
  const bundles = await store.contents();
  return bundles.map((b) => ({ title: b.article.title, claims: b.claims.map((c) => b.text.slice(c.start, c.end)) }));
}

describe('importing a claimtrail file article by article', () => {
  it('stores a streamed file as the same file parsed whole would be', async () => {
    const a = await bundleOf(story, 'First', ['Its members agreed', 'officials said']);
    const b = await bundleOf(`Another report. ${story.replace('Tuesday', 'Monday')}`, 'Second', ['weeks of talks']);
    const json = JSON.stringify(
      toExportFile([a, b], me, a.claims[0]!.created, 'test', {
        relations: [{ id: 'r', from: b.article.id, to: a.article.id, kind: 'cites', created: a.claims[0]!.created }],
      }),
    );
    expect(await startsAsClaimtrail(new Blob([json]))).toBe(true);
    const one = await freshStore();
    const two = await freshStore();
    const viaStream = await importClaimtrail(one, streamed(json), host());
    const viaParse = await importClaimtrail(two, parsed(json), host());
    expect(viaStream).toEqual(viaParse);
    expect(viaStream).toMatchObject({ status: 'imported', report: { articlesAdded: 2, claimsAdded: 3 } });
    expect(await library(one)).toEqual(await library(two));
    expect(await library(one)).toEqual([
      { title: 'First', claims: ['Its members agreed', 'officials said'] },
      { title: 'Second', claims: ['weeks of talks'] },
    ]);
    expect((await one.relations()).map((r) => r.kind)).toEqual(['cites']);
  });

  it('stores nothing when a later article is refused, though the earlier ones were already written', async () => {
    const store = await freshStore();
    const good = await bundleOf(story, 'Good', ['Its members agreed']);
    const bad = await bundleOf(`Second story. ${story}`, 'Bad', ['officials said']);
    const file = toExportFile([good, bad], me, good.claims[0]!.created, 'test');
    (file.articles[1]!.claims[0] as { exact: string }).exact = 'not these words';
    const outcome = await importClaimtrail(store, streamed(JSON.stringify(file)), host());
    expect(outcome).toEqual({ status: 'invalid', problems: [expect.stringContaining('articles[1].claims[0]: "exact" is "not these words"')] });
    expect(await library(store)).toEqual([]);
  });

  it('refuses a file cut short, or without its articles, and stores nothing', async () => {
    const store = await freshStore();
    const json = JSON.stringify(toExportFile([await bundleOf(story, 'Story', ['Its members agreed'])], me, new Date().toISOString(), 'test'));
    const cut = await importClaimtrail(store, streamed(json.slice(0, -40)), host());
    expect(cut).toEqual({ status: 'invalid', problems: [expect.stringMatching(/^not JSON: /)] });
    const { articles: _, ...headless } = JSON.parse(json) as Json;
    const without = await importClaimtrail(store, streamed(JSON.stringify(headless)), host());
    expect(without).toEqual({ status: 'invalid', problems: [expect.stringContaining('articles')] });
    const other = await importClaimtrail(store, streamed(json.replace('"version":1', '"version":2')), host());
    expect(other).toEqual({ status: 'invalid', problems: [expect.stringContaining('unsupported claimtrail format version 2')] });
    expect(await library(store)).toEqual([]);
  });

  it('puts versions of stored articles to the person at the end: carried when taken, nothing stored when cancelled', async () => {
    const store = await freshStore();
    const stored = await makeArticle(story.repeat(3), { title: 'Stored story' });
    await store.addArticle(stored.article, stored.text);
    const repost = await bundleOf(`Site menu\n${story.repeat(3).replace('Tuesday', 'Tuseday')}`, 'Repost', ['Its members agreed to send observers']);
    const other = await bundleOf('A different text about something else entirely, with no words in common at all here.', 'Other', ['A different']);
    const json = JSON.stringify(
      toExportFile([repost, other], me, repost.claims[0]!.created, 'test', {
        relations: [{ id: 'r', from: other.article.id, to: repost.article.id, kind: 'cites', created: repost.claims[0]!.created }],
      }),
    );
    const cancelled = host(null);
    expect(await importClaimtrail(store, streamed(json), cancelled)).toEqual({ status: 'cancelled' });
    expect(cancelled.asked).toMatchObject([{ index: 0, title: 'Repost', claims: 1, stored: { id: stored.article.id } }]);
    expect(await library(store)).toEqual([{ title: 'Stored story', claims: [] }]);

    const outcome = await importClaimtrail(store, streamed(json), host([true]));
    expect(outcome).toMatchObject({ status: 'imported', lines: ['1 claims carried onto “Stored story”: 0 exact, 1 moved, 0 fuzzy, 0 not found.'] });
    expect((await library(store)).sort((x, y) => x.title.localeCompare(y.title))).toEqual([
      { title: 'Other', claims: ['A different'] },
      { title: 'Stored story', claims: ['Its members agreed to send observers'] },
    ]);
    expect((await store.relations())[0]).toMatchObject({ from: other.article.id, to: stored.article.id });
    // Taken again, the same file carries nothing twice.
    const again = await importClaimtrail(store, streamed(json), host([true]));
    expect(again).toMatchObject({ status: 'imported', lines: [expect.stringMatching(/^0 claims carried/)] });
  });
});
