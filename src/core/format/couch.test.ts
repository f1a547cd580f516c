import { describe, expect, it } from 'vitest';
import { makeArticle } from '../article';
import { createClaim, type Claim, type ClaimComment } from '../model';
import { OffsetIndex } from '../text';
import {
  articleDoc,
  byWinner,
  claimDoc,
  commentDoc,
  decisionDoc,
  docJsonSchema,
  docsToExportFile,
  DOC_SCHEMAS,
  relationDoc,
  serverUrlProblem,
  threadDoc,
  unlabelledDoc,
} from './couch';
import { readExportData } from './import';

const ana = { id: 'ana', name: 'Ana' };
const bea = { id: 'bea', name: 'Bea' };
const NOW = '2026-12-02T08:00:00.000Z';

async function library() {
  const one = await makeArticle('Flags 😀 wave. قَالَ الوزير: لا.\nThe minister said 2,000 troops went.', { title: 'One', url: 'https://news.example/one' });
  const two = await makeArticle('A repost: the minister said 2,000 troops went.', { title: 'Two', published: '2022-01' });
  const on = (a: typeof one, words: string, label: Claim['label'], by = ana) => {
    const at = a.text.indexOf(words);
    return createClaim(a.text, a.article.id, { start: at, end: at + words.length }, label, by, NOW)!;
  };
  const said = one.text.indexOf('The minister');
  const troops = {
    ...on(one, '2,000 troops', 'sourced'),
    note: 'Matches the ministry.',
    sources: [{ url: 'https://mod.example/1', citation: 'Ministry', attribution: { start: said, end: said + 12, exact: 'The minister' } }],
  };
  const emoji = on(one, '😀 wave', 'opinion', bea);
  const arabic = on(one, 'قَالَ الوزير', 'disputed');
  const repost = on(two, '2,000 troops', 'sourced', bea);
  const { label: _, ...waiting } = { ...on(two, 'A repost', 'opinion'), id: 'waiting-1' };
  const comment: ClaimComment = { id: 'k1', claimId: troops.id, articleId: one.article.id, by: bea, at: NOW, text: 'Which ministry?' };
  return { one, two, troops, emoji, arabic, repost, waiting, comment };
}

