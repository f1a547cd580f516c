import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article';
import { toExportFile } from '../core/format/export';
import { readExportFile } from '../core/format/import';
import { createClaim } from '../core/model';
import { Store } from '../store/db';
import { carryVersions, findVersions } from './versions';

const me = { id: 'me', name: 'Me' };
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const story =
  'The council met on Tuesday. Its members agreed to send observers to the border region, officials said. ' +
  'The decision follows weeks of talks between the capitals about the disputed crossing and its customs posts. ';

describe('versions on import', () => {
  it('finds an article that is a version of a stored one, carries its claims onto the stored text, and leaves the rest', async () => {
    const store = await Store.open(`versions-${Math.random()}`);
    stores.push(store);
    const stored = await makeArticle(story.repeat(3), { title: 'Stored story' });
    await store.addArticle(stored.article, stored.text);
    const repost = await makeArticle(`Site menu\n${story.repeat(3).replace('Tuesday', 'Tuseday')}`, { title: 'Repost' });
    const other = await makeArticle('A different text about something else entirely, with no words in common at all here.', { title: 'Other' });
    const at = repost.text.indexOf('Its members');
    const claim = createClaim(repost.text, repost.article.id, { start: at, end: at + 'Its members agreed to send observers'.length }, 'sourced', me)!;
    const otherClaim = createClaim(other.text, other.article.id, { start: 0, end: 11 }, 'opinion', me)!;
    const file = toExportFile(
      [
        { ...repost, claims: [claim] },
        { ...other, claims: [otherClaim] },
      ],
      me,
      claim.created,
      'test',
      {
        relations: [{ id: 'r', from: other.article.id, to: repost.article.id, kind: 'cites', created: claim.created }],
      },
    );
    const read = await readExportFile(JSON.stringify(file));
    if (!read.ok) throw new Error(read.problems.join());

    const questions = await findVersions(store, read.value);
    expect(questions.map((q) => [q.index, q.title, q.claims, q.stored.id])).toEqual([[0, 'Repost', 1, stored.article.id]]);
    expect((await store.fingerprints()).missing).toEqual([]);

    const { file: carried, lines } = await carryVersions(store, read.value, questions);
    expect(lines).toEqual(['1 claims carried onto “Stored story”: 0 exact, 1 moved, 0 fuzzy, 0 not found.']);
    expect(carried.relations[0]).toMatchObject({ from: other.article.id, to: stored.article.id });
    await store.importFile(carried);
    const onStored = (await store.loadArticle(stored.article.id))!.claims;
    expect(onStored.map((c) => stored.text.slice(c.start, c.end))).toEqual(['Its members agreed to send observers']);
    expect(onStored[0]!.anchor?.from.claim).toBe(claim.id);
    expect((await store.listArticles()).map((s) => s.article.title).sort()).toEqual(['Other', 'Stored story']);

    // Asked again, the same file carries nothing twice.
    const again = await carryVersions(store, read.value, questions);
    expect(again.file.articles[0]!.claims).toEqual([]);
  });
});
