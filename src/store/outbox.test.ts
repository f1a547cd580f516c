import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createClaim, type Article } from '../core/model';
import { sha256Hex } from '../core/text';
import { Store, type TeamChanges } from './db';

const ana = { id: 'ana', name: 'Ana' };
const bea = { id: 'bea', name: 'Bea' };
const project = { server: 'http://localhost:5984', database: 'desk', user: 'ana' };
const TEXT = 'Title\n\nThe council voted on Tuesday.';
let n = 0;

async function setUp(team: boolean) {
  const store = await Store.open(`outbox-${++n}`);
  const article: Article = { id: `a${n}`, title: 'Title', textSha256: await sha256Hex(TEXT), length: TEXT.length, added: '2026-12-01T00:00:00.000Z' };
  await store.addArticle(article, TEXT);
  if (team) await store.team.setProject(project);
  return { store, article };
}

const arrived = (article: Article, claims: ReturnType<typeof createClaim>[], deletedClaims: string[] = []): TeamChanges => ({
  file: {
    annotator: ana,
    exportedAt: '',
    articles: [{ article: { ...article, id: article.textSha256 }, text: TEXT, claims: claims.map((c) => c!) }],
    relations: [],
    threads: [],
  },
  decisions: [],
  deleted: { claim: deletedClaims, unlabelled: [], relation: [], thread: [] },
  conflicts: [],
  settled: [],
  decisionConflicts: [],
  settledDecisions: [],
});

describe('the outbox', () => {
  it('records the team user’s claim changes with the change, and nothing without a team project', async () => {
    const solo = await setUp(false);
    await solo.store.applyChanges([{ before: null, after: createClaim(TEXT, solo.article.id, { start: 7, end: 18 }, 'sourced', ana)! }]);
    expect(await solo.store.team.outboxSize()).toBe(0);

    const { store, article } = await setUp(true);
    const claim = createClaim(TEXT, article.id, { start: 7, end: 18 }, 'sourced', ana)!;
    const theirs = createClaim(TEXT, article.id, { start: 19, end: 24 }, 'opinion', bea)!;
    await store.applyChanges([
      { before: null, after: claim },
      { before: null, after: theirs },
    ]);
    const read = await store.team.readOutbox(10);
    expect(read.entries.map((e) => e.key).sort()).toEqual([`article:${article.id}:${article.id}`, `claim:${article.id}:${claim.id}`]);
    expect(read.claims.get(claim.id)).toEqual(claim);
    expect(read.articles.get(article.id)?.text).toBe(TEXT);
  });

  it('records a change made in another tab the moment a project is connected in this one', async () => {
    const { store, article } = await setUp(false);
    const other = await Store.open(`outbox-${n}`);
    await store.team.setProject(project);
    const claim = createClaim(TEXT, article.id, { start: 7, end: 18 }, 'sourced', ana)!;
    await other.applyChanges([{ before: null, after: claim }]);
    expect((await store.team.readOutbox(10)).entries.map((e) => e.kind)).toEqual(['article', 'claim']);
    other.close();
  });

  it('clears only what was sent: an entry written again meanwhile stays', async () => {
    const { store, article } = await setUp(true);
    const claim = createClaim(TEXT, article.id, { start: 7, end: 18 }, 'sourced', ana)!;
    await store.applyChanges([{ before: null, after: claim }]);
    const sent = (await store.team.readOutbox(10)).entries;
    await store.applyChanges([{ before: claim, after: { ...claim, label: 'disputed' } }]);
    await store.team.clearOutbox(sent.filter((e) => e.kind === 'claim'));
    expect((await store.team.readOutbox(10)).entries.map((e) => e.kind)).toEqual(['article', 'claim']);
    await store.team.clearOutbox((await store.team.readOutbox(10)).entries);
    expect(await store.team.outboxSize()).toBe(0);
  });

  it('disconnecting keeps every claim and forgets what waited', async () => {
    const { store, article } = await setUp(true);
    await store.applyChanges([{ before: null, after: createClaim(TEXT, article.id, { start: 7, end: 18 }, 'sourced', ana)! }]);
    await store.team.setProject(null);
    expect(await store.team.outboxSize()).toBe(0);
    expect((await store.loadArticle(article.id))?.claims).toHaveLength(1);
  });
});

