import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createClaim, type Article, type UnlabelledClaim } from '../core/model';
import { sha256Hex } from '../core/text';
import { Store } from '../store/db';
import { outboxDocs, readArrivals, type Arrived, type ReplicaReads } from './documents';

/**
 * Relations, claim threads and annotations waiting for a label, from one library's outbox
 * through documents (as the replica holds them) into another library: the road team sync takes,
 * without the network.
 */
const ana = { id: 'ana', name: 'Ana' };
const TEXTS = ['First\n\nThe council voted on Tuesday.', 'Second\n\nThe council voted on Tuesday, it said.'];
let n = 0;

/** A replica in memory: documents by id, each write a new revision. */
class Replica implements ReplicaReads {
  readonly docs = new Map<string, Arrived>();
  readonly revs = new Map<string, Arrived>();
  private seq = 0;
  write(docs: Iterable<{ _id: string; _deleted?: true }>): Arrived[] {
    return [...docs].map((doc) => {
      const rev = `${++this.seq}-x`;
      const stored = { ...doc, _rev: rev } as Arrived;
      this.docs.set(doc._id, stored);
      this.revs.set(`${doc._id}@${rev}`, stored);
      return stored;
    });
  }
  get(id: string): Promise<Arrived | undefined> {
    return Promise.resolve(this.docs.get(id));
  }
  getRev(id: string, rev: string): Promise<Arrived | undefined> {
    return Promise.resolve(this.revs.get(`${id}@${rev}`));
  }
}

async function library(team: boolean) {
  const store = await Store.open(`documents-${++n}`);
  const articles: Article[] = [];
  for (const [i, text] of TEXTS.entries()) {
    const article: Article = {
      id: `a${n}-${i}`,
      title: `Article ${i}`,
      textSha256: await sha256Hex(text),
      length: text.length,
      added: '2026-12-01T00:00:00.000Z',
    };
    await store.addArticle(article, text);
    articles.push(article);
  }
  if (team) await store.team.setProject({ server: 'http://localhost:5984', database: 'desk', user: 'ana' });
  return { store, articles };
}

/** Sends everything `from` has waiting into the replica, then applies what was written to `to`. */
async function send(from: Store, to: Store, replica: Replica): Promise<void> {
  const read = await from.team.readOutbox(1000);
  const written = replica.write(outboxDocs(read).values());
  await from.team.clearOutbox(read.entries);
  const { changes, problems } = await readArrivals(written, replica, '2026-12-02T00:00:00.000Z');
  expect(problems).toEqual([]);
  await to.team.apply(changes, written.length);
}