describe('the team database’s documents', () => {
  it('every shape round-trips through documents and the version 1 checks, code points and all', async () => {
    const { one, two, troops, emoji, arabic, repost, waiting, comment } = await library();
    const shaOf = (id: string) => (id === one.article.id ? one.article.textSha256 : two.article.textSha256);
    const [o1, o2] = [new OffsetIndex(one.text), new OffsetIndex(two.text)];
    const docs = [
      articleDoc(one.article, one.text),
      articleDoc(two.article, two.text),
      ...[troops, emoji, arabic].map((c) => claimDoc(c, one.article.textSha256, o1)),
      claimDoc(repost, two.article.textSha256, o2),
      unlabelledDoc(waiting, two.article.textSha256, o2),
      commentDoc(comment, one.article.textSha256),
      decisionDoc({ key: `${arabic.id}|x`, articleId: one.article.id, status: 'rejected', by: bea, at: NOW }, one.article.textSha256),
      relationDoc({ id: 'r1', from: two.article.id, to: one.article.id, kind: 'republishes', created: NOW }, shaOf),
      threadDoc({ id: 't1', title: 'Troops', claimIds: [troops.id, repost.id], created: NOW, modified: NOW }),
    ];
    // Code points in the documents: the emoji counts once.
    expect(docs.find((d) => d._id === `claim:${emoji.id}`)).toMatchObject({ start: 6, end: 12, article: one.article.textSha256 });
    for (const doc of docs) expect(DOC_SCHEMAS[doc.type].safeParse(doc).success, doc._id).toBe(true);
    const shuffled = [...docs].reverse().map((d) => ({ ...d, _rev: '1-abc' }));
    const { file, decisions, problems } = docsToExportFile(shuffled, ana, NOW);
    expect(problems).toEqual([]);
    const read = await readExportData(file);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const bySha = new Map(read.value.articles.map((b) => [b.article.textSha256, b]));
    const back1 = bySha.get(one.article.textSha256)!;
    const pick = (c: Claim) => [c.id, c.label, c.start, c.end, c.exact, c.prefix, c.suffix, c.note, c.sources, c.annotator, c.created];
    expect(back1.claims.map(pick).sort()).toEqual([troops, emoji, arabic].map(pick).sort());
    expect(back1.comments!.map((c) => [c.id, c.claimId, c.text])).toEqual([['k1', troops.id, 'Which ministry?']]);
    expect([back1.article.title, back1.article.url, back1.text]).toEqual(['One', 'https://news.example/one', one.text]);
    const back2 = bySha.get(two.article.textSha256)!;
    expect(back2.unlabelled!.map((u) => [u.id, u.exact, u.start])).toEqual([['waiting-1', 'A repost', 0]]);
    expect(back2.article.published).toBe('2022-01');
    expect(read.value.relations).toEqual([{ id: 'r1', from: two.article.textSha256, to: one.article.textSha256, kind: 'republishes', created: NOW }]);
    expect(read.value.threads.map((t) => t.claimIds)).toEqual([[troops.id, repost.id]]);
    expect(decisions.map((d) => [d.key, d.status, d.by.id])).toEqual([[`${arabic.id}|x`, 'rejected', 'bea']]);
  });

  it('says which documents it cannot read, and a claim on another text is refused by the checks', async () => {
    const { one, troops } = await library();
    const o1 = new OffsetIndex(one.text);
    const bad = { ...claimDoc(troops, one.article.textSha256, o1), exact: 'something else' };
    const { file, problems } = docsToExportFile(
      [
        articleDoc(one.article, one.text),
        bad,
        { _id: 'x', type: 'nonsense' },
        { ...claimDoc(troops, 'f'.repeat(64), o1), _id: 'claim:orphaned' },
        { _id: 'claim:broken', type: 'claim' },
      ],
      ana,
      NOW,
    );
    expect(problems).toEqual([
      'x: not a claimtrail document (no known "type")',
      expect.stringMatching(/^claim:broken: /),
      `claim:orphaned: its article (${'f'.repeat(64)}) is not in the database`,
    ]);
    const read = await readExportData(file);
    expect(read.ok ? [] : read.problems).toEqual([expect.stringContaining('"exact" is "something else"')]);
  });

  it('each document type has a JSON Schema', () => {
    for (const type of Object.keys(DOC_SCHEMAS) as (keyof typeof DOC_SCHEMAS)[]) {
      expect(docJsonSchema(type)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
    }
  });
});

describe('team server addresses and conflict winners', () => {
  it('accepts https anywhere and http only on this machine', () => {
    expect(serverUrlProblem('https://couch.example.org')).toBeNull();
    expect(serverUrlProblem('http://localhost:5984')).toBeNull();
    expect(serverUrlProblem('http://127.0.0.1:5984/')).toBeNull();
    expect(serverUrlProblem('http://[::1]:5984/')).toBeNull();
    expect(serverUrlProblem('http://couch.example.org')).toContain('Only https');
    expect(serverUrlProblem('ftp://localhost')).toContain('Only https');
    expect(serverUrlProblem('https://ana:pw@couch.example.org')).toContain('their own fields');
    expect(serverUrlProblem('couch')).toContain('web address');
  });

  it('picks the later modified version, then the later revision, whatever the order given', () => {
    const a = { rev: '3-aaa', modified: '2026-01-02T00:00:00.000Z' };
    const b = { rev: '2-fff', modified: '2026-01-03T00:00:00.000Z' };
    const c = { rev: '3-bbb', modified: '2026-01-02T00:00:00.000Z' };
    const d = { rev: '10-000', modified: '2026-01-02T00:00:00.000Z' };
    expect(byWinner([a, b, c, d])).toEqual([b, d, c, a]);
    expect(byWinner([d, c, b, a])).toEqual([b, d, c, a]);
  });
});