describe('applying the team’s changes', () => {
  it('takes the project’s version, keeps a change of ours still waiting, deletes, and stores the position with it', async () => {
    const { store, article } = await setUp(true);
    const mine = createClaim(TEXT, article.id, { start: 7, end: 18 }, 'sourced', ana, '2026-12-01T10:00:00.000Z')!;
    const theirs = createClaim(TEXT, article.id, { start: 19, end: 24 }, 'opinion', bea, '2026-12-01T10:00:00.000Z')!;
    const applied = await store.team.apply(arrived(article, [theirs]), 7);
    expect(applied.changes).toEqual([{ before: null, after: { ...theirs, articleId: article.id } }]);
    expect(await store.getSetting('teamSeq')).toBe(7);

    // Our change waits in the outbox: an older version arriving does not overwrite it.
    await store.applyChanges([{ before: null, after: mine }]);
    const older = { ...mine, label: 'opinion' as const, modified: '2026-12-01T09:00:00.000Z' };
    expect((await store.team.apply(arrived(article, [older]), 8)).changes).toEqual([]);
    await store.team.clearOutbox((await store.team.readOutbox(10)).entries);
    // Once sent, the project's version is the one: another machine's edit replaces ours.
    const edited = { ...mine, label: 'disputed' as const, modified: '2026-12-01T11:00:00.000Z' };
    expect((await store.team.apply(arrived(article, [edited]), 9)).changes).toHaveLength(1);
    expect((await store.loadArticle(article.id))?.claims.find((c) => c.id === mine.id)?.label).toBe('disputed');
    // Nothing that arrived entered the outbox.
    expect(await store.team.outboxSize()).toBe(0);

    await store.team.apply(arrived(article, [], [theirs.id]), 10);
    expect((await store.loadArticle(article.id))?.claims.map((c) => c.id)).toEqual([mine.id]);
    expect((await store.listArticles()).find((s) => s.article.id === article.id)?.counts).toEqual({ sourced: 0, disputed: 1, opinion: 0 });
  });

  it('never lets another name take over a claim of yours', async () => {
    const { store, article } = await setUp(true);
    const mine = createClaim(TEXT, article.id, { start: 7, end: 18 }, 'sourced', ana)!;
    await store.applyChanges([{ before: null, after: mine }]);
    await store.team.clearOutbox((await store.team.readOutbox(10)).entries);
    const forged = { ...mine, annotator: bea, modified: '2030-01-01T00:00:00.000Z' };
    const applied = await store.team.apply(arrived(article, [forged]), 3);
    expect(applied.refused).toHaveLength(1);
    expect((await store.loadArticle(article.id))?.claims[0]?.annotator).toEqual(ana);
  });

  it('never stores two claims under one id: a project claim whose id this library has on another article is refused', async () => {
    const { store, article } = await setUp(true);
    const otherText = 'Other\n\nAnother text entirely.';
    const other: Article = { id: 'other', title: 'Other', textSha256: await sha256Hex(otherText), length: otherText.length, added: '2026-12-01T00:00:00.000Z' };
    await store.addArticle(other, otherText);
    const local = createClaim(otherText, other.id, { start: 7, end: 14 }, 'sourced', bea)!;
    await store.applyChanges([{ before: null, after: local }]);
    const incoming = { ...createClaim(TEXT, article.id, { start: 7, end: 18 }, 'sourced', bea)!, id: local.id };
    const applied = await store.team.apply(arrived(article, [incoming]), 4);
    expect(applied.refused).toEqual([`${local.id}: this library has another claim under that id, on another article; it is kept`]);
    expect((await store.claimsById([local.id]))[0]).toEqual(local);
    expect((await store.loadArticle(article.id))?.claims).toEqual([]);
  });
});