describe('relations, threads and waiting annotations through the team database', () => {
  it('publishes them, carries them to another library, and carries their changes and deletions', async () => {
    const replica = new Replica();
    const ana1 = await library(false);
    const bea = await library(true);
    const [first, second] = ana1.articles as [Article, Article];
    const waiting: UnlabelledClaim = { ...createClaim(TEXTS[0]!, first.id, { start: 7, end: 18 }, 'sourced', ana)! };
    delete (waiting as { label?: unknown }).label;
    await ana1.store.importFile({
      annotator: ana,
      exportedAt: '2026-12-01T00:00:00.000Z',
      articles: [{ article: first, text: TEXTS[0]!, claims: [], unlabelled: [waiting] }],
      relations: [],
      threads: [],
    });
    const claim = createClaim(TEXTS[1]!, second.id, { start: 8, end: 19 }, 'opinion', ana)!;
    await ana1.store.applyChanges([{ before: null, after: claim }]);
    const relation = { id: 'r1', from: second.id, to: first.id, kind: 'republishes' as const, created: '2026-12-01T01:00:00.000Z' };
    await ana1.store.putRelation(relation);
    const thread = { id: 't1', title: 'The vote', claimIds: [claim.id, waiting.id], created: '2026-12-01T02:00:00.000Z', modified: '2026-12-01T02:00:00.000Z' };
    await ana1.store.putThread(thread);
    expect(await ana1.store.team.outboxSize()).toBe(0);

    // Connecting: what was made before is offered, and published in one go.
    await ana1.store.team.setProject({ server: 'http://localhost:5984', database: 'desk', user: 'ana' });
    const work = await ana1.store.team.earlierWork(['ana']);
    expect([work.claims.length, work.unlabelled.length, work.relations.length, work.threads.length]).toEqual([1, 1, 1, 1]);
    await ana1.store.team.publishEarlier(work, ana);
    await send(ana1.store, bea.store, replica);
    expect(replica.docs.get('relation:r1')).toMatchObject({ type: 'relation', from: second.textSha256, to: first.textSha256 });
    const [beaFirst, beaSecond] = bea.articles as [Article, Article];
    expect(await bea.store.relations()).toEqual([{ ...relation, from: beaSecond.id, to: beaFirst.id }]);
    expect(await bea.store.threads()).toEqual([thread]);
    expect((await bea.store.unlabelled(beaFirst.id)).map((u) => [u.id, u.start, u.end])).toEqual([[waiting.id, 7, 18]]);

    // Labelling the waiting annotation, renaming the thread and removing the relation travel too.
    await ana1.store.labelUnlabelled({ ...waiting, label: 'disputed' });
    await ana1.store.putThread({ ...thread, title: 'The vote on Tuesday', modified: '2026-12-01T03:00:00.000Z' });
    await ana1.store.deleteRelation(relation);
    await send(ana1.store, bea.store, replica);
    expect(replica.docs.get(`unlabelled:${waiting.id}`)?._deleted).toBe(true);
    expect(await bea.store.unlabelled(beaFirst.id)).toEqual([]);
    expect((await bea.store.claimsById([waiting.id]))[0]?.label).toBe('disputed');
    expect((await bea.store.threads()).map((t) => t.title)).toEqual(['The vote on Tuesday']);
    expect(await bea.store.relations()).toEqual([]);

    // A thread left with no claims is deleted everywhere.
    await ana1.store.putThread({ ...thread, claimIds: [] });
    await send(ana1.store, bea.store, replica);
    expect(await bea.store.threads()).toEqual([]);
  });

  it('keeps both decisions made in two places on one disagreement, the later shown, until one is kept', async () => {
    const replica = new Replica();
    const bea = await library(true);
    const [first] = bea.articles as [Article];
    const decision = (at: string, status: 'accepted' | 'rejected', by: { id: string; name: string }) => ({
      _id: `decision:${first.textSha256}:c1|c2`,
      type: 'decision',
      article: first.textSha256,
      key: 'c1|c2',
      status,
      ...(status === 'accepted' ? { chosen: 'c1' } : {}),
      by,
      at,
    });
    const [earlier] = replica.write([decision('2026-12-01T10:00:00.000Z', 'rejected', { id: 'dan', name: 'Dan' })]);
    const [later] = replica.write([{ ...decision('2026-12-01T11:00:00.000Z', 'accepted', ana), _id: earlier!._id }]);
    const arrivedDoc = { ...earlier!, _conflicts: [later!._rev] };
    const { changes, problems } = await readArrivals([arrivedDoc], replica, '2026-12-02T00:00:00.000Z');
    expect(problems).toEqual([]);
    expect(changes.decisions.map((d) => d.decision.status)).toEqual(['accepted']);
    expect(changes.decisionConflicts.map((c) => c.versions.map((v) => [v.rev, v.decision.status]))).toEqual([
      [
        [later!._rev, 'accepted'],
        [earlier!._rev, 'rejected'],
      ],
    ]);
    await bea.store.team.apply(changes, 1);
    expect((await bea.store.decisions(first.id)).map((d) => d.status)).toEqual(['accepted']);
    expect((await bea.store.team.conflicts(first.id)).decisions.map((c) => c.versions.length)).toEqual([2]);

    // Kept: the document arrives again without conflicts, and the marker goes.
    const [kept] = replica.write([{ ...decision('2026-12-01T12:00:00.000Z', 'rejected', ana), _id: earlier!._id }]);
    await bea.store.team.apply((await readArrivals([kept!], replica, '2026-12-02T00:00:00.000Z')).changes, 2);
    expect((await bea.store.team.conflicts(first.id)).decisions).toEqual([]);
    expect((await bea.store.decisions(first.id)).map((d) => d.status)).toEqual(['rejected']);
  });

  it('keeps a relation change of this library that waits to go out over the project’s older one', async () => {
    const replica = new Replica();
    const ana1 = await library(true);
    const bea = await library(true);
    const [first, second] = ana1.articles as [Article, Article];
    const relation = { id: 'r2', from: second.id, to: first.id, kind: 'cites' as const, created: '2026-12-01T01:00:00.000Z' };
    const [beaFirst, beaSecond] = bea.articles as [Article, Article];
    await bea.store.putRelation({ ...relation, from: beaSecond.id, to: beaFirst.id, kind: 'excerpts' });
    await ana1.store.putRelation(relation);
    await send(ana1.store, bea.store, replica);
    expect((await bea.store.relations()).map((r) => r.kind)).toEqual(['excerpts']);
  });
});
